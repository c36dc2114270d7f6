package dev.smbco.protocol.fscc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Assembles little-endian test bytes field by field, independently of the production encoders,
 * so a test can lay out a structure straight from the specification's diagram.
 */
public final class LeBytes {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public static LeBytes of() {
        return new LeBytes();
    }

    public LeBytes u8(int v) {
        out.write(v & 0xFF);
        return this;
    }

    public LeBytes u16(int v) {
        return u8(v).u8(v >>> 8);
    }

    public LeBytes u32(long v) {
        return u16((int) v).u16((int) (v >>> 16));
    }

    public LeBytes u64(long v) {
        return u32(v).u32(v >>> 32);
    }

    /** Big-endian 48-bit (SID IdentifierAuthority). */
    public LeBytes be48(long v) {
        for (int shift = 40; shift >= 0; shift -= 8) {
            u8((int) (v >>> shift));
        }
        return this;
    }

    public LeBytes utf16(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_16LE);
        out.write(b, 0, b.length);
        return this;
    }

    public LeBytes zeros(int n) {
        for (int i = 0; i < n; i++) {
            out.write(0);
        }
        return this;
    }

    public LeBytes bytes(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    /** Pads with zeros until the size is a multiple of {@code n}. */
    public LeBytes align(int n) {
        while (out.size() % n != 0) {
            out.write(0);
        }
        return this;
    }

    public int size() {
        return out.size();
    }

    public byte[] toArray() {
        return out.toByteArray();
    }
}
