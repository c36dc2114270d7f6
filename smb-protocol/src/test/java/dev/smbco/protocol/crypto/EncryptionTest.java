package dev.smbco.protocol.crypto;

import static dev.smbco.protocol.crypto.TestVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.Unpooled;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.modes.AEADBlockCipher;
import org.bouncycastle.crypto.modes.CCMBlockCipher;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class EncryptionTest {
    private static final ByteBufAllocator POOLED = PooledByteBufAllocator.DEFAULT;

    static Stream<Arguments> vectors() {
        return TestVectors.arguments("smb3_encryption.json", v -> true);
    }

    static CipherId cipherOf(JsonNode v) {
        return switch (v.get("cipher").asText()) {
            case "AES-128-CCM" -> CipherId.AES_128_CCM;
            case "AES-128-GCM" -> CipherId.AES_128_GCM;
            default -> throw new IllegalArgumentException(v.get("cipher").asText());
        };
    }

    @ParameterizedTest(name = "{0} encrypt")
    @MethodSource("vectors")
    void encryptionReproducesThePublishedFrame(String id, JsonNode v) {
        CipherId cipher = cipherOf(v);
        JsonNode th = v.get("expected").get("transform_header");
        byte[] nonceField = hex(th.get("Nonce"));
        assertThat(Arrays.copyOf(nonceField, cipher.nonceLength())).isEqualTo(hex(v.get("inputs").get("aead_nonce")));
        AeadEncryptor encryptor = (AeadEncryptor) MessageEncryptor.create(cipher, hex(v.get("inputs").get("key")));
        ByteBuf plain = Unpooled.directBuffer().writeBytes(hex(v.get("inputs").get("plaintext")));
        ByteBuf frame = encryptor.encrypt(POOLED, plain, TestVectors.number(th.get("SessionId")), nonceField);
        try {
            assertThat(TestVectors.hex(ByteBufUtil.getBytes(frame))).isEqualTo(v.get("expected").get("transformed_message").asText());
            assertThat(ByteBufUtil.getBytes(frame, 20, 32)).isEqualTo(hex(v.get("inputs").get("aad")));
            assertThat(plain.readerIndex()).isZero();
        } finally {
            frame.release();
            plain.release();
        }
    }

    @ParameterizedTest(name = "{0} decrypt")
    @MethodSource("vectors")
    void decryptionRecoversThePublishedPlaintext(String id, JsonNode v) {
        CipherId cipher = cipherOf(v);
        JsonNode th = v.get("expected").get("transform_header");
        byte[] transformed = hex(v.get("expected").get("transformed_message"));
        ByteBuf frame = Unpooled.directBuffer().writeBytes(transformed);
        try {
            TransformHeader header = TransformHeader.decode(frame.duplicate());
            assertThat(header.signature()).isEqualTo(hex(v.get("expected").get("signature")));
            assertThat(header.nonce()).isEqualTo(hex(th.get("Nonce")));
            assertThat(header.originalMessageSize()).isEqualTo(th.get("OriginalMessageSize").asInt());
            assertThat(header.flags()).isEqualTo((int) TestVectors.number(th.get("Flags")));
            assertThat(header.sessionId()).isEqualTo(TestVectors.number(th.get("SessionId")));
            assertThat(TransformHeader.sessionIdOf(frame)).isEqualTo(header.sessionId());
            assertThat(ByteBufUtil.getBytes(frame, 52, frame.readableBytes() - 52)).isEqualTo(hex(v.get("expected").get("ciphertext")));
            ByteBuf reencoded = Unpooled.buffer();
            header.encode(reencoded);
            assertThat(ByteBufUtil.getBytes(reencoded)).isEqualTo(Arrays.copyOf(transformed, 52));
            reencoded.release();

            ByteBuf plain = MessageDecryptor.create(cipher, hex(v.get("inputs").get("key"))).decrypt(frame);
            try {
                assertThat(TestVectors.hex(ByteBufUtil.getBytes(plain))).isEqualTo(v.get("inputs").get("plaintext").asText());
            } finally {
                plain.release();
            }
            assertThat(frame.readerIndex()).isZero();
        } finally {
            frame.release();
        }
    }

    /** AES-256 and long messages have no published vectors: cross-check against BouncyCastle's CCM/GCM. */
    @ParameterizedTest
    @EnumSource(CipherId.class)
    void agreesWithBouncyCastle(CipherId cipher) {
        Random random = new Random(cipher.wireId());
        byte[] key = new byte[cipher.keyLength()];
        random.nextBytes(key);
        AeadEncryptor encryptor = new AeadEncryptor(cipher, key, new SecureRandom());
        for (int size : new int[] {1, 15, 16, 17, 64, 1000, CbcMac.CHUNK, CbcMac.CHUNK + 5, 200_000}) {
            byte[] message = new byte[size];
            random.nextBytes(message);
            ByteBuf plain = Unpooled.wrappedBuffer(message);
            ByteBuf frame = encryptor.encrypt(POOLED, plain, 77L, nonceField(random, cipher));
            try {
                byte[] f = ByteBufUtil.getBytes(frame);
                byte[] expected = bouncyCastle(cipher, key, true, Arrays.copyOfRange(f, 20, 20 + cipher.nonceLength()),
                        Arrays.copyOfRange(f, 20, 52), message);
                byte[] ours = new byte[size + 16];
                System.arraycopy(f, 52, ours, 0, size);
                System.arraycopy(f, 4, ours, size, 16);
                assertThat(ours).as("%s %d bytes", cipher, size).isEqualTo(expected);
            } finally {
                frame.release();
                plain.release();
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CipherId.class)
    void roundTripsEverySizeAndBufferShape(CipherId cipher) {
        Random random = new Random(3);
        byte[] key = new byte[cipher.keyLength()];
        random.nextBytes(key);
        MessageEncryptor encryptor = MessageEncryptor.create(cipher, key);
        MessageDecryptor decryptor = MessageDecryptor.create(cipher, key);
        for (int size : new int[] {0, 1, 63, 64, 65, 4096, 100_003, 1 << 20}) {
            byte[] message = new byte[size];
            random.nextBytes(message);
            CompositeByteBuf composite = Unpooled.compositeBuffer();
            int cut = size / 3;
            composite.addComponent(true, Unpooled.wrappedBuffer(Arrays.copyOf(message, cut)));
            composite.addComponent(true, Unpooled.directBuffer().writeBytes(message, cut, size - cut));
            ByteBuf frame = encryptor.encrypt(POOLED, composite, 0x1122334455667788L);
            try {
                assertThat(frame.readableBytes()).isEqualTo(52 + size);
                assertThat(TransformHeader.sessionIdOf(frame)).isEqualTo(0x1122334455667788L);
                // a composite frame takes the copying path, a flat one the in-place path
                CompositeByteBuf split = Unpooled.compositeBuffer();
                split.addComponent(true, frame.retainedSlice(0, 52));
                split.addComponent(true, frame.retainedSlice(52, size));
                ByteBuf copied = decryptor.decrypt(split);
                ByteBuf inPlace = decryptor.decrypt(frame);
                try {
                    assertThat(ByteBufUtil.getBytes(copied)).isEqualTo(message);
                    assertThat(ByteBufUtil.getBytes(inPlace)).isEqualTo(message);
                } finally {
                    copied.release();
                    inPlace.release();
                    split.release();
                }
            } finally {
                frame.release();
                composite.release();
            }
        }
    }

    /**
     * A reserved seal takes its nonce when reserved, in sequence with ordinary encryptions, and
     * encrypts on another thread to a frame the decryptor opens; no nonce is ever issued twice.
     */
    @ParameterizedTest
    @EnumSource(CipherId.class)
    void reservedSealsEncryptOnOtherThreadsWithNoncesOfTheSameSequence(CipherId cipher) throws Exception {
        Random random = new Random(31);
        byte[] key = new byte[cipher.keyLength()];
        random.nextBytes(key);
        MessageEncryptor encryptor = MessageEncryptor.create(cipher, key);
        MessageDecryptor decryptor = MessageDecryptor.create(cipher, key);
        byte[] message = new byte[100_000];
        random.nextBytes(message);
        MessageEncryptor.Sealer first = encryptor.reserve();
        ByteBuf inline = encryptor.encrypt(POOLED, Unpooled.wrappedBuffer(message), 9L);
        MessageEncryptor.Sealer second = encryptor.reserve();
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            java.util.concurrent.Future<ByteBuf> a = pool.submit(() -> second.seal(POOLED, Unpooled.wrappedBuffer(message), 9L));
            java.util.concurrent.Future<ByteBuf> b = pool.submit(() -> first.seal(POOLED, Unpooled.wrappedBuffer(message), 9L));
            List<ByteBuf> frames = List.of(inline, a.get(), b.get());
            java.util.Set<String> nonces = new java.util.HashSet<>();
            for (ByteBuf frame : frames) {
                nonces.add(ByteBufUtil.hexDump(frame, 20, 16));
                ByteBuf plain = decryptor.decrypt(frame);
                assertThat(ByteBufUtil.getBytes(plain)).isEqualTo(message);
                plain.release();
                frame.release();
            }
            assertThat(nonces).as("three distinct nonces").hasSize(3);
        } finally {
            pool.shutdown();
        }
    }

    /**
     * A receive buffer with room after the frame (as the client's large-frame buffers have) and
     * one without both decrypt in place, to the same plaintext; a bad tag wipes the plaintext
     * region either way and leaves the bytes past the frame alone except the tag scratch.
     */
    @ParameterizedTest
    @EnumSource(CipherId.class)
    void inPlaceWithAndWithoutRoomAfterTheFrame(CipherId cipher) {
        Random random = new Random(21);
        byte[] key = new byte[cipher.keyLength()];
        random.nextBytes(key);
        MessageEncryptor encryptor = MessageEncryptor.create(cipher, key);
        MessageDecryptor decryptor = MessageDecryptor.create(cipher, key);
        for (int size : new int[] {64, 1000, 65_537, 1 << 20}) {
            byte[] message = new byte[size];
            random.nextBytes(message);
            ByteBuf frame = encryptor.encrypt(POOLED, Unpooled.wrappedBuffer(message), 7L);
            byte[] wire = ByteBufUtil.getBytes(frame);
            frame.release();
            for (int room : new int[] {0, 16, 100}) {
                for (boolean tamper : new boolean[] {false, true}) {
                    ByteBuf buf = Unpooled.directBuffer(wire.length + room, wire.length + room).writeBytes(wire);
                    buf.setByte(wire.length - 1, buf.getByte(wire.length - 1) ^ (tamper ? 1 : 0));
                    try {
                        if (tamper) {
                            assertThatThrownBy(() -> decryptor.decrypt(buf)).as("size %d room %d", size, room)
                                    .isInstanceOfSatisfying(SmbCryptoException.class,
                                            e -> assertThat(e.reason()).isEqualTo(SmbCryptoException.Reason.BAD_TAG));
                            assertThat(ByteBufUtil.getBytes(buf, 52, size - 16)).as("no plaintext left, size %d room %d", size, room)
                                    .containsOnly((byte) 0);
                        } else {
                            ByteBuf plain = decryptor.decrypt(buf);
                            assertThat(ByteBufUtil.getBytes(plain)).as("size %d room %d", size, room).isEqualTo(message);
                            assertThat(buf.readableBytes()).isEqualTo(wire.length);
                            plain.release();
                        }
                    } finally {
                        buf.release();
                    }
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(CipherId.class)
    void alteringAnyByteOfTheFrameIsDetected(CipherId cipher) {
        Random random = new Random(5);
        byte[] key = new byte[cipher.keyLength()];
        random.nextBytes(key);
        byte[] message = new byte[100];
        random.nextBytes(message);
        ByteBuf plain = Unpooled.wrappedBuffer(message);
        ByteBuf frame = MessageEncryptor.create(cipher, key).encrypt(POOLED, plain, 5L);
        byte[] good = ByteBufUtil.getBytes(frame);
        frame.release();
        plain.release();
        MessageDecryptor decryptor = MessageDecryptor.create(cipher, key);
        for (int i = 0; i < good.length; i++) {
            byte[] bad = good.clone();
            bad[i] ^= (byte) (1 << random.nextInt(8));
            ByteBuf tampered = Unpooled.wrappedBuffer(bad);
            SmbCryptoException.Reason expected = i < 4 ? SmbCryptoException.Reason.BAD_PROTOCOL_ID
                    : i >= 36 && i < 40 ? SmbCryptoException.Reason.BAD_SIZE
                    : i >= 42 && i < 44 ? SmbCryptoException.Reason.BAD_FLAGS
                    : SmbCryptoException.Reason.BAD_TAG;
            int at = i;
            try {
                assertThatThrownBy(() -> decryptor.decrypt(tampered)).as("byte %d", at)
                        .isInstanceOfSatisfying(SmbCryptoException.class, e -> assertThat(e.reason())
                                .as("byte %d: %s", at, e.getMessage()).isIn(expected, SmbCryptoException.Reason.COMPRESSION_UNSUPPORTED));
                if (expected == SmbCryptoException.Reason.BAD_TAG) {
                    // no unauthenticated plaintext is left behind in the caller's frame
                    assertThat(Arrays.copyOfRange(bad, 52, bad.length)).containsOnly((byte) 0);
                }
            } finally {
                tampered.release();
            }
        }
        ByteBuf ok = Unpooled.wrappedBuffer(good.clone());
        ByteBuf decrypted = decryptor.decrypt(ok);
        assertThat(ByteBufUtil.getBytes(decrypted)).isEqualTo(message);
        decrypted.release();
        ok.release();
        // the wrong key (here: the other direction's) fails with BAD_TAG
        key[0] ^= 1;
        ByteBuf again = Unpooled.wrappedBuffer(good.clone());
        assertThatThrownBy(() -> MessageDecryptor.create(cipher, key).decrypt(again))
                .isInstanceOfSatisfying(SmbCryptoException.class, e -> {
                    assertThat(e.reason()).isEqualTo(SmbCryptoException.Reason.BAD_TAG);
                    assertThat(e.getMessage()).doesNotContain(TestVectors.hex(key));
                });
        again.release();
    }

    @Test
    void framesThatAreNotEncryptedMessagesGetTypedErrors() {
        MessageDecryptor decryptor = MessageDecryptor.create(CipherId.AES_128_GCM, new byte[16]);
        ByteBuf compressed = Unpooled.buffer().writeIntLE(0x424D53FC).writeZero(12);
        ByteBuf tiny = Unpooled.buffer().writeByte(0xFD);
        ByteBuf shortHeader = Unpooled.buffer().writeIntLE(0x424D53FD).writeZero(20);
        ByteBuf plainSmb2 = Unpooled.buffer().writeIntLE(0x424D53FE).writeZero(60);
        try {
            assertThatThrownBy(() -> decryptor.decrypt(compressed)).isInstanceOfSatisfying(SmbCryptoException.class, e -> {
                assertThat(e.reason()).isEqualTo(SmbCryptoException.Reason.COMPRESSION_UNSUPPORTED);
                assertThat(e.getMessage()).contains("SMB2 compression is not supported");
            });
            assertThatThrownBy(() -> decryptor.decrypt(tiny)).isInstanceOfSatisfying(SmbCryptoException.class,
                    e -> assertThat(e.reason()).isEqualTo(SmbCryptoException.Reason.TRUNCATED));
            assertThatThrownBy(() -> decryptor.decrypt(shortHeader)).isInstanceOfSatisfying(SmbCryptoException.class,
                    e -> assertThat(e.reason()).isEqualTo(SmbCryptoException.Reason.TRUNCATED));
            assertThatThrownBy(() -> decryptor.decrypt(plainSmb2)).isInstanceOfSatisfying(SmbCryptoException.class,
                    e -> assertThat(e.reason()).isEqualTo(SmbCryptoException.Reason.BAD_PROTOCOL_ID));
            assertThat(TransformFrames.classify(compressed)).isEqualTo(TransformFrames.Kind.COMPRESSED);
            assertThat(TransformFrames.classify(tiny)).isEqualTo(TransformFrames.Kind.GARBAGE);
            assertThat(TransformFrames.classify(shortHeader)).isEqualTo(TransformFrames.Kind.TRANSFORM);
            assertThat(TransformFrames.classify(plainSmb2)).isEqualTo(TransformFrames.Kind.SMB2);
            ByteBuf smb1 = Unpooled.wrappedBuffer(new byte[] {(byte) 0xFF, 'S', 'M', 'B', 0x72});
            assertThat(TransformFrames.classify(smb1)).isEqualTo(TransformFrames.Kind.SMB1);
            smb1.release();
            ByteBuf http = Unpooled.wrappedBuffer("HTTP/1.1".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(TransformFrames.classify(http)).isEqualTo(TransformFrames.Kind.GARBAGE);
            http.release();
            assertThatThrownBy(() -> TransformHeader.decode(plainSmb2.duplicate())).isInstanceOf(dev.smbco.protocol.SmbDecodeException.class);
            assertThatThrownBy(() -> TransformHeader.sessionIdOf(shortHeader)).isInstanceOf(dev.smbco.protocol.SmbDecodeException.class);
        } finally {
            compressed.release();
            tiny.release();
            shortHeader.release();
            plainSmb2.release();
        }
    }

    @ParameterizedTest
    @EnumSource(CipherId.class)
    void noncesAreUniqueAndZeroPadded(CipherId cipher) {
        NonceSequence nonces = new NonceSequence(cipher, new SecureRandom());
        Set<String> seen = new HashSet<>();
        byte[] first = nonces.next();
        seen.add(TestVectors.hex(first));
        for (int i = 1; i < 10_000; i++) {
            byte[] n = nonces.next();
            assertThat(seen.add(TestVectors.hex(n))).isTrue();
            assertThat(Arrays.copyOfRange(n, cipher.nonceLength(), 16)).containsOnly((byte) 0);
            assertThat(Arrays.copyOfRange(n, 8, cipher.nonceLength())).isEqualTo(Arrays.copyOfRange(first, 8, cipher.nonceLength()));
        }
        // two frames of one encryptor never share a nonce
        MessageEncryptor e = MessageEncryptor.create(cipher, new byte[cipher.keyLength()]);
        ByteBuf plain = Unpooled.wrappedBuffer(new byte[10]);
        ByteBuf a = e.encrypt(POOLED, plain, 1);
        ByteBuf b = e.encrypt(POOLED, plain, 1);
        assertThat(ByteBufUtil.getBytes(a, 20, 16)).isNotEqualTo(ByteBufUtil.getBytes(b, 20, 16));
        a.release();
        b.release();
        plain.release();
    }

    @Test
    void keysOfTheWrongLengthAreRefused() {
        assertThatThrownBy(() -> MessageEncryptor.create(CipherId.AES_256_GCM, new byte[16])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MessageDecryptor.create(CipherId.AES_128_CCM, new byte[32])).isInstanceOf(IllegalArgumentException.class);
    }

    static byte[] nonceField(Random random, CipherId cipher) {
        byte[] n = new byte[16];
        byte[] used = new byte[cipher.nonceLength()];
        random.nextBytes(used);
        System.arraycopy(used, 0, n, 0, used.length);
        return n;
    }

    static byte[] bouncyCastle(CipherId cipher, byte[] key, boolean encrypt, byte[] nonce, byte[] aad, byte[] input) {
        AEADBlockCipher c = cipher.isGcm() ? GCMBlockCipher.newInstance(AESEngine.newInstance()) : CCMBlockCipher.newInstance(AESEngine.newInstance());
        c.init(encrypt, new AEADParameters(new KeyParameter(key), 128, nonce, aad));
        byte[] out = new byte[c.getOutputSize(input.length)];
        int n = c.processBytes(input, 0, input.length, out, 0);
        try {
            c.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new AssertionError(e);
        }
        return out;
    }
}
