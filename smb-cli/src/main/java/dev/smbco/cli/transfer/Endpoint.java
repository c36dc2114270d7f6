package dev.smbco.cli.transfer;

import dev.smbco.cli.CliException;
import dev.smbco.cli.SmbUrl;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/** A copy's source or destination as the user wrote it: an SMB URL, a local path, or {@code -}. */
public sealed interface Endpoint {

    /** An {@code smb://} URL. */
    record Smb(SmbUrl url) implements Endpoint {
        @Override public String toString() { return url.toString(); }
    }

    /** A local path; {@code into} when it was written with a trailing separator. */
    record Local(Path path, boolean into) implements Endpoint {
        @Override public String toString() { return path.toString(); }
    }

    /** {@code -}: standard input as a source, standard output as a destination. */
    record Stdio() implements Endpoint {
        @Override public String toString() { return "-"; }
    }

    static Endpoint parse(String arg) {
        if (arg.equals("-")) {
            return new Stdio();
        }
        if (SmbUrl.isUrl(arg)) {
            return new Smb(SmbUrl.parse(arg));
        }
        if (arg.isEmpty()) {
            throw CliException.usage("empty path");
        }
        try {
            return new Local(Path.of(arg).toAbsolutePath().normalize(), arg.endsWith("/") || arg.endsWith(java.io.File.separator));
        } catch (InvalidPathException e) {
            throw CliException.usage("invalid local path '" + arg + "': " + e.getReason());
        }
    }
}
