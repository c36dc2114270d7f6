package dev.smbco.protocol.crypto;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * MS-SMB2 3.1.4.1, dialect 3.1.1 with AES-GMAC negotiated (SIGNING_CAPABILITIES): AES-128-GCM
 * with an empty plaintext and the whole message (zero signature) as additional authenticated
 * data; the 16-byte tag is the signature.
 *
 * <p>Nonce (12 bytes): MessageId (8 bytes, little-endian), then a 32-bit little-endian word
 * whose bit 0 is set for a message sent by the server (SMB2_FLAGS_SERVER_TO_REDIR) and bit 1 for
 * a CANCEL request; the other bits are zero.
 *
 * <p>Small messages go through the JDK's GCM as AAD. Large ones (a body of {@value #LARGE_BODY}
 * bytes or more) do not: the JDK buffers AAD and runs GHASH over it in one call per message, with
 * its CLMUL intrinsic only once the JIT has compiled that call site (after thousands of messages),
 * so a young JVM would run megabyte messages through the bit-serial fallback (about 30 MB/s).
 * Instead GHASH's linearity splits the work (see "split signing" below): the body is digested
 * by GCM-<em>encrypting</em> it in {@value #CHUNK}-byte calls, which the JDK runs as one stitched
 * AES+GHASH pass and the JIT compiles early, and the header's share is added with a few field
 * multiplications. The same split lets {@link #digestTail} run on another thread.
 * Every route gives the same tag (tested against BouncyCastle); see BENCHMARKS.md.
 */
final class GmacSigner extends TagSigner {
    private static final int TAG_BITS = 128;
    private static final int NONCE_LENGTH = 12;
    /** Bodies from this size on take the split route. */
    static final int LARGE_BODY = 64 * 1024;
    /**
     * The JDK's GCM loops are only fast once C2 has compiled them (then they are CPU
     * intrinsics), and C2 compiles a method after enough <em>calls</em>, not bytes. With 32 KiB
     * calls a fresh JVM on a busy 2-core machine signed its first ~15 8 MiB WRITEs at 20-40 MB/s
     * (3.9 s of warm-up); with 4 KiB calls the same warm-up took 0.45 s, and the steady state is
     * the same. Measured in the end-to-end harness, BENCHMARKS.md.
     */
    static final int CHUNK = 4 * 1024;

    private final Cipher gcm;
    private final Cipher ecb;
    private final SecretKeySpec key;
    /** H = E(K, 0^128) as two big-endian halves. */
    private final long hHigh;
    private final long hLow;
    private final byte[] header = new byte[Smb2Header.SIZE];
    private final byte[] tag = new byte[16];
    /** The JDK refuses two consecutive encryption inits with one key and IV; remember the last. */
    private final byte[] lastNonce = new byte[NONCE_LENGTH];
    private boolean used;
    /** The last power of H the split route needed, and its value: consecutive messages share their size. */
    private long powerExponent = -1;
    private long[] power;
    /** The fixed nonce every digest runs under (all zero), and one it steps through before reusing a cipher. */
    private static final GCMParameterSpec DIGEST_NONCE = new GCMParameterSpec(TAG_BITS, new byte[NONCE_LENGTH]);
    private static final GCMParameterSpec STEP_NONCE = new GCMParameterSpec(TAG_BITS, new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1});
    /** At most this many idle digest ciphers are kept (a transfer digests a few WRITEs at once). */
    static final int POOLED_DIGEST_CIPHERS = 4;
    private final Queue<DigestCipher> digestCiphers = new ConcurrentLinkedQueue<>();
    /** The zero run's tag for the last length digested: {length, high, low}; replaced whole, read once. */
    private volatile long[] zeroRunTag;

    GmacSigner(byte[] key) {
        try {
            this.key = new SecretKeySpec(key, "AES");
            gcm = Cipher.getInstance("AES/GCM/NoPadding");
            ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, this.key);
            byte[] h = ecb.doFinal(new byte[16]);
            hHigh = ByteBuffer.wrap(h).getLong(0);
            hLow = ByteBuffer.wrap(h).getLong(8);
            Arrays.fill(h, (byte) 0);
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException(SmbCryptoException.Reason.PROVIDER, "AES/GCM unavailable", e);
        }
    }

    @Override
    public SigningAlgorithm algorithm() {
        return SigningAlgorithm.AES_GMAC;
    }

    /** The 12-byte GMAC nonce of a header (MS-SMB2 3.1.4.1). */
    static byte[] nonce(byte[] header) {
        byte[] nonce = new byte[NONCE_LENGTH];
        System.arraycopy(header, Smb2Header.OFFSET_MESSAGE_ID, nonce, 0, 8);
        int flags = (header[Smb2Header.OFFSET_FLAGS] & 0xFF);
        int command = (header[12] & 0xFF) | (header[13] & 0xFF) << 8;
        int role = (flags & Smb2Header.FLAG_SERVER_TO_REDIR) != 0 ? 1 : 0;
        int cancel = command == Command.CANCEL.code() ? 2 : 0;
        nonce[8] = (byte) (role | cancel);
        return nonce;
    }

    @Override
    byte[] compute(ByteBuf message) {
        if (message.readableBytes() - Smb2Header.SIZE >= LARGE_BODY) {
            ByteBuf body = message.slice(message.readerIndex() + Smb2Header.SIZE, message.readableBytes() - Smb2Header.SIZE);
            return compute(message, digestTail(body));
        }
        SignedMessage.copyHeader(message, header);
        byte[] nonce = nonce(header);
        try {
            if (used && Arrays.equals(nonce, lastNonce)) {
                // Re-signing or re-verifying the same message: step through a nonce SMB never
                // uses (bit 7 of byte 11) so the JDK's IV-reuse guard lets the same nonce pass.
                byte[] other = nonce.clone();
                other[11] ^= (byte) 0x80;
                gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, other));
            }
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            System.arraycopy(nonce, 0, lastNonce, 0, NONCE_LENGTH);
            used = true;
            gcm.updateAAD(header);
            for (ByteBuffer b : SignedMessage.body(message)) {
                gcm.updateAAD(b);
            }
            gcm.doFinal(tag, 0);
            return tag;
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException(SmbCryptoException.Reason.PROVIDER, "AES-GMAC failed", e);
        }
    }

    // ---------------------------------------------------------------- split signing (TailDigest)
    //
    // GMAC over a message M of n blocks M_1..M_n (the last zero-padded) is
    //   T = E(K, J0) xor Y,  Y = sum_i M_i * H^(n+2-i)  xor  L * H,  L = [8|M|]64 || [0]64.
    // Split M into a head of a whole blocks and a tail D of k blocks (n = a + k): the tail's share
    //   sum_j D_j * H^(k+2-j)
    // depends on the key and D only, so it can be computed before the header exists, and
    //   Y = (sum_i Head_i * H^(a+1-i)) * H^(k+1)  xor  tail share  xor  L * H.
    // The tail share comes from one pass of the JDK's fast GCM, with a fixed nonce N: encrypting D
    // gives ciphertext C = D xor KS (KS the keystream of N) and the tag E(K, J0_N) xor S_C, where
    // S_C = sum_j C_j * H^(k+2-j) xor L_D * H; encrypting |D| zero bytes gives C = KS and
    // E(K, J0_N) xor S_KS. GHASH is linear and the padding of the last block agrees, so the XOR
    // of the two tags is sum_j D_j * H^(k+2-j): E(K, J0_N) and the length terms cancel. The zero
    // run's tag depends only on the key and |D|, so it is computed once per length (a transfer's
    // chunks share theirs). The fixed nonce never protects anything sent: these tags stay inside.

    @Override
    public boolean digestsTails() {
        return true;
    }

    @Override
    public TailDigest digestTail(ByteBuf tail) {
        int length = tail.readableBytes();
        // a cipher of its own (the loop's `gcm` is busy signing): this may run on any thread
        DigestCipher d = digestCiphers.poll();
        boolean reusable = false;
        try {
            if (d == null) {
                d = new DigestCipher();
            }
            long[] data = d.tagOf(tail.nioBuffers());
            long[] zero = zeroRunTag;
            if (zero == null || zero[0] != length) {
                long[] t = d.tagOf(zeroRun(length));
                zero = new long[] {length, t[0], t[1]};
                zeroRunTag = zero;
            }
            reusable = true;
            return new TailDigest(this, length, data[0] ^ zero[1], data[1] ^ zero[2]);
        } catch (GeneralSecurityException ex) {
            throw new SmbCryptoException(SmbCryptoException.Reason.PROVIDER, "AES-GMAC failed", ex);
        } finally {
            // a cipher whose digest failed (anything thrown) is in an unknown state: not pooled again
            if (reusable && digestCiphers.size() < POOLED_DIGEST_CIPHERS) {
                digestCiphers.offer(d);
            }
        }
    }

    /**
     * An AES-GCM cipher for {@link #digestTail} and its scratch arrays, pooled per signer: a digest
     * used to cost a {@code Cipher.getInstance} (a provider lookup), a full {@code init} with a new
     * key schedule and 8 KiB of garbage per WRITE. Used by one thread at a time (taken from the pool
     * and put back). Every digest runs under the fixed all-zero nonce; the JDK refuses to init a GCM
     * encryption with the same key and nonce twice in a row, so a reused cipher first steps through
     * another nonce (never used to produce anything).
     */
    private final class DigestCipher {
        private final Cipher g;
        private final byte[] chunk = new byte[CHUNK];
        private final byte[] out = new byte[CHUNK + 32];
        private boolean used;

        DigestCipher() throws GeneralSecurityException {
            g = Cipher.getInstance("AES/GCM/NoPadding");
        }

        /** The AES-GCM tag of encrypting {@code buffers} under the fixed digest nonce (all zero), as {high, low}. */
        long[] tagOf(ByteBuffer[] buffers) throws GeneralSecurityException {
            if (used) {
                g.init(Cipher.ENCRYPT_MODE, key, STEP_NONCE);
            }
            g.init(Cipher.ENCRYPT_MODE, key, DIGEST_NONCE);
            used = true;
            for (ByteBuffer b : buffers) {
                while (b.hasRemaining()) {
                    int n = Math.min(CHUNK, b.remaining());
                    b.get(chunk, 0, n);
                    g.update(chunk, 0, n, out, 0);
                }
            }
            int produced = g.doFinal(out, 0);
            ByteBuffer t = ByteBuffer.wrap(out, produced - 16, 16);
            return new long[] {t.getLong(), t.getLong()};
        }
    }

    /** {@code length} zero bytes, as views of one shared chunk. */
    private static ByteBuffer[] zeroRun(int length) {
        ByteBuffer zeros = ByteBuffer.allocate(CHUNK).asReadOnlyBuffer();
        ByteBuffer[] run = new ByteBuffer[(length + CHUNK - 1) / CHUNK];
        for (int i = 0; i < run.length; i++) {
            run[i] = zeros.duplicate().limit(Math.min(CHUNK, length - i * CHUNK));
        }
        return run;
    }

    @Override
    byte[] compute(ByteBuf message, TailDigest tail) {
        long total = message.readableBytes();
        long headLength = total - tail.length();
        if (!tail.madeBy(this) || headLength < Smb2Header.SIZE || headLength % 16 != 0) {
            return compute(message);
        }
        SignedMessage.copyHeader(message, header);
        ByteBuffer h = ByteBuffer.wrap(header);
        long zHigh = 0;
        long zLow = 0;
        for (int at = 0; at < headLength; at += 16) {
            boolean inHeader = at < Smb2Header.SIZE;
            zHigh ^= inHeader ? h.getLong(at) : message.getLong(message.readerIndex() + at);
            zLow ^= inHeader ? h.getLong(at + 8) : message.getLong(message.readerIndex() + at + 8);
            long[] z = Gf128.multiply(zHigh, zLow, hHigh, hLow);
            zHigh = z[0];
            zLow = z[1];
        }
        long[] hk = powerOfH((tail.length() + 15) / 16 + 1);
        long[] y = Gf128.multiply(zHigh, zLow, hk[0], hk[1]);
        long[] lengthTerm = Gf128.multiply(8L * total, 0, hHigh, hLow);
        byte[] j0 = Arrays.copyOf(nonce(header), 16);
        j0[15] = 1;
        try {
            ByteBuffer ej0 = ByteBuffer.wrap(ecb.doFinal(j0));
            ByteBuffer.wrap(tag)
                    .putLong(0, ej0.getLong(0) ^ y[0] ^ tail.high ^ lengthTerm[0])
                    .putLong(8, ej0.getLong(8) ^ y[1] ^ tail.low ^ lengthTerm[1]);
            return tag;
        } catch (GeneralSecurityException ex) {
            throw new SmbCryptoException(SmbCryptoException.Reason.PROVIDER, "AES-GMAC failed", ex);
        }
    }

    private long[] powerOfH(long e) {
        if (e != powerExponent) {
            power = Gf128.power(hHigh, hLow, e);
            powerExponent = e;
        }
        return power;
    }
}
