package dev.smbco.cli.transfer;

import dev.smbco.cli.Failures;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Instant;

/** What {@code --resume} decides about a whole file: its source's key, and whether a previous run copied it already. */
final class Resumes {
    private Resumes() {
    }

    /** What names a source across runs: its URL (without credentials), or its absolute local path. */
    static String key(Location from) {
        return switch (from) {
            case Location.Smb s -> s.url().toString();
            case Location.Local l -> l.path().toAbsolutePath().normalize().toString();
        };
    }

    /**
     * Whether {@code target}, which exists with the source's size, is a finished copy from a previous
     * run: a downloaded file has the source's last-write time (a copy sets it as its last step
     * before the rename); a file inside our own temporary tree has no resume sidecar (it is written
     * in place, and its sidecar goes only once it is complete). Anything else is copied again.
     */
    static boolean alreadyCopied(Location from, Location target, boolean direct) {
        return switch (target) {
            case Location.Local t when from instanceof Location.Smb s -> {
                Instant modified = s.share().stat(s.path()).modified();
                try {
                    yield modified != null && Files.getLastModifiedTime(t.path()).toInstant().equals(modified);
                } catch (IOException e) {
                    throw Failures.local(e);
                }
            }
            case Location.Smb t when direct -> t.share().find(ResumableCopy.sidecarOf(t.path())).isEmpty();
            default -> false;
        };
    }

}
