package dev.smbco.protocol.auth;

import static dev.smbco.protocol.crypto.TestVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.protocol.FileTime;
import io.netty.buffer.Unpooled;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The NTLM client's own decisions: anonymous, guest, no-timestamp servers, refusals, and the server's view of our answer. */
class NtlmClientTest {
    private static final byte[] SERVER_CHALLENGE = hex("0123456789ABCDEF");

    static byte[] challenge(int flags, TargetInfo info) {
        return new NtlmChallenge(flags, "SRV", SERVER_CHALLENGE, info, new NtlmVersion(10, 0, 20348, 15)).encode();
    }

    static final int SERVER_FLAGS = NtlmFlags.NEGOTIATE_UNICODE | NtlmFlags.REQUEST_TARGET | NtlmFlags.NEGOTIATE_SIGN
            | NtlmFlags.NEGOTIATE_NTLM | NtlmFlags.NEGOTIATE_ALWAYS_SIGN | NtlmFlags.TARGET_TYPE_SERVER
            | NtlmFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY | NtlmFlags.NEGOTIATE_TARGET_INFO | NtlmFlags.NEGOTIATE_VERSION
            | NtlmFlags.NEGOTIATE_128 | NtlmFlags.NEGOTIATE_KEY_EXCH | NtlmFlags.NEGOTIATE_56;

    static TargetInfo info(boolean timestamp) {
        List<AvPair> pairs = new java.util.ArrayList<>(List.of(AvPair.ofString(AvPair.MSV_AV_NB_DOMAIN_NAME, "SAMBA"),
                AvPair.ofString(AvPair.MSV_AV_NB_COMPUTER_NAME, "SRV")));
        if (timestamp) {
            pairs.add(new AvPair(AvPair.MSV_AV_TIMESTAMP, hex("A1A1F5ADCBAED001")));
        }
        return new TargetInfo(pairs);
    }

    @Test
    void serverRecomputesOurProofAndKeysFromThePassword() {
        Instant now = Instant.parse("2026-11-26T22:00:00Z");
        NtlmConfig config = NtlmConfig.defaults().withTargetName("cifs/srv.example").withRandom(new Random(1))
                .withClock(Clock.fixed(now, ZoneOffset.UTC)).withChannelBindings(hex("00112233445566778899AABBCCDDEEFF"));
        NtlmClient client = new NtlmClient(NtlmCredentials.of("alice", "SAMBA", "s3cret!".toCharArray()), config);
        byte[] negotiate = client.negotiate();
        assertThat(NtlmNegotiate.decode(negotiate).flags()).isEqualTo(NtlmFlags.CLIENT_DEFAULT);
        byte[] challenge = challenge(SERVER_FLAGS, info(false));
        NtlmAuthenticate auth = NtlmAuthenticate.decode(client.authenticate(challenge));

        // what a server does (MS-NLMP 3.2.5.1.2), written out independently of NtlmClient
        byte[] key = NtlmCrypto.ntowfv2(NtlmV1TestMath.md4("s3cret!".getBytes(java.nio.charset.StandardCharsets.UTF_16LE)), "ALICE", "SAMBA");
        byte[] nt = auth.ntChallengeResponse();
        byte[] proof = Arrays.copyOf(nt, 16);
        byte[] temp = Arrays.copyOfRange(nt, 16, nt.length);
        assertThat(NtlmCrypto.hmacMd5(key, SERVER_CHALLENGE, temp)).isEqualTo(proof);
        byte[] base = NtlmCrypto.hmacMd5(key, proof);
        assertThat(NtlmCrypto.rc4(base, auth.encryptedRandomSessionKey())).isEqualTo(client.exportedSessionKey());
        // no server timestamp: our clock, an LMv2 response, no MIC
        assertThat(ByteOrderLong.le(temp, 8)).isEqualTo(FileTime.fromInstant(now));
        assertThat(auth.mic()).isNull();
        assertThat(client.micSent()).isFalse();
        byte[] clientChallenge = Arrays.copyOfRange(temp, 16, 24);
        assertThat(auth.lmChallengeResponse()).isEqualTo(NtlmCrypto.lmv2Response(key, SERVER_CHALLENGE, clientChallenge));
        TargetInfo sent = TargetInfo.decode(Unpooled.wrappedBuffer(temp, 28, temp.length - 28));
        assertThat(sent.find(AvPair.MSV_AV_TARGET_NAME).orElseThrow().stringValue()).isEqualTo("cifs/srv.example");
        assertThat(sent.find(AvPair.MSV_AV_CHANNEL_BINDINGS).orElseThrow().value()).isEqualTo(hex("00112233445566778899AABBCCDDEEFF"));
        assertThat(sent.find(AvPair.MSV_AV_FLAGS)).isEmpty();
        assertThat(auth.flags() & NtlmFlags.TARGET_TYPE_SERVER).isZero();
        assertThat(auth.user()).isEqualTo("alice");
        assertThat(auth.domain()).isEqualTo("SAMBA");
    }

