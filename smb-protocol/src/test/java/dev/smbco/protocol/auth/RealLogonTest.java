package dev.smbco.protocol.auth;

import static dev.smbco.protocol.crypto.TestVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.crypto.SessionKeys;
import dev.smbco.protocol.crypto.TestVectors;
import io.netty.buffer.Unpooled;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Replays the four captured Windows NTLMv2 logons with injected randomness, byte for byte. */
class RealLogonTest {

    /** Hands out scripted byte strings in order; fails if asked for anything else. */
    static final class ScriptedRandom implements RandomGenerator {
        private final Deque<byte[]> script = new ArrayDeque<>();

        ScriptedRandom(byte[]... values) {
            script.addAll(Arrays.asList(values));
        }

        @Override
        public void nextBytes(byte[] bytes) {
            byte[] next = script.removeFirst();
            assertThat(bytes).as("requested length").hasSize(next.length);
            System.arraycopy(next, 0, bytes, 0, next.length);
        }

        @Override
        public long nextLong() {
            throw new AssertionError("only nextBytes is scripted");
        }
    }

    /** What the captured Windows client sent: our default plus NEGOTIATE_LM_KEY. */
    static final int WINDOWS_NEGOTIATE_FLAGS = NtlmFlags.CLIENT_DEFAULT | NtlmFlags.NEGOTIATE_LM_KEY;

    static Stream<Arguments> logons() {
        return TestVectors.arguments("ntlm.json", v -> v.get("id").asText().endsWith("-mic"));
    }

