package dev.smbco.cli.transfer;

import dev.smbco.cli.remote.RemoteShare;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The destinations being written right now, so that a failed copy or Ctrl-C can remove them.
 *
 * <p>Every copy writes to a hidden temporary name next to the destination ({@code .NAME.smbco-part-}
 * and six random hex digits) and renames it to the final name only once all bytes are in. A
 * copy that fails, or is interrupted, deletes its temporary file; and if even that is impossible
 * (the connection is gone), what stays behind is a hidden {@code .smbco-part} file, never a
 * truncated file under the real name that looks complete.
 *
 * <p>A resumable copy ({@code --resume}, {@code --retries}) names its partial file after the source
 * instead ({@link #partName(String, String)}: the six hex digits come from the source's name), so
 * that a later attempt finds it again, and keeps a {@link ResumeSidecar} next to it
 * ({@code .NAME.smbco-part-XXXXXX.smbco-resume}). With {@code --resume} such a partial is never
 * registered here: a failed or interrupted copy leaves it for the next run.
 */
public final class PartialFiles {
    /** Seeded on the first temporary name, not in every command that merely has a session (ls, stat). */
    private static final class Random {
        static final SecureRandom INSTANCE = new SecureRandom();
    }

    /** One temporary destination. */
    public sealed interface Partial {
        /** A local temporary file. */
        record Local(Path path) implements Partial {
        }

        /** A temporary file on a share; {@code sidecar}: it may have a resume sidecar, removed with it. */
        record Remote(RemoteShare share, String path, boolean sidecar) implements Partial {
        }

        /** A temporary directory tree on a share (a recursive copy into a new directory builds it there). */
        record RemoteTree(RemoteShare share, String path) implements Partial {
        }
    }

    private final Set<Partial> live = ConcurrentHashMap.newKeySet();

    /** The temporary name for a destination name: {@code .NAME.smbco-part-3fa9c1}. */
    public static String partName(String name) {
        byte[] r = new byte[3];
        Random.INSTANCE.nextBytes(r);
        String suffix = ".smbco-part-" + HexFormat.of().formatHex(r);
        return name.length() > 200 ? suffix : "." + name + suffix;
    }

    /**
     * The temporary name of a resumable copy: {@code .NAME.smbco-part-} and six hex digits of the
     * SHA-256 of {@code source} (the source's URL or absolute path), the same in every run.
     */
    public static String partName(String name, String source) {
        byte[] d = Verify.sha256().digest(source.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        String suffix = ".smbco-part-" + HexFormat.of().formatHex(d, 0, 3);
        return name.length() > 200 ? suffix : "." + name + suffix;
    }

    /** Whether a name is one of our temporary names or a resume sidecar (listings can point them out). */
    public static boolean isPartName(String name) {
        return name.matches("(\\..*)?\\.smbco-part-[0-9a-f]{6}(\\.smbco-resume)?");
    }

    /** Registers a partial made elsewhere; returns it. */
    public Partial register(Partial p) {
        live.add(p);
        return p;
    }

    public Partial.Local local(Path path) {
        Partial.Local p = new Partial.Local(path);
        live.add(p);
        return p;
    }

    public Partial.Remote remote(RemoteShare share, String path) {
        return remote(share, path, false);
    }

    public Partial.Remote remote(RemoteShare share, String path, boolean sidecar) {
        Partial.Remote p = new Partial.Remote(share, path, sidecar);
        live.add(p);
        return p;
    }

    public Partial.RemoteTree remoteTree(RemoteShare share, String path) {
        Partial.RemoteTree p = new Partial.RemoteTree(share, path);
        live.add(p);
        return p;
    }

    /** The partial became the real file (renamed): nothing to clean up any more. */
    public void committed(Partial p) {
        live.remove(p);
    }

    /** Deletes one partial, best effort; returns whether it is gone. */
    public boolean discard(Partial p) {
        try {
            switch (p) {
                case Partial.Local l -> {
                    Files.deleteIfExists(l.path());
                    Files.deleteIfExists(l.path().resolveSibling(l.path().getFileName() + ResumeSidecar.SUFFIX));
                }
                case Partial.Remote r -> {
                    if (r.sidecar()) {
                        ResumableCopy.finished(r.share(), r.path());
                    }
                    r.share().delete(r.path());
                }
                case Partial.RemoteTree t -> t.share().deleteTree(t.path());
            }
            live.remove(p);
            return true;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** Deletes every live partial (Ctrl-C); local ones first, since they cannot hang. */
    public void discardAll() {
        for (Partial p : live) {
            if (p instanceof Partial.Local) {
                discard(p);
            }
        }
        for (Partial p : live) {
            discard(p);
        }
    }

    public int size() {
        return live.size();
    }
}
