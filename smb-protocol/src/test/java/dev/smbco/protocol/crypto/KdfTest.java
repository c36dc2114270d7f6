package dev.smbco.protocol.crypto;

import static dev.smbco.protocol.crypto.TestVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smbco.protocol.Dialect;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class KdfTest {

    static Stream<Arguments> vectors() {
        return TestVectors.arguments("smb3_key_derivation.json", v -> true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("vectors")
    void derivesPublishedKeys(String id, JsonNode v) {
        JsonNode in = v.get("inputs");
        JsonNode want = v.get("expected");
        boolean v311 = in.has("PreauthIntegrityHashValue");
        Dialect dialect = v311 ? Dialect.SMB3_11 : Dialect.SMB3_00;
        byte[] preauth = v311 ? hex(in.get("PreauthIntegrityHashValue")) : null;
        SessionKeys keys = SessionKeys.derive(dialect, hex(in.get("SessionKey")), preauth, null);
        assertThat(hex(keys.signingKey())).isEqualTo(want.get("signingKey").asText());
        if (want.has("encryptionKey")) {
            assertThat(hex(keys.encryptionKey())).isEqualTo(want.get("encryptionKey").asText());
            assertThat(hex(keys.decryptionKey())).isEqualTo(want.get("decryptionKey").asText());
            assertThat(hex(keys.applicationKey())).isEqualTo(want.get("applicationKey").asText());
        }
        assertThat(hex(SessionKeys.channelSigningKey(dialect, hex(in.get("SessionKey")), preauth)))
                .isEqualTo(want.get("signingKey").asText());
    }

    @Test
    void labelsAreTheOnesInTheVectorFile() {
        JsonNode labels = TestVectors.file("smb3_key_derivation.json").get("labels").get("3.0/3.0.2");
        byte[] key = hex("7CD451825D0450D235424E44BA6E78CC");
        byte[] signing = Kdf.derive(key, hex(labels.get("signing").get("label")), hex(labels.get("signing").get("context")), 128);
        assertThat(signing).isEqualTo(SessionKeys.derive(Dialect.SMB3_02, key, null, CipherId.AES_128_CCM).signingKey());
    }

    @Test
    void aes256CiphersGet32ByteEncryptionKeysFromTheFullSessionKey() {
        byte[] sessionKey = hex("270E1BA896585EEB7AF3472D3B4C75A7");
        byte[] preauth = new byte[64];
        SessionKeys k128 = SessionKeys.derive(Dialect.SMB3_11, sessionKey, preauth, CipherId.AES_128_GCM);
        SessionKeys k256 = SessionKeys.derive(Dialect.SMB3_11, sessionKey, preauth, CipherId.AES_256_GCM);
        assertThat(k256.encryptionKey()).hasSize(32);
        assertThat(k256.decryptionKey()).hasSize(32);
        assertThat(k256.signingKey()).hasSize(16).isEqualTo(k128.signingKey());
        assertThat(k256.applicationKey()).hasSize(16).isEqualTo(k128.applicationKey());
        // L is part of the PRF input, so the 256-bit key does not start with the 128-bit key
        assertThat(java.util.Arrays.copyOf(k256.encryptionKey(), 16)).isNotEqualTo(k128.encryptionKey());
        byte[] label = "SMBC2SCipherKey\0".getBytes(StandardCharsets.US_ASCII);
        assertThat(k256.encryptionKey()).isEqualTo(Kdf.derive(sessionKey, label, preauth, 256));
        // a 32-byte GSS key (Kerberos) feeds the AES-256 keys in full, the others with its first 16 bytes
        byte[] full = new byte[32];
        java.util.Arrays.fill(full, (byte) 7);
        SessionKeys fk = SessionKeys.derive(Dialect.SMB3_11, full, preauth, CipherId.AES_256_CCM);
        assertThat(fk.encryptionKey()).isEqualTo(Kdf.derive(full, label, preauth, 256));
        assertThat(fk.signingKey()).isEqualTo(Kdf.derive(java.util.Arrays.copyOf(full, 16),
                "SMBSigningKey\0".getBytes(StandardCharsets.US_ASCII), preauth, 128));
    }

    @Test
    void smb2UsesTheSessionKeyForSigningAndHasNoEncryption() {
        byte[] sessionKey = hex("00112233445566778899AABBCCDDEEFF");
        SessionKeys keys = SessionKeys.derive(Dialect.SMB2_10, sessionKey, null, null);
        assertThat(keys.signingKey()).isEqualTo(sessionKey);
        assertThat(keys.encryptionKey()).isNull();
        assertThat(keys.toString()).doesNotContain("00112233").contains("redacted");
    }

    @Test
    void smb311RequiresThePreauthHash() {
        assertThatThrownBy(() -> SessionKeys.derive(Dialect.SMB3_11, new byte[16], null, null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SessionKeys.derive(Dialect.SMB3_11, new byte[0], new byte[64], null))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
