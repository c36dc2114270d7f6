package dev.smbco.cli.commands;

import dev.smbco.cli.CliException;
import dev.smbco.cli.SmbUrl;

/** Argument checks shared by the commands. */
final class Urls {
    private Urls() {
    }

    /** Parses an argument that must be an smb:// URL (exit 2 otherwise). */
    static SmbUrl require(String arg, String command) {
        if (!SmbUrl.isUrl(arg)) {
            throw CliException.usage(command + " needs an smb:// URL, not '" + arg + "'");
        }
        return SmbUrl.parse(arg);
    }

    /** As {@link #require}, but {@code smb://HOST/} (a server, no share) is allowed too. */
    static SmbUrl requireServerOrShare(String arg, String command) {
        if (!SmbUrl.isUrl(arg)) {
            throw CliException.usage(command + " needs an smb:// URL, not '" + arg + "'");
        }
        return SmbUrl.parseServerOrShare(arg);
    }
}