    /** Settings matching the capture: Windows 8.1 client DRIVER311, SPN cifs/SUT311, its MsvAvSingleHost, 8 trailing zeros. */
    static NtlmConfig captureConfig(JsonNode logon) {
        byte[] temp = hex(logon.get("inputs").get("temp"));
        TargetInfo pairs = TargetInfo.decode(Unpooled.wrappedBuffer(temp, 28, temp.length - 28));
        byte[] clientChallenge = Arrays.copyOfRange(temp, 16, 24);
        byte[] exported = hex(logon.get("expected").get("ExportedSessionKey"));
        return NtlmConfig.defaults()
                .withNegotiateFlags(WINDOWS_NEGOTIATE_FLAGS)
                .withWorkstation("DRIVER311")
                .withVersion(new NtlmVersion(6, 3, 9600, 15))
                .withTargetName(pairs.find(AvPair.MSV_AV_TARGET_NAME).orElseThrow().stringValue())
                .withSingleHost(pairs.find(AvPair.MSV_AV_SINGLE_HOST).orElseThrow().value())
                .withBlobTrailer(8)
                .withClock(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC)) // unused: the server sends MsvAvTimestamp
                .withRandom(new ScriptedRandom(clientChallenge, exported));
    }

    static NtlmCredentials administrator(JsonNode logon) {
        JsonNode in = logon.get("inputs");
        return NtlmCredentials.of(in.get("User").asText(), in.get("UserDom").asText(), in.get("Passwd").asText().toCharArray());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("logons")
    void ntlmClientReproducesTheCapturedMessages(String id, JsonNode mic) {
        JsonNode logon = TestVectors.byId("ntlm.json", id.replace("-mic", "-ntlmv2"));
        NtlmClient client = new NtlmClient(administrator(logon), captureConfig(logon));
        assertThat(TestVectors.hex(client.negotiate())).isEqualTo(mic.get("inputs").get("NEGOTIATE_MESSAGE").asText());
        byte[] authenticate = client.authenticate(hex(mic.get("inputs").get("CHALLENGE_MESSAGE")));
        assertThat(TestVectors.hex(authenticate)).isEqualTo(mic.get("inputs").get("AUTHENTICATE_MESSAGE").asText());
        assertThat(client.exportedSessionKey()).isEqualTo(hex(logon.get("expected").get("ExportedSessionKey")));
        assertThat(client.micSent()).isTrue();
        assertThat(client.negotiatedFlags()).isEqualTo((int) TestVectors.number(logon.get("inputs").get("NegotiateFlags_authenticate")));
    }

    @Test
    void spnegoReproducesTheCapturedSessionSetupTokens() {
        JsonNode logon = TestVectors.byId("ntlm.json", "anatomy-master-ntlmv2");
        JsonNode tokens = TestVectors.file("smb2_wire_examples.json").get("spnego_tokens");
        Authenticator auth = Spnego.ntlm(administrator(logon), captureConfig(logon));
        assertThat(auth.isComplete()).isFalse();
        assertThat(TestVectors.hex(auth.initialToken())).isEqualTo(token(tokens, "spnego-negtokeninit-client"));
        assertThatThrownBy(auth::sessionKey).isInstanceOf(IllegalStateException.class);
        byte[] second = auth.step(hex(token(tokens, "spnego-negtokenresp-challenge")));
        assertThat(TestVectors.hex(second)).isEqualTo(token(tokens, "spnego-negtokenresp-authenticate"));
        assertThat(auth.isComplete()).isFalse();
        assertThat(auth.step(hex(token(tokens, "spnego-negtokenresp-complete")))).isNull();
        assertThat(auth.isComplete()).isTrue();
        assertThat(auth.sessionKey()).isEqualTo(hex("270E1BA896585EEB7AF3472D3B4C75A7"));
        assertThat(auth.isAnonymous()).isFalse();
        assertThat(auth.isGuest()).isFalse();
        // ... and that session key with the capture's preauth hash gives the published signing key
        JsonNode chain = TestVectors.byId("smb311_preauth_integrity.json", "preauth-anatomy-master");
        JsonNode steps = chain.get("steps");
        byte[] preauth = hex(steps.get(steps.size() - 1).get("hash_after"));
        assertThat(SessionKeys.derive(Dialect.SMB3_11, auth.sessionKey(), preauth, null).signingKey())
                .isEqualTo(hex(chain.get("then").get("SigningKey")));
        assertThatThrownBy(() -> auth.step(new byte[0])).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTamperedServerMechListMicIsRejected() {
        JsonNode logon = TestVectors.byId("ntlm.json", "anatomy-master-ntlmv2");
        JsonNode tokens = TestVectors.file("smb2_wire_examples.json").get("spnego_tokens");
        Authenticator auth = Spnego.ntlm(administrator(logon), captureConfig(logon));
        auth.initialToken();
        auth.step(hex(token(tokens, "spnego-negtokenresp-challenge")));
        byte[] complete = hex(token(tokens, "spnego-negtokenresp-complete"));
        complete[complete.length - 9] ^= 1; // inside the checksum
        assertThatThrownBy(() -> auth.step(complete)).isInstanceOf(AuthProtocolException.class).hasMessageContaining("mechListMIC");
        assertThat(auth.isComplete()).isFalse();
    }

    @Test
    void aRejectingServerEndsTheExchange() {
        Authenticator auth = Spnego.ntlm(NtlmCredentials.of("u", "d", "p".toCharArray()));
        auth.initialToken();
        byte[] reject = new NegTokenResp(NegTokenResp.NegState.REJECT, null, null, null).encode();
        assertThatThrownBy(() -> auth.step(reject)).isInstanceOf(AuthProtocolException.class).hasMessageContaining("rejected");
        Authenticator other = Spnego.ntlm(NtlmCredentials.of("u", "d", "p".toCharArray()));
        other.initialToken();
        byte[] kerberos = new NegTokenResp(NegTokenResp.NegState.ACCEPT_INCOMPLETE, SpnegoToken.KRB5_OID, new byte[] {1}, null).encode();
        assertThatThrownBy(() -> other.step(kerberos)).isInstanceOf(AuthProtocolException.class).hasMessageContaining(SpnegoToken.KRB5_OID);
        Authenticator third = Spnego.ntlm(NtlmCredentials.of("u", "d", "p".toCharArray()));
        third.initialToken();
        assertThatThrownBy(() -> third.step(new byte[] {0x30, 0x00})).isInstanceOf(dev.smbco.protocol.SmbDecodeException.class);
    }

    static String token(JsonNode tokens, String id) {
        for (JsonNode t : tokens) {
            if (t.get("id").asText().equals(id)) {
                return t.get("bytes").asText();
            }
        }
        throw new IllegalArgumentException(id);
    }
}
