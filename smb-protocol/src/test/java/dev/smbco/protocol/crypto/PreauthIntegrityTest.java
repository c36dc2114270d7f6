package dev.smbco.protocol.crypto;

import static dev.smbco.protocol.crypto.TestVectors.hex;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.smbco.protocol.Dialect;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PreauthIntegrityTest {

    static Stream<Arguments> chains() {
        return TestVectors.arguments("smb311_preauth_integrity.json", v -> true);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("chains")
    void everyStepMatchesThePublishedHash(String id, JsonNode v) {
        PreauthIntegrity chain = new PreauthIntegrity();
        assertThat(chain.value()).isEqualTo(hex(v.get("initial_hash")));
        PreauthIntegrity fork = null;
        int steps = 0;
        for (JsonNode step : v.get("steps")) {
            byte[] bytes = hex(step.get("bytes"));
            assertThat(bytes).hasSize(step.get("length").asInt());
            ByteBuf buf = Unpooled.directBuffer(bytes.length + 8).writeZero(3).writeBytes(bytes).skipBytes(3);
            try {
                chain.update(buf);
                assertThat(buf.readerIndex()).isEqualTo(3); // reading does not consume
            } finally {
                buf.release();
            }
            assertThat(TestVectors.hex(chain.value())).as(step.get("message").asText()).isEqualTo(step.get("hash_after").asText());
            if (steps == 1) {
                // the connection hash after NEGOTIATE: a session's copy moves on independently
                fork = chain.copy();
                byte[] before = chain.value();
                fork.update(bytes);
                assertThat(chain.value()).isEqualTo(before);
                assertThat(fork.value()).isNotEqualTo(before);
            }
            steps++;
        }
        assertThat(steps).isEqualTo(v.get("steps").size()).isGreaterThan(1);
        assertThat(fork).isNotNull();
        JsonNode then = v.get("then");
        String keyName = then.has("SigningKey") ? "SigningKey" : "ChannelSigningKey";
        byte[] signingKey = SessionKeys.derive(Dialect.SMB3_11, hex(then.get("SessionKey")), chain.value(), null).signingKey();
        assertThat(signingKey).isEqualTo(hex(then.get(keyName)));
        // the final response (not hashed) is signed with that key
        ByteBuf fin = Unpooled.wrappedBuffer(hex(then.get("final_response_not_hashed")));
        try {
            assertThat(MessageSigner.create(SigningAlgorithm.AES_CMAC, signingKey).verify(fin)).isTrue();
        } finally {
            fin.release();
        }
    }
}
