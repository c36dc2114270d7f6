package dev.smbco.protocol.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.protocol.SmbDecodeException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The multi-mechanism SPNEGO initiator against scripted servers: Kerberos accepted at once (its
 * AP-REP completes the context, the server's mechListMIC is checked), the server choosing our
 * second mechanism (NTLM-like: MICs both ways become mandatory), and every way a server can get
 * it wrong: a rejection, a mechanism we never offered, a bad MIC, a token that does not parse.
 */
class SpnegoInitiatorTest {

    /**
     * A scripted mechanism: established after {@code rounds} server tokens; its MIC is
     * "MIC(" + data length + ")" keyed by name, so a MIC of the wrong mechanism or data does not verify.
     */
    static class FakeMech implements SpnegoMechanism {
        final String oid;
        final int rounds;
        final boolean alwaysMic;
        int seen;
        boolean initialCalled;

        FakeMech(String oid, int rounds, boolean alwaysMic) {
            this.oid = oid;
            this.rounds = rounds;
            this.alwaysMic = alwaysMic;
        }

        @Override
        public String oid() {
            return oid;
        }

        @Override
        public byte[] initialToken() {
            initialCalled = true;
            return bytes(oid + ":first");
        }

        @Override
        public byte[] step(byte[] serverToken) {
            seen++;
            return seen < rounds || (alwaysMic && seen == rounds) ? bytes(oid + ":step" + seen) : null;
        }

        @Override
        public boolean isEstablished() {
            return seen >= rounds;
        }

        @Override
        public byte[] sessionKey() {
            return bytes("key-" + oid);
        }

        @Override
        public byte[] getMic(byte[] data) {
            return bytes(oid + ":MIC(" + Arrays.hashCode(data) + ")");
        }

        @Override
        public boolean verifyMic(byte[] data, byte[] mic) {
            return Arrays.equals(getMic(data), mic);
        }

        @Override
        public boolean alwaysSendsMic() {
            return alwaysMic;
        }
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private final FakeMech krb = new FakeMech(SpnegoToken.KRB5_OID, 1, false);
    private final FakeMech ntlm = new FakeMech(SpnegoToken.NTLMSSP_OID, 1, true);

    private static byte[] mechListMic(FakeMech by, List<String> offered) {
        return by.getMic(NegTokenInit.mechTypeListDer(offered));
    }

    @Test
    void offersKerberosFirstWithItsTokenOptimistically() {
        SpnegoInitiator spnego = SpnegoInitiator.of(List.of(krb, ntlm));
        NegTokenInit init = (NegTokenInit) SpnegoToken.decode(spnego.initialToken());
        assertThat(init.mechTypes()).containsExactly(SpnegoToken.KRB5_OID, SpnegoToken.NTLMSSP_OID);
        assertThat(init.mechToken()).isEqualTo(bytes(SpnegoToken.KRB5_OID + ":first"));
        assertThat(ntlm.initialCalled).as("NTLM is only asked for a token if the server picks it").isFalse();
    }

    @Test
    void kerberosAcceptedAtOnceCompletesWithTheApRepAndChecksTheServerMic() {
        SpnegoInitiator spnego = SpnegoInitiator.of(List.of(krb, ntlm));
        spnego.initialToken();
        byte[] fin = new NegTokenResp(NegTokenResp.NegState.ACCEPT_COMPLETED, SpnegoToken.KRB5_OID, bytes("AP-REP"),
                mechListMic(krb, spnego.mechTypes())).encode();
        assertThat(spnego.step(fin)).isNull();
        assertThat(spnego.isComplete()).isTrue();
        assertThat(spnego.sessionKey()).isEqualTo(bytes("key-" + SpnegoToken.KRB5_OID));
    }

    @Test
    void microsoftsKerberosOidCountsAsKerberos() {
        FakeMech msKrb = new FakeMech(SpnegoToken.KRB5_OID, 1, false) {
            @Override
            public boolean answersTo(String oid) {
                return SpnegoToken.KRB5_OID.equals(oid) || SpnegoToken.MS_KRB5_OID.equals(oid);
            }
        };
        SpnegoInitiator spnego = SpnegoInitiator.of(List.of(msKrb));
        spnego.initialToken();
        spnego.step(new NegTokenResp(NegTokenResp.NegState.ACCEPT_COMPLETED, SpnegoToken.MS_KRB5_OID, bytes("AP-REP"), null).encode());
        assertThat(spnego.isComplete()).isTrue();
    }

    @Test
    void aServerThatPicksNtlmGetsItsTokenAndMicsBecomeMandatory() {
        SpnegoInitiator spnego = SpnegoInitiator.of(List.of(krb, ntlm));
        spnego.initialToken();
        NegTokenResp second = (NegTokenResp) SpnegoToken.decode(spnego.step(
                new NegTokenResp(NegTokenResp.NegState.ACCEPT_INCOMPLETE, SpnegoToken.NTLMSSP_OID, null, null).encode()));
        assertThat(second.responseToken()).isEqualTo(bytes(SpnegoToken.NTLMSSP_OID + ":first"));
        NegTokenResp third = (NegTokenResp) SpnegoToken.decode(spnego.step(
                new NegTokenResp(NegTokenResp.NegState.ACCEPT_INCOMPLETE, null, bytes("CHALLENGE"), null).encode()));
        assertThat(third.responseToken()).isEqualTo(bytes(SpnegoToken.NTLMSSP_OID + ":step1"));
        assertThat(third.mechListMic()).isEqualTo(mechListMic(ntlm, spnego.mechTypes()));
        // a final answer without the server's MIC could be a downgrade forced by someone in the middle
        byte[] noMic = new NegTokenResp(NegTokenResp.NegState.ACCEPT_COMPLETED, null, null, null).encode();
        assertThatThrownBy(() -> spnego.step(noMic)).isInstanceOf(AuthProtocolException.class).hasMessageContaining("mechListMIC");
    }

    @Test
    void afterASwitchTheServersMicCompletesTheExchange() {
        SpnegoInitiator spnego = SpnegoInitiator.of(List.of(krb, ntlm));
        spnego.initialToken();
        spnego.step(new NegTokenResp(NegTokenResp.NegState.ACCEPT_INCOMPLETE, SpnegoToken.NTLMSSP_OID, null, null).encode());
        spnego.step(new NegTokenResp(NegTokenResp.NegState.ACCEPT_INCOMPLETE, null, bytes("CHALLENGE"), null).encode());
        spnego.step(new NegTokenResp(NegTokenResp.NegState.ACCEPT_COMPLETED, null, null, mechListMic(ntlm, spnego.mechTypes())).encode());
        assertThat(spnego.isComplete()).isTrue();
        assertThat(spnego.sessionKey()).isEqualTo(bytes("key-" + SpnegoToken.NTLMSSP_OID));
    }

    @Test
    void aMechanismWeDidNotOfferIsRefused() {
        SpnegoInitiator spnego = SpnegoInitiator.of(List.of(krb));
        spnego.initialToken();
        byte[] resp = new NegTokenResp(NegTokenResp.NegState.ACCEPT_INCOMPLETE, SpnegoToken.NTLMSSP_OID, null, null).encode();
        assertThatThrownBy(() -> spnego.step(resp)).isInstanceOf(AuthProtocolException.class)
                .hasMessageContaining("NTLM, which we did not offer").hasMessageContaining("offered Kerberos");
    }

    @Test
    void aRejectionIsAnAuthError() {
        SpnegoInitiator spnego = SpnegoInitiator.of(List.of(krb, ntlm));
        spnego.initialToken();
        byte[] reject = new NegTokenResp(NegTokenResp.NegState.REJECT, null, null, null).encode();
        assertThatThrownBy(() -> spnego.step(reject)).isInstanceOf(AuthProtocolException.class).hasMessageContaining("rejected");
    }

    @Test
    void aServerMicThatDoesNotVerifyIsRefused() {
        SpnegoInitiator spnego = SpnegoInitiator.of(List.of(krb, ntlm));
        spnego.initialToken();
        byte[] bad = new NegTokenResp(NegTokenResp.NegState.ACCEPT_COMPLETED, SpnegoToken.KRB5_OID, bytes("AP-REP"),
                mechListMic(krb, List.of(SpnegoToken.KRB5_OID))).encode(); // over another list: tampered
        assertThatThrownBy(() -> spnego.step(bad)).isInstanceOf(AuthProtocolException.class).hasMessageContaining("does not verify");
    }

    @Test
    void completionBeforeTheContextIsEstablishedIsRefused() {
        FakeMech twoRounds = new FakeMech(SpnegoToken.KRB5_OID, 2, false);
        SpnegoInitiator spnego = SpnegoInitiator.of(List.of(twoRounds));
        spnego.initialToken();
        byte[] early = new NegTokenResp(NegTokenResp.NegState.ACCEPT_COMPLETED, null, bytes("x"), null).encode();
        assertThatThrownBy(() -> spnego.step(early)).isInstanceOf(AuthProtocolException.class).hasMessageContaining("before");
        assertThatThrownBy(spnego::sessionKey).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTokenThatDoesNotParseIsADecodeError() {
        SpnegoInitiator spnego = SpnegoInitiator.of(List.of(krb));
        spnego.initialToken();
        assertThatThrownBy(() -> spnego.step(new byte[] {(byte) 0xA1, 0x7F, 0x30})).isInstanceOf(SmbDecodeException.class);
        assertThatThrownBy(() -> spnego.step(new byte[] {0x04, 0x00})).isInstanceOf(SmbDecodeException.class);
    }

    @Test
    void aNegTokenInitWhereAResponseBelongsIsRefused() {
        SpnegoInitiator spnego = SpnegoInitiator.of(List.of(krb));
        spnego.initialToken();
        byte[] init = new NegTokenInit(List.of(SpnegoToken.KRB5_OID), null, null).encode();
        assertThatThrownBy(() -> spnego.step(init)).isInstanceOf(AuthProtocolException.class).hasMessageContaining("negTokenInit");
    }
}
