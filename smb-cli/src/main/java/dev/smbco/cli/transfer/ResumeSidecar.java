package dev.smbco.cli.transfer;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * What a resumable copy ({@code --resume}, {@code --retries}) keeps next to its hidden partial file
 * ({@code .NAME.smbco-part-XXXXXX.smbco-resume}), so that a later run can tell whether the bytes
 * already there may be kept: the source's identity (where it is, its size and last-write time) and
 * how far the partial file is known to be written ({@code done}, bytes from offset 0 that were in
 * place when this was written) with the SHA-256 of its last {@link #TAIL} bytes before
 * {@code done}. A few lines of {@code key=value} text; anything unreadable counts as absent.
 *
 * @param source   the source, as the user named it (URL without credentials, or absolute path)
 * @param size     the source's size when the copy started
 * @param modified the source's last-write time when the copy started (as text; "-" if unknown)
 * @param done     bytes [0, done) of the partial file are the source's
 * @param tail     SHA-256 of the partial file's bytes [max(0, done - TAIL), done)
 */
record ResumeSidecar(String source, long size, String modified, long done, byte[] tail) {
    /** How many bytes before {@code done} the digest covers. */
    static final int TAIL = 1 << 20;
    /** The sidecar's name is the partial file's name plus this. */
    static final String SUFFIX = ".smbco-resume";
    private static final String MAGIC = "smbco-resume 1";

    /** Whether {@code other} describes the same source, unchanged. */
    boolean sameSource(ResumeSidecar other) {
        return source.equals(other.source) && size == other.size && modified.equals(other.modified);
    }

    ResumeSidecar at(long newDone, byte[] newTail) {
        return new ResumeSidecar(source, size, modified, newDone, newTail);
    }

    byte[] format() {
        return (MAGIC + "\nsource=" + source.replace('\n', ' ') + "\nsize=" + size + "\nmodified=" + modified + "\ndone=" + done
                + "\ntail=" + HexFormat.of().formatHex(tail) + "\n").getBytes(StandardCharsets.UTF_8);
    }

    /** The sidecar in {@code bytes}, or empty when they are not a complete one (e.g. cut by a kill). */
    static Optional<ResumeSidecar> parse(byte[] bytes) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
        if (lines.length < 6 || !lines[0].equals(MAGIC)) {
            return Optional.empty();
        }
        Map<String, String> kv = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int eq = lines[i].indexOf('=');
            if (eq > 0) {
                kv.put(lines[i].substring(0, eq), lines[i].substring(eq + 1));
            }
        }
        try {
            ResumeSidecar s = new ResumeSidecar(kv.get("source"), Long.parseLong(kv.get("size")), kv.get("modified"),
                    Long.parseLong(kv.get("done")), HexFormat.of().parseHex(kv.get("tail")));
            boolean sane = s.source != null && s.modified != null && s.size >= 0 && s.done >= 0 && s.done <= s.size
                    && s.tail.length == 32;
            return sane ? Optional.of(s) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty(); // a missing key or a malformed number: not ours, or cut short
        }
    }
}
