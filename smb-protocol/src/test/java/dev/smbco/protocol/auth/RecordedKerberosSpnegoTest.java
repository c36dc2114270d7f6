package dev.smbco.protocol.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * SPNEGO tokens of a real Kerberos logon (smbco against Samba 4.17 as AD DC, recorded in
 * {@code spnego/samba417-krb5.txt}): our negTokenInit with the GSS-framed AP-REQ, and Samba's
 * final negTokenResp (accept-completed, Kerberos, the AP-REP, no mechListMIC since Kerberos was
 * our first choice). Both parse and re-encode byte for byte, and the server's token completes
 * an initiator whose Kerberos mechanism takes the AP-REP.
 */
class RecordedKerberosSpnegoTest {
    /** RFC 2743 3.1 framing of a krb5 token: 0x60 len, OID 1.2.840.113554.1.2.2, then TOK_ID (RFC 1964 1.1). */
    private static final byte[] KRB5_OID_DER = HexFormat.of().parseHex("06092a864886f712010202");

    private static Map<String, byte[]> recorded() throws IOException {
        Map<String, byte[]> tokens = new HashMap<>();
        try (InputStream in = RecordedKerberosSpnegoTest.class.getResourceAsStream("/spnego/samba417-krb5.txt")) {
            new String(in.readAllBytes(), StandardCharsets.US_ASCII).lines().filter(l -> !l.startsWith("#") && l.contains("="))
                    .forEach(l -> tokens.put(l.substring(0, l.indexOf('=')), HexFormat.of().parseHex(l.substring(l.indexOf('=') + 1).strip())));
        }
        return tokens;
    }

    /** The TOK_ID after the mechanism OID of a GSS-framed krb5 token. */
    private static String tokId(byte[] gss) {
        int at = indexOf(gss, KRB5_OID_DER);
        assertThat(at).as("krb5 OID in the GSS framing").isPositive();
        return HexFormat.of().formatHex(gss, at + KRB5_OID_DER.length, at + KRB5_OID_DER.length + 2);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        for (int i = 0; i + needle.length <= hay.length; i++) {
            if (Arrays.equals(hay, i, i + needle.length, needle, 0, needle.length)) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void ourNegTokenInitCarriesTheApReq() throws IOException {
        byte[] init = recorded().get("init");
        NegTokenInit token = (NegTokenInit) SpnegoToken.decode(init);
        assertThat(token.mechTypes()).containsExactly(SpnegoToken.KRB5_OID);
        assertThat(token.mechToken()[0]).isEqualTo((byte) 0x60);
        assertThat(tokId(token.mechToken())).isEqualTo("0100"); // KRB_AP_REQ
        assertThat(token.mechListMic()).isNull();
        assertThat(token.encode()).isEqualTo(init);
        assertThat(new NegTokenInit(List.of(SpnegoToken.KRB5_OID), token.mechToken(), null).encode()).isEqualTo(init);
    }

    @Test
    void sambasFinalTokenCarriesTheApRepAndCompletesTheInitiator() throws IOException {
        byte[] resp = recorded().get("resp");
        NegTokenResp token = (NegTokenResp) SpnegoToken.decode(resp);
        assertThat(token.negState()).isEqualTo(NegTokenResp.NegState.ACCEPT_COMPLETED);
        assertThat(token.supportedMech()).isEqualTo(SpnegoToken.KRB5_OID);
        assertThat(tokId(token.responseToken())).isEqualTo("0200"); // KRB_AP_REP
        assertThat(token.mechListMic()).isNull();
        assertThat(token.encode()).isEqualTo(resp);

        byte[][] apRep = new byte[1][];
        SpnegoInitiatorTest.FakeMech krb = new SpnegoInitiatorTest.FakeMech(SpnegoToken.KRB5_OID, 1, false) {
            @Override
            public byte[] step(byte[] serverToken) {
                apRep[0] = serverToken;
                return super.step(serverToken);
            }
        };
        SpnegoInitiator spnego = SpnegoInitiator.of(List.of(krb));
        spnego.initialToken();
        assertThat(spnego.step(resp)).isNull();
        assertThat(spnego.isComplete()).isTrue();
        assertThat(apRep[0]).isEqualTo(token.responseToken());
    }
}
