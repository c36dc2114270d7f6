package dev.smbco.nio;

import java.net.URI;
import java.util.Locale;

/**
 * An {@code smb://[domain;user@]host[:port]/share[/path]} URI taken apart. Refused with {@link
 * IllegalArgumentException}, naming the URI: another scheme, an opaque URI, a query or fragment,
 * no host, no share, a password in the user part (passwords go in the environment map).
 *
 * @param host   the host as written (lower case), without IPv6 brackets
 * @param port   the port, 445 if none is given
 * @param share  the share name as written
 * @param user   the user of the URI's user part, or null
 * @param domain the domain of a {@code domain;user} user part, or null
 * @param path   the decoded path below the share ("" for the share root)
 */
record SmbUri(String host, int port, String share, String user, String domain, String path) {
    static final int DEFAULT_PORT = 445;

    static SmbUri parse(URI uri) {
        if (!SmbFileSystemProvider.SCHEME.equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("URI scheme is not 'smb': " + uri);
        }
        if (uri.isOpaque()) {
            throw new IllegalArgumentException("URI is opaque (smb://host/share/... expected): " + uri);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("URI has a query or fragment, which an smb:// URI may not: " + uri);
        }
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("URI names no host: " + uri);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        String p = uri.getPath() == null ? "" : uri.getPath();
        String rest = p.startsWith("/") ? p.substring(1) : p;
        int slash = rest.indexOf('/');
        String share = slash < 0 ? rest : rest.substring(0, slash);
        if (share.isEmpty()) {
            throw new IllegalArgumentException("URI names no share (smb://host/share/... expected): " + uri);
        }
        String path = slash < 0 ? "" : rest.substring(slash + 1);
        String user = null;
        String domain = null;
        String info = uri.getUserInfo();
        if (info != null) {
            if (info.indexOf(':') >= 0) {
                throw new IllegalArgumentException("URI holds a password; give it in the environment map as \"password\": "
                        + redact(uri));
            }
            int semi = info.indexOf(';');
            user = semi < 0 ? info : info.substring(semi + 1);
            domain = semi < 0 ? null : info.substring(0, semi);
        }
        return new SmbUri(host.toLowerCase(Locale.ROOT), uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort(), share, user, domain, path);
    }

    /** The URI without its user part, for messages that must not show a password. */
    private static String redact(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort()) + uri.getRawPath();
    }
}
