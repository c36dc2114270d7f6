package dev.smbco.nio;

import java.util.Locale;

/**
 * What identifies one {@link SmbFileSystem}: host, port, share and who is logged on. Host and
 * share compare case-insensitively (SMB share names do, MS-SMB2 3.3.5.7); user and domain as given.
 *
 * @param user   "" for the guest account
 * @param domain "" when none was given
 */
record FsKey(String host, int port, String share, String user, String domain) {
    FsKey {
        host = host.toLowerCase(Locale.ROOT);
        share = share.toLowerCase(Locale.ROOT);
    }

    /** Whether a URI's host, port, share and (where it names them) user and domain pick this file system. */
    boolean matches(SmbUri uri) {
        return host.equals(uri.host()) && port == uri.port() && share.equalsIgnoreCase(uri.share())
                && (uri.user() == null || user.equals(uri.user()))
                && (uri.domain() == null || domain.equalsIgnoreCase(uri.domain()));
    }

    @Override
    public String toString() {
        return "smb://" + (user.isEmpty() ? "" : (domain.isEmpty() ? "" : domain + ";") + user + "@") + host
                + (port == SmbUri.DEFAULT_PORT ? "" : ":" + port) + "/" + share;
    }
}
