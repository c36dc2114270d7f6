package dev.smbco.benchmarks;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.crypto.CipherId;
import dev.smbco.protocol.crypto.MessageDecryptor;
import dev.smbco.protocol.crypto.MessageEncryptor;
import dev.smbco.protocol.crypto.MessageSigner;
import dev.smbco.protocol.crypto.SigningAlgorithm;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.PooledByteBufAllocator;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Signing and encryption of one 1 MiB SMB2 message (a WRITE-sized payload) on one thread, on
 * pooled direct buffers as the Netty pipeline has them.
 *
 * <p>Every operation processes exactly 1 MiB, so the reported ops/s <b>is</b> MiB/s
 * (MB/s = ops/s x 1.048576). {@code bcCmacSign} is BouncyCastle's pure-Java AES-CMAC over the
 * same bytes, the engine other Java SMB clients sign with, for comparison.
 *
 * <pre>java -jar benchmarks/target/benchmarks.jar CryptoBenchmark -f 1 -wi 2 -i 3 -w 1s -r 2s</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CryptoBenchmark {
    static final int SIZE = 1 << 20;
    private static final ByteBufAllocator ALLOC = PooledByteBufAllocator.DEFAULT;

    /** Signing: sign (sets the flag, writes the MAC) and verify (constant-time compare, no mutation). */
    @State(Scope.Thread)
    public static class Signing {
        @Param({"HMAC_SHA256", "AES_CMAC", "AES_GMAC"})
        public SigningAlgorithm algorithm;
        /**
         * Sign and verify 20,000 small (256-byte) messages first, as a session does with its
         * ordinary traffic. This matters for AES-GMAC: the JDK's GHASH is called once per
         * message, and until the JIT has compiled it (with its CLMUL intrinsic) a JVM that only
         * ever signs 1 MiB messages runs the bit-serial Java fallback (about 30 MB/s).
         * {@code -p warmSmallMessages=false} shows that cold case.
         */
        @Param({"true"})
        public boolean warmSmallMessages;
        MessageSigner signer;
        ByteBuf message;

        @Setup
        public void setup() {
            byte[] key = new byte[16];
            new Random(1).nextBytes(key);
            signer = MessageSigner.create(algorithm, key);
            if (warmSmallMessages) {
                ByteBuf small = ALLOC.directBuffer(256);
                for (int i = 0; i < 20_000; i++) {
                    small.clear();
                    new Smb2Header(1, 0, Command.READ, 1, 0, 0, i, 0, 0xFEFF, 1, 0x1234L, null).encode(small);
                    small.writeZero(192);
                    signer.sign(small);
                    if (!signer.verify(small)) {
                        throw new IllegalStateException("warm-up signature does not verify");
                    }
                }
                small.release();
            }
            message = message();
            signer.sign(message);
        }

        @TearDown
        public void tearDown() {
            message.release();
        }
    }

    /** Encryption with the session's encryptor (fresh nonce per message, new frame from the pool). */
    @State(Scope.Thread)
    public static class Encryption {
        @Param({"AES_128_CCM", "AES_128_GCM", "AES_256_CCM", "AES_256_GCM"})
        public CipherId cipher;
        MessageEncryptor encryptor;
        MessageDecryptor decryptor;
        ByteBuf plain;
        ByteBuf sealed;
        ByteBuf frame;

        @Setup
        public void setup() {
            byte[] key = new byte[cipher.keyLength()];
            new Random(2).nextBytes(key);
            encryptor = MessageEncryptor.create(cipher, key);
            decryptor = MessageDecryptor.create(cipher, key);
            plain = message();
            sealed = encryptor.encrypt(ALLOC, plain, 0x1234L);
            frame = ALLOC.directBuffer(sealed.readableBytes());
        }

        /** Decryption works in place: give each decrypt a fresh copy of the ciphertext (not timed). */
        @Setup(Level.Invocation)
        public void refill() {
            frame.clear().writeBytes(sealed, sealed.readerIndex(), sealed.readableBytes());
        }

        @TearDown
        public void tearDown() {
            plain.release();
            sealed.release();
            frame.release();
        }
    }

    /** BouncyCastle's CMAC over the same message, for comparison. */
    @State(Scope.Thread)
    public static class BouncyCastleCmac {
        CMac cmac;
        byte[] message;
        byte[] out = new byte[16];

        @Setup
        public void setup() {
            byte[] key = new byte[16];
            new Random(1).nextBytes(key);
            cmac = new CMac(AESEngine.newInstance());
            cmac.init(new KeyParameter(key));
            message = new byte[SIZE];
            new Random(3).nextBytes(message);
        }
    }

    static ByteBuf message() {
        ByteBuf buf = ALLOC.directBuffer(SIZE);
        new Smb2Header(1, 0, Command.WRITE, 1, 0, 0, 42, 0, 0xFEFF, 1, 0x1234L, null).encode(buf);
        byte[] body = new byte[SIZE - Smb2Header.SIZE];
        new Random(3).nextBytes(body);
        return buf.writeBytes(body);
    }

    @Benchmark
    public ByteBuf sign(Signing s) {
        s.signer.sign(s.message);
        return s.message;
    }

    @Benchmark
    public boolean verify(Signing s) {
        return s.signer.verify(s.message);
    }

    @Benchmark
    public int encrypt(Encryption e) {
        ByteBuf frame = e.encryptor.encrypt(ALLOC, e.plain, 0x1234L);
        int n = frame.readableBytes();
        frame.release();
        return n;
    }

    @Benchmark
    public int decrypt(Encryption e) {
        ByteBuf plain = e.decryptor.decrypt(e.frame);
        int n = plain.readableBytes();
        plain.release();
        return n;
    }

    @Benchmark
    public byte[] bcCmacSign(BouncyCastleCmac b) {
        b.cmac.update(b.message, 0, b.message.length);
        b.cmac.doFinal(b.out, 0);
        return b.out;
    }
}
