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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;

/**
 * Random, truncated and mutated input to every decoder of the crypto and auth packages: the
 * only exception allowed out is SmbDecodeException (SmbCryptoException for the decryptor).
 */
class DecoderFuzzProperties {
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

    @Provide
    Arbitrary<byte[]> transformFrames() {
        return inputs(TRANSFORM);
    }

    @Provide
    Arbitrary<byte[]> ntlmMessages() {
        return inputs(NTLM);
    }

    @Provide
    Arbitrary<byte[]> spnegoTokens() {
        return inputs(SPNEGO);
    }

    /** A third pure noise, a third truncated samples, a third samples with a few bytes changed. */
    private static Arbitrary<byte[]> inputs(List<byte[]> samples) {
        Arbitrary<byte[]> noise = Arbitraries.bytes().array(byte[].class).ofMaxSize(600);
        Arbitrary<byte[]> sample = Arbitraries.of(samples);
        Arbitrary<byte[]> truncated = Combinators.combine(sample, Arbitraries.doubles().between(0, 1))
                .as((s, f) -> Arrays.copyOf(s, (int) (s.length * f)));
        Arbitrary<byte[]> mutated = Combinators.combine(sample, Arbitraries.integers().between(0, Integer.MAX_VALUE).list().ofMinSize(1).ofMaxSize(6),
                Arbitraries.bytes().list().ofSize(6)).as((s, positions, values) -> {
                    byte[] m = s.clone();
                    for (int i = 0; i < positions.size(); i++) {
                        m[positions.get(i) % m.length] = values.get(i);
                    }
                    return m;
                });
        return Arbitraries.oneOf(noise, truncated, mutated);
    }

    private static void onlyDecodeErrors(Runnable decode) {
        RUNS.incrementAndGet();
        try {
            decode.run();
        } catch (SmbDecodeException expected) {
            assertThat(expected.structure()).isNotBlank();
        }
    }

    @Property(tries = TRIES)
    void transformHeaderDecode(@ForAll("transformFrames") byte[] input) {
        ByteBuf buf = Unpooled.wrappedBuffer(input);
        onlyDecodeErrors(() -> TransformHeader.decode(buf));
        onlyDecodeErrors(() -> TransformHeader.sessionIdOf(buf.resetReaderIndex()));
        TransformFrames.classify(buf.resetReaderIndex());
    }

    @Property(tries = TRIES)
    void decryptFailsOnlyWithCryptoErrors(@ForAll("transformFrames") byte[] input) {
        RUNS.incrementAndGet();
        ByteBuf buf = Unpooled.wrappedBuffer(input);
        try {
            DECRYPTOR.decrypt(buf).release();
        } catch (SmbCryptoException expected) {
            assertThat(expected.reason()).isNotNull();
        }
    }

    @Property(tries = TRIES)
    void ntlmDecoders(@ForAll("ntlmMessages") byte[] input) {
        onlyDecodeErrors(() -> NtlmNegotiate.decode(input));
        onlyDecodeErrors(() -> NtlmChallenge.decode(input));
        onlyDecodeErrors(() -> NtlmAuthenticate.decode(input));
        onlyDecodeErrors(() -> TargetInfo.decode(Unpooled.wrappedBuffer(input)));
    }

    @Property(tries = TRIES)
    void ntlmDecodersOnNoise(@ForAll byte[] input) {
        onlyDecodeErrors(() -> NtlmChallenge.decode(input));
        onlyDecodeErrors(() -> NtlmAuthenticate.decode(input));
    }

    @Property(tries = TRIES)
    void spnegoDecoders(@ForAll("spnegoTokens") byte[] input) {
        onlyDecodeErrors(() -> SpnegoToken.decode(input));
        onlyDecodeErrors(() -> NegTokenInit.decode(input));
    }

    @Property(tries = TRIES)
    void decodedTokensReencodeToTheSameMeaning(@ForAll("spnegoTokens") byte[] input) {
        RUNS.incrementAndGet();
        SpnegoToken token;
        try {
            token = SpnegoToken.decode(input);
        } catch (SmbDecodeException e) {
            return;
        }
        assertThat(SpnegoToken.decode(token.encode())).isEqualTo(token);
    }

    @AfterContainer
    static void report() {
        System.out.println("DecoderFuzzProperties: " + RUNS.get() + " decoder runs in " + (6 * TRIES) + " tries");
    }
}
