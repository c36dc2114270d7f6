package dev.smbco.protocol.crypto;

import static dev.smbco.protocol.crypto.TestVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.stream.Stream;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AesCmacTest {

    static Stream<Arguments> rfc4493() {
        return TestVectors.arguments("aes_cmac_rfc4493.json", v -> true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rfc4493")
    void matchesRfc4493(String id, JsonNode v) {
        byte[] key = hex(v.get("inputs").get("K"));
        JsonNode want = v.get("expected");
        AesCmac cmac = new AesCmac(key);
        if (want.has("K1")) {
            assertThat(cmac.subkeys()[0]).isEqualTo(hex(want.get("K1")));
            assertThat(cmac.subkeys()[1]).isEqualTo(hex(want.get("K2")));
            return;
        }
        byte[] m = hex(v.get("inputs").get("M"));
        byte[] t = hex(want.get("T"));
        assertThat(AesCmac.mac(key, m)).isEqualTo(t);
        // fed byte by byte, and through a direct ByteBuffer, the answer is the same
        for (byte b : m) {
            cmac.update(new byte[] {b});
        }
        assertThat(cmac.doFinal()).isEqualTo(t);
        ByteBuffer direct = ByteBuffer.allocateDirect(m.length).put(m).flip();
        assertThat(cmac.update(direct).doFinal()).isEqualTo(t);
        assertThat(direct.hasRemaining()).isFalse();
    }

    /** No published vectors for long or AES-256 CMAC: cross-check with BouncyCastle's engine. */
    @Test
    void agreesWithBouncyCastleForAllLengthsSplitsAndKeySizes() {
        Random random = new Random(4493);
        for (int keyLength : new int[] {16, 32}) {
            byte[] key = new byte[keyLength];
            random.nextBytes(key);
            AesCmac ours = new AesCmac(key);
            for (int length : new int[] {0, 1, 15, 16, 17, 31, 32, 33, 64, 100, 4096, CbcMac.CHUNK - 1, CbcMac.CHUNK,
                    CbcMac.CHUNK + 1, 3 * CbcMac.CHUNK + 17, 1 << 20}) {
                byte[] m = new byte[length];
                random.nextBytes(m);
                byte[] expected = bouncyCastle(key, m);
                int split = length == 0 ? 0 : random.nextInt(length);
                ours.update(m, 0, split);
                ByteBuffer rest = ByteBuffer.allocateDirect(length - split).put(m, split, length - split).flip();
                ours.update(rest);
                assertThat(ours.doFinal()).as("key %d bytes, message %d bytes split at %d", keyLength, length, split).isEqualTo(expected);
            }
        }
    }

    static byte[] bouncyCastle(byte[] key, byte[] m) {
        CMac mac = new CMac(AESEngine.newInstance());
        mac.init(new KeyParameter(key));
        mac.update(m, 0, m.length);
        byte[] out = new byte[16];
        mac.doFinal(out, 0);
        return out;
    }
}