    @Test
    void withAServerTimestampTheMessageCarriesAMicOverAllThree() {
        NtlmClient client = new NtlmClient(NtlmCredentials.of("bob", "", "pw".toCharArray()), NtlmConfig.defaults());
        byte[] negotiate = client.negotiate();
        byte[] challenge = challenge(SERVER_FLAGS, info(true));
        byte[] bytes = client.authenticate(challenge);
        NtlmAuthenticate auth = NtlmAuthenticate.decode(bytes);
        assertThat(auth.lmChallengeResponse()).isEqualTo(new byte[24]);
        byte[] zeroed = bytes.clone();
        Arrays.fill(zeroed, 72, 88, (byte) 0);
        assertThat(auth.mic()).isEqualTo(NtlmCrypto.hmacMd5(client.exportedSessionKey(), negotiate, challenge, zeroed));
        byte[] nt = auth.ntChallengeResponse();
        TargetInfo sent = TargetInfo.decode(Unpooled.wrappedBuffer(nt, 44, nt.length - 44));
        assertThat(sent.find(AvPair.MSV_AV_FLAGS).orElseThrow().longValue()).isEqualTo(AvPair.AV_FLAG_MIC_PRESENT);
        assertThat(sent.find(AvPair.MSV_AV_CHANNEL_BINDINGS).orElseThrow().value()).isEqualTo(new byte[16]);
        assertThat(ByteOrderLong.le(nt, 24)).isEqualTo(Long.reverseBytes(0xA1A1F5ADCBAED001L)); // the server's time is echoed
    }

    @Test
    void anonymousSendsNoResponsesAndHasNoKey() {
        Authenticator auth = Spnego.ntlm(NtlmCredentials.anonymous());
        NegTokenInit init = NegTokenInit.decode(auth.initialToken());
        assertThat(NtlmNegotiate.decode(init.mechToken()).flags() & NtlmFlags.NEGOTIATE_ANONYMOUS).isNotZero();
        byte[] challenge = challenge(SERVER_FLAGS, info(true));
        byte[] reply = auth.step(new NegTokenResp(NegTokenResp.NegState.ACCEPT_INCOMPLETE, SpnegoToken.NTLMSSP_OID, challenge, null).encode());
        NegTokenResp resp = NegTokenResp.decode(reply);
        assertThat(resp.mechListMic()).isNull();
        NtlmAuthenticate a = NtlmAuthenticate.decode(resp.responseToken());
        assertThat(a.user()).isEmpty();
        assertThat(a.domain()).isEmpty();
        assertThat(a.lmChallengeResponse()).isEqualTo(new byte[1]);
        assertThat(a.ntChallengeResponse()).isEmpty();
        assertThat(a.encryptedRandomSessionKey()).isEmpty();
        assertThat(a.mic()).isNull();
        assertThat(a.flags() & NtlmFlags.NEGOTIATE_ANONYMOUS).isNotZero();
        assertThat(a.flags() & NtlmFlags.NEGOTIATE_KEY_EXCH).isZero();
        assertThat(auth.step(new NegTokenResp(NegTokenResp.NegState.ACCEPT_COMPLETED, null, null, null).encode())).isNull();
        assertThat(auth.isComplete()).isTrue();
        assertThat(auth.isAnonymous()).isTrue();
        assertThat(auth.sessionKey()).isEmpty();
    }

