package dev.smbco.cli.commands;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.smbco.cli.SmbUrl;
import dev.smbco.cli.remote.FileInfo;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code --json} shape of a file: stable keys, ISO-8601 UTC times, attribute names. */
final class Json {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    static Map<String, Object> of(FileInfo f, SmbUrl share) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", f.name());
        m.put("path", f.path());
        m.put("url", share.withPath(f.path()).toString());
        m.put("type", f.type());
        m.put("size", f.size());
        m.put("created", time(f.created()));
        m.put("modified", time(f.modified()));
        m.put("accessed", time(f.accessed()));
        m.put("changed", time(f.changed()));
        m.put("attributes", f.attributeNames());
        m.put("attributesHex", String.format("0x%08X", f.attributes()));
        return m;
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
