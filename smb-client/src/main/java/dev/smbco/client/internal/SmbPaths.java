package dev.smbco.client.internal;

/**
 * Paths inside a share as MS-SMB2 2.2.13 wants them: relative to the share root, separated by
 * backslashes, no leading separator. Users may write {@code /} or {@code \}. Characters that no
 * SMB server accepts in a name (MS-FSCC 2.1.5.2: {@code " * : < > ? |} and control characters)
 * are refused here with a readable {@link IllegalArgumentException}, before anything is sent.
 */
public final class SmbPaths {
    private SmbPaths() {
    }

    /** The normalized path; "" is the share root. */
    public static String normalize(String path) {
        if (path == null) {
            throw new IllegalArgumentException("path is null");
        }
        StringBuilder b = new StringBuilder(path.length());
        String[] parts = path.split("[/\\\\]+");
        for (int k = 0; k < parts.length; k++) {
            String part = parts[k];
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw new IllegalArgumentException("path '" + path + "' must not contain '..'");
            }
            for (int i = 0; i < part.length(); i++) {
                char c = part.charAt(i);
                // MS-FSCC 2.1.5: a ':' in the last name opens a named stream ("file.txt:notes" or "file.txt:notes:$DATA")
                boolean streamColon = c == ':' && k == parts.length - 1 && i > 0 && isStreamName(part);
                if (c < 0x20 || (!streamColon && "\"*:<>?|".indexOf(c) >= 0)) {
                    throw new IllegalArgumentException(String.format("path '%s' contains the character %s, which SMB does not allow in names",
                            path, c < 0x20 ? String.format("U+%04X", (int) c) : "'" + c + "'"));
                }
            }
            if (!b.isEmpty()) {
                b.append('\\');
            }
            b.append(part);
        }
        return b.toString();
    }

    /** {@code name:stream} or {@code name:stream:type}, with a non-empty name and at most two colons. */
    private static boolean isStreamName(String part) {
        int first = part.indexOf(':');
        return first > 0 && part.chars().filter(ch -> ch == ':').count() <= 2
                && part.chars().noneMatch(ch -> ch < 0x20 || "\"*<>?|".indexOf(ch) >= 0);
    }

    public static String parent(String normalized) {
        int i = normalized.lastIndexOf('\\');
        return i < 0 ? "" : normalized.substring(0, i);
    }

    /** The last component of a normalized path. */
    public static String name(String normalized) {
        return normalized.substring(normalized.lastIndexOf('\\') + 1);
    }

    /** Joins a normalized directory and a child name. */
    public static String child(String dir, String name) {
        return dir.isEmpty() ? name : dir + "\\" + name;
    }
}
