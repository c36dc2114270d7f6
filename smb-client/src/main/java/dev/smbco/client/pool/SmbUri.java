package dev.smbco.client.pool;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The parts of an {@code smb://[user@]host[:port]/share[/path]} URI that name a file: server,
 * share and the path below it. Segments are percent-decoded (UTF-8); the host may be a name, an
 * IPv4 address or a bracketed IPv6 literal. A password in the URI, a query or a fragment is refused
 * (credentials travel as {@link dev.smbco.client.Credentials}, never in a string that ends up in
 * logs).
 *
 * @param user  the user named in the URI, or null
 * @param host  host name or address (IPv6 without brackets), as given
 * @param port  the port; 445 when the URI names none
 * @param share the share name (never empty)
 * @param path  the path below the share with {@code \} separators, "" for the share's root
 */
public record SmbUri(String user, String host, int port, String share, String path) {
    /** MS-SMB2 2.1: the Direct TCP port. */
    public static final int DEFAULT_PORT = 445;

    /**
     * Checks the parts.
     *
     * @throws IllegalArgumentException when the host or share is empty or the port is outside 1..65535
     */
    public SmbUri {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(share, "share");
        Objects.requireNonNull(path, "path");
        if (host.isEmpty() || share.isEmpty()) {
            throw new IllegalArgumentException("an smb:// URI needs a host and a share");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " outside 1..65535");
        }
    }

    /**
     * Parses {@code uri}.
     *
     * @param uri {@code smb://[user@]host[:port]/share[/path]}, percent-encoded
     * @return its parts, decoded
     * @throws IllegalArgumentException when it is not an {@code smb://} URI naming a host and a
     *                                  share, carries a password, a query or a fragment, or has a
     *                                  path segment that is "." or ".." or holds a separator
     */
    public static SmbUri parse(URI uri) {
        Objects.requireNonNull(uri, "uri");
        String text = uri.toString();
        if (!"smb".equalsIgnoreCase(uri.getScheme())) {
            throw new IllegalArgumentException("not an smb:// URI: " + text);
        }
        if (uri.isOpaque() || uri.getRawAuthority() == null) {
            throw new IllegalArgumentException("an smb:// URI needs a host: " + text);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw new IllegalArgumentException("an smb:// URI takes no query or fragment: " + text);
        }
        String user = null;
        String userInfo = uri.getRawUserInfo();
        if (userInfo != null) {
            if (userInfo.contains(":")) {
                throw new IllegalArgumentException("an smb:// URI must not carry a password (pass Credentials): "
                        + uri.getScheme() + "://" + uri.getHost() + "/...");
            }
            user = decode(userInfo, text);
        }
        String host = uri.getHost();
        if (host == null) {
            throw new IllegalArgumentException("an smb:// URI needs a host name or address: " + text);
        }
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort();
        List<String> segments = new ArrayList<>();
        String raw = uri.getRawPath() == null ? "" : uri.getRawPath();
        for (String s : raw.split("/")) {
            if (s.isEmpty()) {
                continue;
            }
            String d = decode(s, text);
            if (d.equals(".") || d.equals("..") || d.indexOf('/') >= 0 || d.indexOf('\\') >= 0 || d.indexOf(0) >= 0) {
                throw new IllegalArgumentException("path segment '" + d + "' is not a file name in " + text);
            }
            segments.add(d);
        }
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("an smb:// URI needs a share: " + text);
        }
        return new SmbUri(user, host, port, segments.get(0), String.join("\\", segments.subList(1, segments.size())));
    }

    /**
     * {@link #parse(URI)} of a string.
     *
     * @param uri {@code smb://[user@]host[:port]/share[/path]}, percent-encoded
     * @return its parts, decoded
     * @throws IllegalArgumentException when it is not a valid URI, or as {@link #parse(URI)}
     */
    public static SmbUri parse(String uri) {
        try {
            return parse(new URI(uri));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a valid URI: " + e.getMessage(), e);
        }
    }

    private static String decode(String s, String uri) {
        try {
            // URLDecoder turns '+' into a space; in a URI path '+' is itself
            return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bad percent-encoding in " + uri + ": " + e.getMessage(), e);
        }
    }

    /** The server part, lower case, as the pool keys connections by it. */
    String serverKey() {
        return serverKey(host, port);
    }

    /** {@code host:port} with the host lower case: one pooled connection per key. */
    static String serverKey(String host, int port) {
        return host.toLowerCase(Locale.ROOT) + ":" + port;
    }

    @Override
    public String toString() {
        String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return "smb://" + h + (port == DEFAULT_PORT ? "" : ":" + port) + "/" + share + (path.isEmpty() ? "" : "/" + path.replace('\\', '/'));
    }
}
