package dev.smbco.cli;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A parsed {@code smb://[[DOMAIN;]USER[:PASSWORD]@]HOST[:PORT]/SHARE[/PATH]} URL.
 *
 * <p>Every part is percent-decoded (UTF-8); raw non-ASCII characters are accepted as they are. The host
 * may be a name, an IPv4 address or a bracketed IPv6 literal ({@code [::1]}). A trailing {@code /}
 * means "into this directory" ({@link #into()}). The path is held as decoded segments, so a name may
 * contain any character SMB allows; {@code /} and {@code \} inside a segment are rejected because SMB
 * names cannot contain them. {@link #toString()} never shows the password.
 *
 * @param domain   the domain from the URL, or null
 * @param user     the user from the URL, or null
 * @param password the password from the URL, or null
 * @param host     host name or address (IPv6 without brackets)
 * @param port     the port, or -1 when the URL names none
 * @param share    the share name; empty only for a server URL ({@link #isServer()})
 * @param segments the path below the share, decoded, possibly empty (the share's root)
 * @param into     whether the URL ended with {@code /}
 */
public record SmbUrl(String domain, String user, String password, String host, int port, String share,
                     List<String> segments, boolean into) {

    public static final String SCHEME = "smb://";
    public static final int DEFAULT_PORT = 445;

    public SmbUrl {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(share, "share");
        segments = List.copyOf(segments);
    }

    /** Whether an argument is meant as an SMB URL (as opposed to a local path or {@code -}). */
    public static boolean isUrl(String arg) {
        return arg.regionMatches(true, 0, SCHEME, 0, SCHEME.length());
    }

    /**
     * Parses a URL.
     *
     * @throws CliException with exit status 2 and a message saying what is wrong
     */
    public static SmbUrl parse(String text) {
        return parse(text, false);
    }

    /**
     * Parses a URL that may name a server only ({@code smb://HOST/} or {@code smb://HOST}): then
     * {@link #isServer()} is true and the share is empty.
     *
     * @throws CliException with exit status 2 and a message saying what is wrong
     */
    public static SmbUrl parseServerOrShare(String text) {
        return parse(text, true);
    }

    private static SmbUrl parse(String text, boolean serverAllowed) {
        if (!isUrl(text)) {
            throw bad(text, "it must start with smb://");
        }
        String rest = text.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        String pathPart = slash < 0 ? "" : rest.substring(slash + 1);

        String domain = null;
        String user = null;
        String password = null;
        String hostPort = authority;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            hostPort = authority.substring(at + 1);
            int semi = userInfo.indexOf(';');
            if (semi >= 0) {
                domain = decode(text, userInfo.substring(0, semi));
                userInfo = userInfo.substring(semi + 1);
                if (domain.isEmpty()) {
                    throw bad(text, "empty domain before ';'");
                }
            }
            int colon = userInfo.indexOf(':');
            if (colon >= 0) {
                password = decode(text, userInfo.substring(colon + 1));
                userInfo = userInfo.substring(0, colon);
            }
            user = decode(text, userInfo);
            if (user.isEmpty()) {
                throw bad(text, "empty user name before '@'");
            }
        }

        String host;
        String portText = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) {
                throw bad(text, "IPv6 address without closing ']'");
            }
            host = decode(text, hostPort.substring(1, close)); // a zone id is written %25eth0 (RFC 6874)
            String after = hostPort.substring(close + 1);
            if (!after.isEmpty()) {
                if (!after.startsWith(":")) {
                    throw bad(text, "unexpected '" + after + "' after the IPv6 address");
                }
                portText = after.substring(1);
            }
            if (host.isEmpty() || !host.matches("[0-9A-Fa-f:.]+(%[A-Za-z0-9_.\\-]+)?")) {
                throw bad(text, "'" + host + "' is not an IPv6 address");
            }
        } else {
            int colon = hostPort.indexOf(':');
            if (colon >= 0) {
                portText = hostPort.substring(colon + 1);
                hostPort = hostPort.substring(0, colon);
            }
            host = decode(text, hostPort);
            if (host.isEmpty()) {
                throw bad(text, "missing host");
            }
            if (!host.matches("[\\p{L}\\p{N}._\\-]+")) {
                throw bad(text, "'" + host + "' is not a valid host name");
            }
        }
        int port = -1;
        if (portText != null) {
            if (!portText.matches("[0-9]{1,5}") || Integer.parseInt(portText) < 1 || Integer.parseInt(portText) > 65535) {
                throw bad(text, "port '" + portText + "' is not a number from 1 to 65535");
            }
            port = Integer.parseInt(portText);
        }

        boolean into = pathPart.endsWith("/");
        List<String> parts = new ArrayList<>();
        for (String raw : pathPart.split("/")) {
            if (raw.isEmpty()) {
                continue; // "a//b" and the trailing "/" add no segment
            }
            String segment = decode(text, raw);
            if (segment.indexOf('/') >= 0 || segment.indexOf('\\') >= 0 || segment.indexOf('\0') >= 0) {
                throw bad(text, "the name '" + segment + "' contains a character SMB names cannot hold");
            }
            if (segment.equals(".") || segment.equals("..")) {
                throw bad(text, "'.' and '..' are not allowed in the path");
            }
            parts.add(segment);
        }
        if (parts.isEmpty()) {
            if (serverAllowed) {
                return new SmbUrl(domain, user, password, host, port, "", List.of(), false);
            }
            throw bad(text, "missing share name (smb://HOST/SHARE/...)");
        }
        String share = parts.removeFirst();
        return new SmbUrl(domain, user, password, host, port, share, parts, into && !parts.isEmpty());
    }

    /** Whether this URL names a server, not a share ({@code smb://HOST/}; see {@link #parseServerOrShare}). */
    public boolean isServer() {
        return share.isEmpty();
    }

    /** The port to connect to: the URL's, else {@code fallback} when positive, else 445. */
    public int portOr(int fallback) {
        return port > 0 ? port : fallback > 0 ? fallback : DEFAULT_PORT;
    }

    /** The path below the share with {@code /} separators, empty for the share's root. */
    public String path() {
        return String.join("/", segments);
    }

    /** The last path segment, or the share name at the share's root. */
    public String name() {
        return segments.isEmpty() ? share : segments.getLast();
    }

    /** Whether this URL is the share's root. */
    public boolean isRoot() {
        return segments.isEmpty();
    }

    /** The same server and share with another path (relative to the share root, {@code /}-separated). */
    public SmbUrl withPath(String path) {
        List<String> parts = new ArrayList<>();
        for (String s : path.split("/")) {
            if (!s.isEmpty()) {
                parts.add(s);
            }
        }
        return new SmbUrl(domain, user, password, host, port, share, parts, false);
    }

    /** This URL with one more segment. */
    public SmbUrl child(String name) {
        List<String> parts = new ArrayList<>(segments);
        parts.add(name);
        return new SmbUrl(domain, user, password, host, port, share, parts, false);
    }

    /** The parent directory; the share root is its own parent. */
    public SmbUrl parent() {
        if (segments.isEmpty()) {
            return this;
        }
        return new SmbUrl(domain, user, password, host, port, share, segments.subList(0, segments.size() - 1), false);
    }

    /** Whether both URLs reach the same server as the same user (host compared case-insensitively). */
    public boolean sameServer(SmbUrl other, int defaultPort) {
        return host.equalsIgnoreCase(other.host) && portOr(defaultPort) == other.portOr(defaultPort)
                && Objects.equals(user, other.user) && Objects.equals(domain, other.domain);
    }

    /** Whether both URLs name the same share on the same server. */
    public boolean sameShare(SmbUrl other, int defaultPort) {
        return sameServer(other, defaultPort) && share.equalsIgnoreCase(other.share);
    }

    /**
     * For messages: {@code smb://host[:port]/share/path} with decoded (readable) names, no user and
     * no password.
     */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder(SCHEME);
        b.append(host.indexOf(':') >= 0 ? "[" + host + "]" : host);
        if (port > 0) {
            b.append(':').append(port);
        }
        b.append('/').append(share);
        for (String s : segments) {
            b.append('/').append(s);
        }
        if (into) {
            b.append('/');
        }
        return b.toString();
    }

    private static CliException bad(String text, String why) {
        return CliException.usage("malformed URL '" + redact(text) + "': " + why);
    }

    /** The URL text with any password replaced by {@code ***}, for error messages. */
    static String redact(String text) {
        if (!isUrl(text)) {
            return text;
        }
        String rest = text.substring(SCHEME.length());
        int slash = rest.indexOf('/');
        String authority = slash < 0 ? rest : rest.substring(0, slash);
        int at = authority.lastIndexOf('@');
        if (at < 0) {
            return text;
        }
        String userInfo = authority.substring(0, at);
        int colon = userInfo.indexOf(':');
        if (colon < 0) {
            return text;
        }
        return text.substring(0, SCHEME.length()) + userInfo.substring(0, colon) + ":***" + rest.substring(at);
    }

    /** Percent-decodes one URL part as UTF-8; a malformed escape or invalid UTF-8 is a usage error. */
    static String decode(String url, String part) {
        if (part.indexOf('%') < 0) {
            return part;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(part.length());
        for (int i = 0; i < part.length(); ) {
            char c = part.charAt(i);
            if (c == '%') {
                if (i + 2 >= part.length()) {
                    throw bad(url, "incomplete percent escape '" + part.substring(i) + "'");
                }
                int hi = Character.digit(part.charAt(i + 1), 16);
                int lo = Character.digit(part.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw bad(url, "bad percent escape '" + part.substring(i, i + 3) + "'");
                }
                bytes.write(hi << 4 | lo);
                i += 3;
            } else {
                int cp = part.codePointAt(i);
                byte[] utf8 = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8);
                bytes.writeBytes(utf8);
                i += Character.charCount(cp);
            }
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes.toByteArray()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw bad(url, "percent escapes in '" + part + "' are not valid UTF-8");
        }
    }

    /** Percent-encodes a name for use inside a URL (everything but unreserved ASCII), e.g. for tests and the demo. */
    public static String encode(String name) {
        StringBuilder b = new StringBuilder();
        for (byte x : name.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~') {
                b.append((char) c);
            } else {
                b.append('%').append(String.format(Locale.ROOT, "%02X", c));
            }
        }
        return b.toString();
    }
}
