package dev.smbco.nio;

import java.io.IOException;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A path on an {@link SmbFileSystem}: {@code /}-separated names below the share root, which is
 * the root {@code /} and the working directory. Equality is case-sensitive (two paths that a
 * Windows server would treat as one file are still two paths; {@link java.nio.file.Files#isSameFile}
 * asks the server). A backslash is not a separator but one of the characters SMB forbids in a
 * name ({@code \ < > : " | ? *} and control characters): a path holding one is refused with
 * {@link InvalidPathException} when it is made, so an alternate data stream ({@code a.txt:s}) is
 * not reachable through a path.
 */
public final class SmbPath implements Path {
    /** Characters MS-FSCC 2.1.5.2 forbids in a file name besides those below 0x20; {@code /} separates. */
    private static final String FORBIDDEN = "\\<>:\"|?*";

    private final SmbFileSystem fs;
    private final boolean absolute;
    /** The names; the empty path has exactly one, the empty name (as the JDK's paths do). */
    private final List<String> names;
    private final String string;

    private SmbPath(SmbFileSystem fs, boolean absolute, List<String> names) {
        this.fs = fs;
        this.absolute = absolute;
        this.names = !absolute && names.isEmpty() ? List.of("") : List.copyOf(names);
        this.string = (absolute ? "/" : "") + String.join("/", this.names);
    }

    /** Parses {@code first} and {@code more} joined by {@code /}, as {@link java.nio.file.FileSystem#getPath} does. */
    static SmbPath parse(SmbFileSystem fs, String first, String... more) {
        StringBuilder sb = new StringBuilder(first);
        for (String m : more) {
            if (!m.isEmpty()) {
                if (!sb.isEmpty()) {
                    sb.append('/');
                }
                sb.append(m);
            }
        }
        String input = sb.toString();
        for (int i = 0; i < input.length(); i++) {
            char c = input.charAt(i);
            if (c < 0x20 || FORBIDDEN.indexOf(c) >= 0) {
                throw new InvalidPathException(input, c < 0x20 ? "control character 0x" + Integer.toHexString(c)
                        + " is not allowed in an SMB name" : "'" + c + "' is not allowed in an SMB name", i);
            }
        }
        List<String> names = new ArrayList<>();
        for (String n : input.split("/")) {
            if (!n.isEmpty()) {
                names.add(n);
            }
        }
        return new SmbPath(fs, input.startsWith("/"), names);
    }

    static SmbPath root(SmbFileSystem fs) {
        return new SmbPath(fs, true, List.of());
    }

    /** The path relative to the share root as smb-client takes it ({@code a/b}, "" for the root): absolute and normalized. */
    String shareRelative() {
        SmbPath p = toAbsolutePath().normalize();
        return String.join("/", p.names);
    }

    private boolean isEmptyPath() {
        return !absolute && names.size() == 1 && names.get(0).isEmpty();
    }

    /** The names, without the empty path's one empty name. */
    private List<String> realNames() {
        return isEmptyPath() ? List.of() : names;
    }

    @Override
    public SmbFileSystem getFileSystem() {
        return fs;
    }

    @Override
    public boolean isAbsolute() {
        return absolute;
    }

    @Override
    public SmbPath getRoot() {
        return absolute ? root(fs) : null;
    }

    @Override
    public SmbPath getFileName() {
        if (absolute && names.isEmpty()) {
            return null;
        }
        if (isEmptyPath()) {
            return this;
        }
        return new SmbPath(fs, false, List.of(names.get(names.size() - 1)));
    }

    @Override
    public SmbPath getParent() {
        List<String> n = realNames();
        if (n.isEmpty() || (n.size() == 1 && !absolute)) {
            return null;
        }
        return new SmbPath(fs, absolute, n.subList(0, n.size() - 1));
    }

    @Override
    public int getNameCount() {
        return names.size();
    }

    @Override
    public SmbPath getName(int index) {
        if (index < 0 || index >= names.size()) {
            throw new IllegalArgumentException("name index " + index + " outside 0.." + (names.size() - 1) + " of '" + string + "'");
        }
        return new SmbPath(fs, false, List.of(names.get(index)));
    }

    @Override
    public SmbPath subpath(int beginIndex, int endIndex) {
        if (beginIndex < 0 || beginIndex >= names.size() || endIndex > names.size() || beginIndex >= endIndex) {
            throw new IllegalArgumentException("subpath(" + beginIndex + ", " + endIndex + ") outside the " + names.size()
                    + " names of '" + string + "'");
        }
        return new SmbPath(fs, false, names.subList(beginIndex, endIndex));
    }

    @Override
    public boolean startsWith(Path other) {
        if (!(other instanceof SmbPath o) || o.fs != fs || o.absolute != absolute) {
            return false;
        }
        if (o.isEmptyPath()) {
            return isEmptyPath();
        }
        List<String> n = realNames();
        return o.names.size() <= n.size() && n.subList(0, o.names.size()).equals(o.names);
    }

    @Override
    public boolean endsWith(Path other) {
        if (!(other instanceof SmbPath o) || o.fs != fs) {
            return false;
        }
        if (o.absolute) {
            return equals(o);
        }
        if (o.isEmptyPath()) {
            return isEmptyPath();
        }
        List<String> n = realNames();
        return o.names.size() <= n.size() && n.subList(n.size() - o.names.size(), n.size()).equals(o.names);
    }

    private boolean hasDots() {
        return names.contains(".") || names.contains("..");
    }

    @Override
    public SmbPath normalize() {
        List<String> out = new ArrayList<>();
        for (String n : realNames()) {
            if (n.equals(".")) {
                continue;
            }
            if (n.equals("..")) {
                if (!out.isEmpty() && !out.get(out.size() - 1).equals("..")) {
                    out.remove(out.size() - 1);
                    continue;
                }
                if (absolute) {
                    continue; // ".." of the root is the root
                }
            }
            out.add(n);
        }
        return new SmbPath(fs, absolute, out);
    }

    @Override
    public SmbPath resolve(Path other) {
        SmbPath o = check(other);
        if (o.absolute) {
            return o;
        }
        if (o.isEmptyPath()) {
            return this;
        }
        if (isEmptyPath()) {
            return o;
        }
        List<String> n = new ArrayList<>(names);
        n.addAll(o.names);
        return new SmbPath(fs, absolute, n);
    }

    @Override
    public SmbPath resolve(String other) {
        return resolve(fs.getPath(other));
    }

    @Override
    public SmbPath resolveSibling(Path other) {
        SmbPath o = check(other);
        SmbPath parent = getParent();
        return parent == null ? o : parent.resolve(o);
    }

    @Override
    public SmbPath resolveSibling(String other) {
        return resolveSibling(fs.getPath(other));
    }

    @Override
    public SmbPath relativize(Path other) {
        SmbPath o = check(other);
        if (o.absolute != absolute) {
            throw new IllegalArgumentException("'" + other + "' cannot be relativized against '" + this
                    + "': one is absolute, the other is not");
        }
        if (equals(o)) {
            return new SmbPath(fs, false, List.of());
        }
        if (isEmptyPath()) {
            return o;
        }
        // with "." or ".." on either side, relativize the normalized paths (as the JDK does)
        boolean dots = hasDots() || o.hasDots();
        List<String> from = dots ? normalize().realNames() : realNames();
        List<String> to = dots ? o.normalize().realNames() : o.realNames();
        int common = 0;
        while (common < from.size() && common < to.size() && from.get(common).equals(to.get(common))) {
            common++;
        }
        if (from.subList(common, from.size()).contains("..")) {
            throw new IllegalArgumentException("no relative path from '" + this + "' to '" + other + "': '..' cannot be undone");
        }
        List<String> out = new ArrayList<>();
        for (int i = common; i < from.size(); i++) {
            out.add("..");
        }
        out.addAll(to.subList(common, to.size()));
        return new SmbPath(fs, false, out);
    }

    /**
     * {@code smb://[domain;user@]host[:port]/share/path}, percent-encoded where a URI needs it;
     * {@link java.nio.file.Path#of(URI)} turns it back into an equal path while the file system is
     * open. The port is left out when it is 445.
     */
    @Override
    public URI toUri() {
        return fs.uri(toAbsolutePath().string);
    }

    @Override
    public SmbPath toAbsolutePath() {
        return absolute ? this : root(fs).resolve(this);
    }

    /** The absolute, normalized path, after checking that it exists (there are no links to follow). */
    @Override
    public SmbPath toRealPath(LinkOption... options) throws IOException {
        SmbPath real = toAbsolutePath().normalize();
        fs.provider().checkAccess(real);
        return real;
    }

    @Override
    public WatchKey register(WatchService watcher, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) throws IOException {
        Objects.requireNonNull(watcher, "watcher");
        if (!(watcher instanceof SmbWatchService service)) {
            throw new ProviderMismatchException("not an smb:// watch service: " + watcher);
        }
        return service.register(this, events, modifiers);
    }

    @Override
    public int compareTo(Path other) {
        return string.compareTo(((SmbPath) other).string);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SmbPath p && p.fs == fs && p.string.equals(string);
    }

    @Override
    public int hashCode() {
        return string.hashCode();
    }

    @Override
    public String toString() {
        return string;
    }

    private SmbPath check(Path other) {
        Objects.requireNonNull(other, "other");
        if (!(other instanceof SmbPath o)) {
            throw new ProviderMismatchException("'" + other + "' is not an smb:// path");
        }
        if (o.fs != fs) {
            throw new ProviderMismatchException("'" + other + "' is on another SMB file system than '" + this + "'");
        }
        return o;
    }
}
