package dev.smbco.protocol.auth;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * MS-NLMP 2.2.2.1 AV_PAIR: one attribute of a TargetInfo list.
 *
 * @param id    AvId (2 bytes)
 * @param value Value (AvLen bytes)
 */
public record AvPair(int id, byte[] value) {
    public static final int MSV_AV_EOL = 0x0000;
    public static final int MSV_AV_NB_COMPUTER_NAME = 0x0001;
    public static final int MSV_AV_NB_DOMAIN_NAME = 0x0002;
    public static final int MSV_AV_DNS_COMPUTER_NAME = 0x0003;
    public static final int MSV_AV_DNS_DOMAIN_NAME = 0x0004;
    public static final int MSV_AV_DNS_TREE_NAME = 0x0005;
    public static final int MSV_AV_FLAGS = 0x0006;
    public static final int MSV_AV_TIMESTAMP = 0x0007;
    public static final int MSV_AV_SINGLE_HOST = 0x0008;
    public static final int MSV_AV_TARGET_NAME = 0x0009;
    public static final int MSV_AV_CHANNEL_BINDINGS = 0x000A;

    /** MsvAvFlags bit: the AUTHENTICATE_MESSAGE carries a MIC. */
    public static final int AV_FLAG_MIC_PRESENT = 0x00000002;

    public AvPair {
        if (id < 0 || id > 0xFFFF) {
            throw new IllegalArgumentException("AvId is 16 bits");
        }
        if (value == null || value.length > 0xFFFF) {
            throw new IllegalArgumentException("AvLen is 16 bits");
        }
        value = value.clone();
    }

    /** A pair whose value is a UTF-16LE string (names, MsvAvTargetName). */
    public static AvPair ofString(int id, String s) {
        return new AvPair(id, s.getBytes(StandardCharsets.UTF_16LE));
    }

    /** A pair whose value is a 32-bit little-endian number (MsvAvFlags). */
    public static AvPair ofInt(int id, int v) {
        return new AvPair(id, new byte[] {(byte) v, (byte) (v >>> 8), (byte) (v >>> 16), (byte) (v >>> 24)});
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    int length() {
        return value.length;
    }

    /** The value read as a UTF-16LE string. */
    public String stringValue() {
        return new String(value, StandardCharsets.UTF_16LE);
    }

    /** The value read as a little-endian number (at most 8 bytes). */
    public long longValue() {
        long v = 0;
        for (int i = Math.min(8, value.length) - 1; i >= 0; i--) {
            v = (v << 8) | (value[i] & 0xFF);
        }
        return v;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AvPair p && id == p.id && Arrays.equals(value, p.value);
    }

    @Override
    public int hashCode() {
        return id * 31 + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "AvPair[" + id + ": " + HexFormat.of().formatHex(value) + "]";
    }
}
