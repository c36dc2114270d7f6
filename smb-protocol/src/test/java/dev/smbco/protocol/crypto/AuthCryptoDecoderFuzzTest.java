package dev.smbco.protocol.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.auth.NegTokenInit;
import dev.smbco.protocol.auth.NtlmAuthenticate;
import dev.smbco.protocol.auth.NtlmChallenge;
import dev.smbco.protocol.auth.NtlmNegotiate;
import dev.smbco.protocol.auth.SpnegoToken;
import dev.smbco.protocol.auth.TargetInfo;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import dev.smbco.protocol.testing.Seeds;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Random, truncated and mutated input to every decoder of the crypto and auth packages: the
 * only exception allowed out is SmbDecodeException (SmbCryptoException for the decryptor).
 */
class AuthCryptoDecoderFuzzTest {
    private static final int TRIES = 5_000;
    private static final AtomicLong RUNS = new AtomicLong();

    private static final MessageDecryptor DECRYPTOR =
            MessageDecryptor.create(CipherId.AES_128_CCM, TestVectors.hex("261B72350558F2E9DCF613070383EDBF"));
    private static final List<byte[]> TRANSFORM = new ArrayList<>();
    private static final List<byte[]> NTLM = new ArrayList<>();
    private static final List<byte[]> SPNEGO = new ArrayList<>();

    static {
        TestVectors.vectors("smb3_encryption.json").forEach(v -> TRANSFORM.add(TestVectors.hex(v.get("expected").get("transformed_message"))));
        for (JsonNode v : TestVectors.vectors("ntlm.json")) {
            v.get("inputs").fieldNames().forEachRemaining(f -> {
                if (f.endsWith("_MESSAGE")) {
                    NTLM.add(TestVectors.hex(v.get("inputs").get(f)));
                }
            });
            v.get("expected").fieldNames().forEachRemaining(f -> {
                if (f.endsWith("_MESSAGE")) {
                    NTLM.add(TestVectors.hex(v.get("expected").get(f)));
                }
            });
        }
        TestVectors.file("smb2_wire_examples.json").get("spnego_tokens").forEach(t -> SPNEGO.add(TestVectors.hex(t.get("bytes"))));
    }

    /** A third pure noise, a third truncated samples, a third samples with a few bytes changed. */
    private static byte[] input(List<byte[]> samples, Random r) {
        byte[] s = samples.get(r.nextInt(samples.size()));
        return switch (r.nextInt(3)) {
            case 0 -> Seeds.bytes(r, 600);
            case 1 -> Arrays.copyOf(s, (int) (s.length * r.nextDouble()));
            default -> {
                byte[] m = s.clone();
                int n = 1 + r.nextInt(6);
                for (int i = 0; i < n; i++) {
                    m[r.nextInt(m.length)] = (byte) r.nextInt(256);
                }
                yield m;
            }
        };
    }

    private static void onlyDecodeErrors(Runnable decode) {
        RUNS.incrementAndGet();
        try {
            decode.run();
        } catch (SmbDecodeException expected) {
            assertThat(expected.structure()).isNotBlank();
        }
    }

    @Test
    void transformHeaderDecode() {
        Seeds.forEachTry("transform-header", TRIES, r -> {
            ByteBuf buf = Unpooled.wrappedBuffer(input(TRANSFORM, r));
            onlyDecodeErrors(() -> TransformHeader.decode(buf));
            onlyDecodeErrors(() -> TransformHeader.sessionIdOf(buf.resetReaderIndex()));
            TransformFrames.classify(buf.resetReaderIndex());
        });
    }

    @Test
    void decryptFailsOnlyWithCryptoErrors() {
        Seeds.forEachTry("decrypt", TRIES, r -> {
            RUNS.incrementAndGet();
            ByteBuf buf = Unpooled.wrappedBuffer(input(TRANSFORM, r));
            try {
                DECRYPTOR.decrypt(buf).release();
            } catch (SmbCryptoException expected) {
                assertThat(expected.reason()).isNotNull();
            }
        });
    }

    @Test
    void ntlmDecoders() {
        Seeds.forEachTry("ntlm", TRIES, r -> {
            byte[] input = input(NTLM, r);
            onlyDecodeErrors(() -> NtlmNegotiate.decode(input));
            onlyDecodeErrors(() -> NtlmChallenge.decode(input));
            onlyDecodeErrors(() -> NtlmAuthenticate.decode(input));
            onlyDecodeErrors(() -> TargetInfo.decode(Unpooled.wrappedBuffer(input)));
        });
    }

    @Test
    void ntlmDecodersOnNoise() {
        Seeds.forEachTry("ntlm-noise", TRIES, r -> {
            byte[] input = Seeds.bytes(r, 600);
            onlyDecodeErrors(() -> NtlmChallenge.decode(input));
            onlyDecodeErrors(() -> NtlmAuthenticate.decode(input));
        });
    }

    @Test
    void spnegoDecoders() {
        Seeds.forEachTry("spnego", TRIES, r -> {
            byte[] input = input(SPNEGO, r);
            onlyDecodeErrors(() -> SpnegoToken.decode(input));
            onlyDecodeErrors(() -> NegTokenInit.decode(input));
        });
    }

    @Test
    void decodedTokensReencodeToTheSameMeaning() {
        Seeds.forEachTry("spnego-reencode", TRIES, r -> {
            RUNS.incrementAndGet();
            SpnegoToken token;
            try {
                token = SpnegoToken.decode(input(SPNEGO, r));
            } catch (SmbDecodeException e) {
                return;
            }
            assertThat(SpnegoToken.decode(token.encode())).isEqualTo(token);
        });
    }

    @AfterAll
    static void report() {
        assertThat(RUNS.get()).isGreaterThanOrEqualTo(6L * TRIES);
        System.out.println("AuthCryptoDecoderFuzzTest: " + RUNS.get() + " decoder runs in " + (6 * TRIES) + " tries");
    }
}
