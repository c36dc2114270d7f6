package dev.smbco.protocol.crypto;

import static dev.smbco.protocol.crypto.TestVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.Stream;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class MessageSignerTest {

    static Stream<Arguments> cmacVectors() {
        return TestVectors.arguments("smb3_signing.json", v -> true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cmacVectors")
    void cmacSignsAndVerifiesPublishedMessages(String id, JsonNode v) {
        MessageSigner signer = MessageSigner.create(SigningAlgorithm.AES_CMAC, hex(v.get("inputs").get("signing_key")));
        byte[] signed = hex(v.get("expected").get("signed_message"));
        ByteBuf buf = Unpooled.directBuffer().writeBytes(hex(v.get("inputs").get("message_with_zeroed_signature")));
        try {
            signer.sign(buf);
            assertThat(ByteBufUtil.getBytes(buf)).isEqualTo(signed);
            assertThat(Arrays.copyOfRange(signed, 48, 64)).isEqualTo(hex(v.get("expected").get("signature")));
            assertThat(signer.verify(buf)).isTrue();
            assertThat(ByteBufUtil.getBytes(buf)).as("verify leaves the bytes alone").isEqualTo(signed);
            buf.setByte(buf.writerIndex() - 1, buf.getByte(buf.writerIndex() - 1) ^ 1);
            assertThat(signer.verify(buf)).isFalse();
        } finally {
            buf.release();
        }
    }

    /** HMAC-SHA256 (2.x) and AES-GMAC (3.1.1) have no published vectors: check against BouncyCastle. */
    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void agreesWithAnIndependentImplementation(SigningAlgorithm algorithm) {
        Random random = new Random(algorithm.ordinal());
        byte[] key = new byte[16];
        random.nextBytes(key);
        MessageSigner signer = MessageSigner.create(algorithm, key);
        for (int bodyLength : new int[] {0, 1, 15, 16, 49, 1000, GmacSigner.LARGE_BODY - 1, GmacSigner.LARGE_BODY, GmacSigner.LARGE_BODY + 7, 300_001}) {
            for (Command command : new Command[] {Command.WRITE, Command.CANCEL}) {
                for (boolean response : new boolean[] {false, true}) {
                    ByteBuf msg = message(random, command, response, random.nextLong(), bodyLength);
                    try {
                        signer.sign(msg);
                        byte[] signed = ByteBufUtil.getBytes(msg);
                        assertThat(Smb2Header.decode(msg.duplicate()).isSigned()).isTrue();
                        byte[] zeroed = signed.clone();
                        Arrays.fill(zeroed, 48, 64, (byte) 0);
                        byte[] expected = independent(algorithm, key, zeroed);
                        assertThat(Arrays.copyOfRange(signed, 48, 64))
                                .as("%s %s %s body %d", algorithm, command, response ? "response" : "request", bodyLength)
                                .isEqualTo(expected);
                        assertThat(signer.verify(msg)).isTrue();
                        assertThat(signer.verify(msg)).as("verify twice").isTrue();
                    } finally {
                        msg.release();
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void flippingAnyBitOfAnyByteBreaksTheSignature(SigningAlgorithm algorithm) {
        Random random = new Random(7);
        byte[] key = new byte[16];
        random.nextBytes(key);
        MessageSigner signer = MessageSigner.create(algorithm, key);
        ByteBuf msg = message(random, Command.READ, true, 42, 80);
        try {
            signer.sign(msg);
            byte[] original = ByteBufUtil.getBytes(msg);
            for (int i = 0; i < msg.readableBytes(); i++) {
                int bit = 1 << random.nextInt(8);
                msg.setByte(i, msg.getByte(i) ^ bit);
                assertThat(signer.verify(msg)).as("byte %d bit %d flipped", i, bit).isFalse();
                msg.setByte(i, msg.getByte(i) ^ bit);
            }
            assertThat(ByteBufUtil.getBytes(msg)).isEqualTo(original);
            assertThat(signer.verify(msg)).isTrue();
            // another key does not verify it
            key[0] ^= 1;
            assertThat(MessageSigner.create(algorithm, key).verify(msg)).isFalse();
        } finally {
            msg.release();
        }
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void largeMessagesDetectChangesAnywhere(SigningAlgorithm algorithm) {
        Random random = new Random(13);
        byte[] key = new byte[16];
        random.nextBytes(key);
        MessageSigner signer = MessageSigner.create(algorithm, key);
        ByteBuf msg = message(random, Command.WRITE, false, 1000, 1 << 20);
        try {
            signer.sign(msg);
            for (int trial = 0; trial < 40; trial++) {
                int at = trial < 3 ? new int[] {0, 48, msg.readableBytes() - 1}[trial] : random.nextInt(msg.readableBytes());
                msg.setByte(at, msg.getByte(at) ^ 0x40);
                assertThat(signer.verify(msg)).as("byte %d changed", at).isFalse();
                msg.setByte(at, msg.getByte(at) ^ 0x40);
            }
            assertThat(signer.verify(msg)).isTrue();
        } finally {
            msg.release();
        }
    }

    @Test
    void gmacNonceSeparatesRolesAndCancel() {
        byte[] h = new byte[64];
        h[24] = 0x11; // MessageId low byte
        h[31] = 0x22; // MessageId high byte
        assertThat(GmacSigner.nonce(h)).isEqualTo(hex("110000000000002200000000"));
        h[16] = Smb2Header.FLAG_SERVER_TO_REDIR;
        assertThat(GmacSigner.nonce(h)).isEqualTo(hex("110000000000002201000000"));
        h[12] = (byte) Command.CANCEL.code();
        assertThat(GmacSigner.nonce(h)).isEqualTo(hex("110000000000002203000000"));
        h[16] = 0;
        assertThat(GmacSigner.nonce(h)).isEqualTo(hex("110000000000002202000000"));
    }

    @ParameterizedTest
    @EnumSource(SigningAlgorithm.class)
    void compositeAndOffsetBuffersSignLikeFlatOnes(SigningAlgorithm algorithm) {
        Random random = new Random(11);
        byte[] key = new byte[16];
        random.nextBytes(key);
        MessageSigner signer = MessageSigner.create(algorithm, key);
        ByteBuf flat = message(random, Command.WRITE, false, 9, 5000);
        CompositeByteBuf composite = Unpooled.compositeBuffer();
        ByteBuf prefixed = Unpooled.buffer();
        try {
            composite.addComponent(true, flat.retainedSlice(0, 64));
            composite.addComponent(true, flat.retainedSlice(64, 1000));
            composite.addComponent(true, Unpooled.directBuffer().writeBytes(flat, 1064, flat.readableBytes() - 1064));
            prefixed.writeZero(5).writeBytes(flat, 0, flat.readableBytes()).skipBytes(5);
            signer.sign(composite);
            signer.sign(prefixed);
            signer.sign(flat);
            assertThat(ByteBufUtil.getBytes(composite)).isEqualTo(ByteBufUtil.getBytes(flat));
            assertThat(ByteBufUtil.getBytes(prefixed)).isEqualTo(ByteBufUtil.getBytes(flat));
            assertThat(signer.verify(composite)).isTrue();
            assertThat(prefixed.readerIndex()).isEqualTo(5);
        } finally {
            flat.release();
            composite.release();
            prefixed.release();
        }
    }

    @Test
    void shortMessagesNeitherSignNorVerify() {
        MessageSigner signer = MessageSigner.create(SigningAlgorithm.AES_CMAC, new byte[16]);
        ByteBuf shortMsg = Unpooled.buffer().writeZero(63);
        try {
            assertThat(signer.verify(shortMsg)).isFalse();
            assertThatThrownBy(() -> signer.sign(shortMsg)).isInstanceOf(IllegalArgumentException.class);
        } finally {
            shortMsg.release();
        }
        assertThatThrownBy(() -> MessageSigner.create(SigningAlgorithm.AES_GMAC, new byte[0])).isInstanceOf(IllegalArgumentException.class);
    }

    static ByteBuf message(Random random, Command command, boolean response, long messageId, int bodyLength) {
        ByteBuf buf = Unpooled.directBuffer(64 + bodyLength);
        Smb2Header h = new Smb2Header(1, 0, command, 1, response ? Smb2Header.FLAG_SERVER_TO_REDIR : 0, 0, messageId, 0, 0xFEFF, 5, 0x1234_5678_9ABCL, null);
        h.encode(buf);
        byte[] body = new byte[bodyLength];
        random.nextBytes(body);
        return buf.writeBytes(body);
    }

    static byte[] independent(SigningAlgorithm algorithm, byte[] key, byte[] zeroed) {
        byte[] out;
        switch (algorithm) {
            case HMAC_SHA256 -> {
                HMac mac = new HMac(new SHA256Digest());
                mac.init(new KeyParameter(key));
                mac.update(zeroed, 0, zeroed.length);
                out = new byte[32];
                mac.doFinal(out, 0);
            }
            case AES_CMAC -> out = AesCmacTest.bouncyCastle(key, zeroed);
            case AES_GMAC -> {
                byte[] nonce = new byte[12];
                System.arraycopy(zeroed, 24, nonce, 0, 8);
                int flags = zeroed[16] & 1;
                int cancel = (zeroed[12] == Command.CANCEL.code() && zeroed[13] == 0) ? 2 : 0;
                nonce[8] = (byte) (flags | cancel);
                GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(AESEngine.newInstance());
                gcm.init(true, new AEADParameters(new KeyParameter(key), 128, nonce, zeroed));
                out = new byte[16];
                try {
                    gcm.doFinal(out, 0);
                } catch (org.bouncycastle.crypto.InvalidCipherTextException e) {
                    throw new AssertionError(e);
                }
            }
            default -> throw new AssertionError(algorithm);
        }
        return Arrays.copyOf(out, 16);
    }
}
