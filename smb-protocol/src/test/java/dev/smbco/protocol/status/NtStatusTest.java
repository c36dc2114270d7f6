package dev.smbco.protocol.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NtStatusTest {

    private static JsonNode codes() throws Exception {
        try (InputStream in = NtStatusTest.class.getResourceAsStream("/testvectors/ntstatus.json")) {
            return new ObjectMapper().readTree(in).get("codes");
        }
    }

    @Test
    void everyPublishedCodeIsInTheTableWithNameSeverityAndDescription() throws Exception {
        JsonNode codes = codes();
        assertThat(codes.size()).isGreaterThanOrEqualTo(110);
        Set<String> seen = new HashSet<>();
        for (JsonNode c : codes) {
            String name = c.get("name").asText();
            int value = Integer.parseUnsignedInt(c.get("value").asText().substring(2), 16);
            NtStatus.Info info = NtStatus.lookup(value).orElseThrow(() -> new AssertionError(name + " missing"));
            assertThat(info.name()).isEqualTo(name);
            assertThat(info.description()).isEqualTo(c.get("description").asText());
            assertThat(NtStatus.name(value)).isEqualTo(name);
            assertThat(NtStatus.describe(value)).isEqualTo(name + " (" + c.get("value").asText().toUpperCase().replace("0X", "0x") + ")");
            assertThat(NtStatus.severity(value).name()).isEqualTo(c.get("severity").asText());
            // the little-endian wire bytes decode to the same value
            byte[] le = java.util.HexFormat.of().parseHex(c.get("value_le_bytes").asText());
            int fromLe = (le[0] & 0xFF) | (le[1] & 0xFF) << 8 | (le[2] & 0xFF) << 16 | (le[3] & 0xFF) << 24;
            assertThat(fromLe).isEqualTo(value);
            // the public constant carries the same value
            assertThat(NtStatus.class.getField(name).getInt(null)).isEqualTo(value);
            seen.add(name);
        }
        assertThat(seen).hasSize(codes.size());
    }

    @Test
    void describeFormatsKnownAndUnknownCodes() {
        assertThat(NtStatus.describe(NtStatus.STATUS_OBJECT_NAME_NOT_FOUND)).isEqualTo("STATUS_OBJECT_NAME_NOT_FOUND (0xC0000034)");
        assertThat(NtStatus.describe(0xC0FFEE01)).isEqualTo("0xC0FFEE01");
        assertThat(NtStatus.name(0x12345678)).isEqualTo("0x12345678");
        assertThat(NtStatus.description(0x12345678)).isEmpty();
        assertThat(NtStatus.isKnown(0x12345678)).isFalse();
        assertThat(NtStatus.lookup(NtStatus.STATUS_ACCESS_DENIED).orElseThrow().toString()).isEqualTo("STATUS_ACCESS_DENIED (0xC0000022)");
    }

    @Test
    void severityPredicatesFollowTheTopTwoBits() {
        assertThat(NtStatus.isSuccess(NtStatus.STATUS_SUCCESS)).isTrue();
        assertThat(NtStatus.isSuccess(NtStatus.STATUS_PENDING)).isTrue();
        assertThat(NtStatus.isInformational(0x40000000)).isTrue();
        assertThat(NtStatus.isSuccess(0x40000000)).isTrue();
        assertThat(NtStatus.isWarning(NtStatus.STATUS_BUFFER_OVERFLOW)).isTrue();
        assertThat(NtStatus.isError(NtStatus.STATUS_BUFFER_OVERFLOW)).isFalse();
        assertThat(NtStatus.isSuccess(NtStatus.STATUS_NO_MORE_FILES)).isFalse();
        assertThat(NtStatus.isError(NtStatus.STATUS_MORE_PROCESSING_REQUIRED)).isTrue();
        assertThat(NtStatus.severity(0xC0000022)).isEqualTo(NtStatus.Severity.ERROR);
        assertThat(NtStatus.severity(0x80000005)).isEqualTo(NtStatus.Severity.WARNING);
        assertThat(NtStatus.severity(0x40000001)).isEqualTo(NtStatus.Severity.INFORMATIONAL);
    }
}
