package dev.smbco.protocol.auth;

import static dev.smbco.protocol.crypto.TestVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.crypto.TestVectors;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The SPNEGO tokens of smb2_wire_examples.json, and the SESSION_SETUP / NEGOTIATE security buffers holding them. */
class SpnegoTokenTest {

    static Stream<Arguments> tokens() {
        List<Arguments> list = new ArrayList<>();
        JsonNode file = TestVectors.file("smb2_wire_examples.json");
        file.get("spnego_tokens").forEach(t -> list.add(Arguments.of(t.get("id").asText(), t.get("bytes").asText())));
        file.get("vectors").forEach(v -> {
            JsonNode body = v.get("decoded").get("body");
            if (body.has("SecurityBuffer")) {
                list.add(Arguments.of(v.get("id").asText() + " SecurityBuffer", body.get("SecurityBuffer").asText()));
            }
        });
        return list.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tokens")
    void decodesAndReencodesByteForByte(String id, String hexBytes) {
        byte[] bytes = hex(hexBytes);
        SpnegoToken token = SpnegoToken.decode(bytes);
        assertThat(token.encode()).isEqualTo(bytes);
        assertThat(SpnegoToken.decode(token.encode())).isEqualTo(token);
        switch (token) {
            case NegTokenInit init -> {
                assertThat(init.mechTypes()).contains(SpnegoToken.NTLMSSP_OID);
                if (init.mechTypes().size() == 1) { // the client's: an NTLM NEGOTIATE inside
                    NtlmNegotiate negotiate = NtlmNegotiate.decode(init.mechToken());
                    assertThat(negotiate.flags()).isEqualTo(RealLogonTest.WINDOWS_NEGOTIATE_FLAGS).isEqualTo(0xE2088297);
                    assertThat(negotiate.version()).isEqualTo(new NtlmVersion(6, 3, 9600, 15));
                } else { // the server's negTokenInit2: NEGOEX first
                    assertThat(init.mechTypes()).containsExactly(SpnegoToken.NEGOEX_OID, SpnegoToken.NTLMSSP_OID);
                    assertThat(new String(init.mechToken(), 0, 8, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("NEGOEXTS");
                }
            }
            case NegTokenResp resp -> {
                if (resp.responseToken() != null) {
                    byte[] ntlm = resp.responseToken();
                    if (ntlm[8] == 2) {
                        assertThat(resp.negState()).isEqualTo(NegTokenResp.NegState.ACCEPT_INCOMPLETE);
                        assertThat(resp.supportedMech()).isEqualTo(SpnegoToken.NTLMSSP_OID);
                        assertThat(NtlmChallenge.decode(ntlm).targetInfo().timestamp()).isPresent();
                    } else {
                        NtlmAuthenticate auth = NtlmAuthenticate.decode(ntlm);
                        assertThat(auth.user()).isEqualTo("administrator");
                        assertThat(auth.mic()).isNotNull();
                        assertThat(resp.mechListMic()).hasSize(16);
                    }
                } else {
                    assertThat(resp.negState()).isEqualTo(NegTokenResp.NegState.ACCEPT_COMPLETED);
                    assertThat(resp.mechListMic()).isEqualTo(hex("010000003B453CDC3524164200000000"));
                }
            }
        }
    }

    @Test
    void roundTripsBuiltTokens() {
        NegTokenInit init = new NegTokenInit(List.of(SpnegoToken.NTLMSSP_OID, SpnegoToken.KRB5_OID), new byte[] {1, 2, 3}, new byte[] {9});
        assertThat(NegTokenInit.decode(init.encode())).isEqualTo(init);
        NegTokenInit bare = new NegTokenInit(List.of(SpnegoToken.NTLMSSP_OID), null, null);
        assertThat(SpnegoToken.decode(bare.encode())).isEqualTo(bare);
        for (NegTokenResp.NegState state : NegTokenResp.NegState.values()) {
            NegTokenResp resp = new NegTokenResp(state, SpnegoToken.NTLMSSP_OID, new byte[300], new byte[16]);
            assertThat(SpnegoToken.decode(resp.encode())).isEqualTo(resp);
        }
        NegTokenResp empty = new NegTokenResp(null, null, null, null);
        assertThat(NegTokenResp.decode(empty.encode())).isEqualTo(empty);
        assertThat(empty.encode()).isEqualTo(hex("A1023000"));
    }

    @Test
    void malformedTokensAreDecodeErrors() {
        byte[] good = new NegTokenResp(NegTokenResp.NegState.ACCEPT_COMPLETED, null, null, new byte[16]).encode();
        byte[] trailing = java.util.Arrays.copyOf(good, good.length + 1);
        byte[][] bad = {
            {}, {0x60}, {(byte) 0xA1, 0x05, 0x30, 0x03}, trailing, hex("A1053003A00100"), hex("A1083006A0030A0107"),
            hex("600806062B0601050501"), hex("600E06062B0601050502A1043002A000"), hex("A0023000"), hex("0500"),
            java.util.Arrays.copyOf(good, good.length - 1), hex("A1843FFFFFFF30")};
        for (byte[] b : bad) {
            assertThatThrownBy(() -> SpnegoToken.decode(b)).as(TestVectors.hex(b)).isInstanceOf(SmbDecodeException.class);
        }
    }
}
