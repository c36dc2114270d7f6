package dev.smbco.client.dfs.internal;

/**
 * A domain controller as {@link dev.smbco.client.dfs.DfsPolicy#domainControllers()} names it:
 * {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port} (port 445 when none is given).
 *
 * @param host name or address, without brackets
 * @param port TCP port
 */
public record DcAddress(String host, int port) {
    /**
     * Parses one.
     *
     * @param s {@code host}, {@code host:port}, {@code [v6]} or {@code [v6]:port}
     * @return the host and port (445 when none is given)
     * @throws IllegalArgumentException when it is none of these
     */
    public static DcAddress parse(String s) {
        int port = 445;
        String host = s;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException("domain controller '" + s + "': no closing ]");
            }
            host = s.substring(1, close);
            if (close + 1 < s.length()) {
                if (s.charAt(close + 1) != ':') {
                    throw new IllegalArgumentException("domain controller '" + s + "': expected :port after ]");
                }
                port = port(s, s.substring(close + 2));
            }
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            host = s.substring(0, s.indexOf(':'));
            port = port(s, s.substring(s.indexOf(':') + 1));
        }
        if (host.isEmpty()) {
            throw new IllegalArgumentException("domain controller '" + s + "': no host");
        }
        return new DcAddress(host, port);
    }

    private static int port(String s, String p) {
        try {
            int n = Integer.parseInt(p);
            if (n >= 1 && n <= 65535) {
                return n;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        throw new IllegalArgumentException("domain controller '" + s + "': port '" + p + "' is not 1..65535");
    }

    @Override
    public String toString() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + (port == 445 ? "" : ":" + port);
    }
}