    @Test
    void guestIsAnOrdinaryNtlmv2LogonAsGuest() {
        Authenticator auth = Spnego.ntlm(NtlmCredentials.guest());
        auth.initialToken();
        byte[] reply = auth.step(new NegTokenResp(NegTokenResp.NegState.ACCEPT_INCOMPLETE, null, challenge(SERVER_FLAGS, info(true)), null).encode());
        NegTokenResp resp = NegTokenResp.decode(reply);
        assertThat(NtlmAuthenticate.decode(resp.responseToken()).user()).isEqualTo("Guest");
        assertThat(resp.mechListMic()).hasSize(16);
        assertThat(auth.isGuest()).isTrue();
        assertThat(auth.sessionKey()).hasSize(16);
        // an empty final token (some servers send none) completes the exchange
        assertThat(auth.step(new byte[0])).isNull();
        assertThat(auth.isComplete()).isTrue();
    }

    @Test
    void serversLackingWhatNtlmv2NeedsAreRefused() {
        int noEss = SERVER_FLAGS & ~NtlmFlags.NEGOTIATE_EXTENDED_SESSIONSECURITY;
        int noUnicode = (SERVER_FLAGS & ~NtlmFlags.NEGOTIATE_UNICODE) | NtlmFlags.NEGOTIATE_OEM;
        for (byte[] challenge : new byte[][] {challenge(noEss, info(true)), challenge(noUnicode, info(true)), challenge(SERVER_FLAGS, null)}) {
            NtlmClient client = new NtlmClient(NtlmCredentials.of("u", "d", "p".toCharArray()), NtlmConfig.defaults());
            client.negotiate();
            assertThatThrownBy(() -> client.authenticate(challenge)).isInstanceOf(AuthProtocolException.class);
        }
        NtlmClient client = new NtlmClient(NtlmCredentials.of("u", "d", "p".toCharArray()), NtlmConfig.defaults());
        assertThatThrownBy(() -> client.authenticate(challenge(SERVER_FLAGS, info(true)))).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void credentialsNeverShowThePassword() {
        char[] password = "hunter2-very-secret".toCharArray();
        NtlmCredentials c = NtlmCredentials.of("carol", "CORP", password);
        Arrays.fill(password, 'x'); // the caller wiping its array does not affect the copy
        assertThat(c.toString()).contains("carol").contains("CORP").doesNotContain("hunter2").contains("redacted");
        assertThat(new String(c.password())).isEqualTo("hunter2-very-secret");
        c.destroy();
        assertThat(c.password()).containsOnly('\0');
        assertThat(NtlmCredentials.anonymous().toString()).contains("anonymous");
        assertThat(NtlmCredentials.guest().isGuest()).isTrue();
        assertThatThrownBy(() -> NtlmCredentials.of("", "d", new char[0])).isInstanceOf(IllegalArgumentException.class);
        Authenticator auth = Spnego.ntlm(NtlmCredentials.of("dave", "", "pa55word".toCharArray()));
        assertThat(auth.toString()).doesNotContain("pa55word");
    }

    /** Little-endian long reader for assertions. */
    static final class ByteOrderLong {
        static long le(byte[] b, int at) {
            return java.nio.ByteBuffer.wrap(b, at, 8).order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong();
        }
    }
}
