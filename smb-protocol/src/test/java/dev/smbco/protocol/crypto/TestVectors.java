package dev.smbco.protocol.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/** Reads the published JSON vectors from {@code src/test/resources/testvectors/}. */
public final class TestVectors {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of().withUpperCase();

    private TestVectors() {
    }

    public static JsonNode file(String name) {
        try (InputStream in = TestVectors.class.getResourceAsStream("/testvectors/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test vector file " + name);
            }
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The "vectors" array of a file. */
    public static List<JsonNode> vectors(String name) {
        List<JsonNode> list = new ArrayList<>();
        file(name).get("vectors").forEach(list::add);
        return list;
    }

    /** One JUnit argument set per vector matching the filter: (id, vector). */
    public static Stream<Arguments> arguments(String name, Predicate<JsonNode> filter) {
        return vectors(name).stream().filter(filter).map(v -> Arguments.of(v.get("id").asText(), v));
    }

    /** The vector with this id. */
    public static JsonNode byId(String name, String id) {
        return vectors(name).stream().filter(v -> v.get("id").asText().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no vector " + id + " in " + name));
    }

    public static byte[] hex(JsonNode node) {
        if (node == null) {
            throw new IllegalArgumentException("missing hex field");
        }
        return HEX.parseHex(node.asText());
    }

    public static byte[] hex(String s) {
        return HEX.parseHex(s);
    }

    public static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    /** Parses "0x0008E40014000011" or a decimal number. */
    public static long number(JsonNode node) {
        String s = node.asText();
        return s.startsWith("0x") ? Long.parseUnsignedLong(s.substring(2), 16) : Long.parseLong(s);
    }
}
