package dev.smbco.protocol;

/**
 * A received frame could not be decoded: it is truncated, oversized or inconsistent.
 *
 * <p>This is the only exception a decoder in this module may throw on bad input. It names the
 * structure (usually the SMB2 command, e.g. {@code "READ response"}) and the field that was
 * wrong, so a message reads like {@code READ response: DataOffset 0x2000 past end of frame (80 bytes)}.
 */
public final class SmbDecodeException extends RuntimeException {
    private final String structure;
    private final String field;

    public SmbDecodeException(String structure, String field, String problem) {
        super(structure + ": " + field + " " + problem);
        this.structure = structure;
        this.field = field;
    }

    public SmbDecodeException(String structure, String field, String problem, Throwable cause) {
        super(structure + ": " + field + " " + problem, cause);
        this.structure = structure;
        this.field = field;
    }

    /** The structure being decoded, e.g. {@code "NEGOTIATE response"} or {@code "FileBasicInformation"}. */
    public String structure() {
        return structure;
    }

    /** The field (as named in the specification) that was found wrong. */
    public String field() {
        return field;
    }
}
