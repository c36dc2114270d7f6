package dev.smbco.client.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.internal.OwnedWrite;
import dev.smbco.client.internal.SessionSecurity;
import dev.smbco.protocol.crypto.CipherId;
import dev.smbco.protocol.crypto.MessageDecryptor;
import dev.smbco.protocol.crypto.MessageEncryptor;
import dev.smbco.protocol.crypto.MessageSigner;
import dev.smbco.protocol.crypto.SigningAlgorithm;
import dev.smbco.protocol.crypto.TailDigest;
import dev.smbco.protocol.smb2.FileId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A WRITE goes out as header + fixed body followed by the caller's data in a composite, also when
 * it is signed or encrypted: what the server receives must verify (or decrypt) exactly as a flat
 * copy of the same bytes would, and carry the caller's data unchanged.
 */
class MessageEncoderTest {
    private static final int DATA = 300_001; // several GMAC chunks, not a multiple of any block size

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void signedWriteSignsTheCompositeInPlace(SigningAlgorithm algorithm) {
        byte[] key = key(16, algorithm.ordinal());
        ByteBuf data = randomData(algorithm.ordinal());
        Exchange x = write(data, new SessionSecurity(MessageSigner.create(algorithm, key), null), true, false);
        ByteBuf out = MessageEncoder.encode(ByteBufAllocator.DEFAULT, x, 1, true, null);
        x.releaseBody();
        ByteBuf wire = Unpooled.copiedBuffer(out);
        try {
            assertThat(out).isInstanceOf(CompositeByteBuf.class);
            assertThat(MessageSigner.create(algorithm, key).verify(wire)).isTrue();
            assertThat(ByteBufUtil.equals(wire, wire.writerIndex() - DATA, data, 0, DATA)).isTrue();
            int last = wire.writerIndex() - 1;
            wire.setByte(last, wire.getByte(last) ^ 1);
            assertThat(MessageSigner.create(algorithm, key).verify(wire)).isFalse();
        } finally {
            out.release();
            wire.release();
            data.release();
        }
    }

    /** The data digested ahead of time (as SmbFile does off the loop): the same signature, GMAC or not. */
    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void writeWithDataDigestedAheadSignsTheSame(SigningAlgorithm algorithm) {
        byte[] key = key(16, 30 + algorithm.ordinal());
        ByteBuf data = randomData(30 + algorithm.ordinal());
        SessionSecurity security = new SessionSecurity(MessageSigner.create(algorithm, key), null);
        TailDigest digest = security.digestTail(data);
        assertThat(digest != null).as("only GMAC splits its work").isEqualTo(algorithm == SigningAlgorithm.AES_GMAC);
        Exchange ahead = write(data, security, true, false, digest);
        Exchange whole = write(data, security, true, false, null);
        ByteBuf out = MessageEncoder.encode(ByteBufAllocator.DEFAULT, ahead, 1, true, null);
        ByteBuf expected = MessageEncoder.encode(ByteBufAllocator.DEFAULT, whole, 1, true, null);
        ahead.releaseBody();
        whole.releaseBody();
        try {
            assertThat(ByteBufUtil.getBytes(out)).isEqualTo(ByteBufUtil.getBytes(expected));
            assertThat(MessageSigner.create(algorithm, key).verify(Unpooled.wrappedBuffer(ByteBufUtil.getBytes(out)))).isTrue();
        } finally {
            out.release();
            expected.release();
            data.release();
        }
    }

    @ParameterizedTest
    @EnumSource(CipherId.class)
    void encryptedWriteEncryptsTheComposite(CipherId cipher) {
        byte[] key = key(cipher.keyLength(), 10 + cipher.ordinal());
        MessageEncryptor encryptor = MessageEncryptor.create(cipher, key);
        MessageDecryptor decryptor = MessageDecryptor.create(cipher, key);
        SessionSecurity security = new SessionSecurity(null, new SessionSecurity.FrameCipher() {
            @Override
            public ByteBuf encrypt(ByteBufAllocator alloc, ByteBuf plain, long sessionId) {
                return encryptor.encrypt(alloc, plain, sessionId);
            }

            @Override
            public ByteBuf decrypt(ByteBuf frame) {
                return decryptor.decrypt(frame);
            }
        });
        ByteBuf data = randomData(20 + cipher.ordinal());
        Exchange x = write(data, security, false, true);
        ByteBuf out = MessageEncoder.encode(ByteBufAllocator.DEFAULT, x, 1, true, null);
        x.releaseBody();
        ByteBuf frame = security.encrypt(ByteBufAllocator.DEFAULT, out, 9);
        ByteBuf plain = security.decrypt(frame);
        try {
            assertThat(out).isInstanceOf(CompositeByteBuf.class);
            assertThat(ByteBufUtil.equals(plain, out)).isTrue();
            assertThat(ByteBufUtil.equals(plain, plain.writerIndex() - DATA, data, 0, DATA)).isTrue();
        } finally {
            out.release();
            frame.release();
            plain.release();
            data.release();
        }
    }

    /** MS-SMB2 2.2.1.2: ChannelSequence in the first 2 bytes at offset 8 on 3.x; the Status field stays 0 on 2.x. */
    @ParameterizedTest
    @EnumSource(dev.smbco.protocol.Dialect.class)
    void theChannelSequenceIsInTheHeaderOnSmb3Only(dev.smbco.protocol.Dialect dialect) {
        ByteBuf data = ByteBufAllocator.DEFAULT.directBuffer(16).writeZero(16);
        Exchange x = write(data, null, false, false);
        ByteBuf out = MessageEncoder.encode(ByteBufAllocator.DEFAULT, x, 1, true, dialect, 0x10003);
        x.releaseBody();
        try {
            int expected = dialect.isSmb3() ? 3 : 0; // 16 bits on the wire: 0x10003 wraps to 3
            assertThat(out.getUnsignedShortLE(8)).as("ChannelSequence").isEqualTo(expected);
            assertThat(out.getUnsignedShortLE(10)).as("Reserved").isZero();
        } finally {
            out.release();
            data.release();
        }
    }

    private static Exchange write(ByteBuf data, SessionSecurity security, boolean sign, boolean encrypt) {
        return write(data, security, sign, encrypt, null);
    }

    private static Exchange write(ByteBuf data, SessionSecurity security, boolean sign, boolean encrypt, TailDigest digest) {
        Exchange x = new Exchange(new OwnedWrite(new FileId(1, 2), 4096, data.retainedSlice(), digest), 9, 3, security, sign, encrypt,
                "WRITE test", null);
        x.messageId = 42;
        x.charge = 5;
        return x;
    }

    private static ByteBuf randomData(long seed) {
        byte[] b = new byte[DATA];
        new Random(0x5EB_C0_2026L + seed).nextBytes(b);
        ByteBuf data = ByteBufAllocator.DEFAULT.directBuffer(DATA);
        return data.writeBytes(b);
    }

    private static byte[] key(int length, long seed) {
        byte[] k = new byte[length];
        new Random(seed).nextBytes(k);
        return k;
    }
}
