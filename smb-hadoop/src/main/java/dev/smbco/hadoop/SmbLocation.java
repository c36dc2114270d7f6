package dev.smbco.hadoop;

import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.PathIOException;

/**
 * Where an absolute Hadoop path lives on the server: {@code /share/dir/file} is {@code dir\file}
 * in share {@code share}. The root {@code /} (the server's list of shares) has no share; a share's
 * own root has the empty path.
 *
 * @param share the share, or null for {@code /}
 * @param path  the path inside the share, backslash-separated, "" for the share's root
 */
record SmbLocation(String share, String path) {
    /** The location of an absolute path (its scheme and authority already checked). */
    static SmbLocation of(Path absolute) throws IOException {
        String p = absolute.toUri().getPath();
        if (p == null || !p.startsWith("/")) {
            throw new PathIOException(String.valueOf(absolute), "not an absolute path");
        }
        String rest = p.substring(1);
        while (rest.endsWith("/")) {
            rest = rest.substring(0, rest.length() - 1);
        }
        if (rest.isEmpty()) {
            return new SmbLocation(null, "");
        }
        int slash = rest.indexOf('/');
        if (slash < 0) {
            return new SmbLocation(rest, "");
        }
        return new SmbLocation(rest.substring(0, slash), rest.substring(slash + 1).replace('/', '\\'));
    }

    boolean isServerRoot() {
        return share == null;
    }

    boolean isShareRoot() {
        return share != null && path.isEmpty();
    }

    /** The final name ("" for a share root), as SMB spells it in a directory listing. */
    String name() {
        int i = path.lastIndexOf('\\');
        return i < 0 ? path : path.substring(i + 1);
    }

    /** The parent directory's path inside the share ("" when the parent is the share root). */
    String parentPath() {
        int i = path.lastIndexOf('\\');
        return i < 0 ? "" : path.substring(0, i);
    }

    /** The same directory, another name. */
    SmbLocation sibling(String name) {
        String parent = parentPath();
        return new SmbLocation(share, parent.isEmpty() ? name : parent + "\\" + name);
    }

    /** Whether {@code other} is this location or below it. */
    boolean contains(SmbLocation other) {
        if (share == null) {
            return true;
        }
        if (other.share == null || !share.equalsIgnoreCase(other.share)) {
            return false;
        }
        return path.isEmpty() || other.path.equalsIgnoreCase(path)
                || other.path.regionMatches(true, 0, path + "\\", 0, path.length() + 1);
    }
}
