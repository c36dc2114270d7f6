package dev.smbco.testserver;

import java.util.Map;
import java.util.Optional;

/**
 * A server someone else runs, named by {@code SMBCO_TEST_SERVER=host[:port]} with
 * {@code SMBCO_TEST_USER}, {@code SMBCO_TEST_PASSWORD}, {@code SMBCO_TEST_DOMAIN} and, for
 * what it is configured as, {@code SMBCO_TEST_VARIANT} (default {@code default}).
 */
public record ExternalSambaServer(String host, int port, String user, String password, String domain,
                                  SambaVariant variant) implements SambaServer {

    @Override
    public SambaBackend backend() {
        return SambaBackend.EXTERNAL;
    }

    @Override
    public String toString() {
        return "ExternalSambaServer[" + describe() + ", user=" + user + "]";
    }

    /** The server the environment names, if any. */
    public static Optional<ExternalSambaServer> fromEnvironment(Map<String, String> env) {
        String spec = env.getOrDefault("SMBCO_TEST_SERVER", "").trim();
        if (spec.isEmpty()) {
            return Optional.empty();
        }
        String host = spec;
        int port = 445;
        int colon = spec.lastIndexOf(':');
        if (colon > 0 && spec.indexOf(':') == colon) {
            host = spec.substring(0, colon);
            try {
                port = Integer.parseInt(spec.substring(colon + 1));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("SMBCO_TEST_SERVER='" + spec + "' is not host[:port]", e);
            }
        }
        return Optional.of(new ExternalSambaServer(host, port,
                env.getOrDefault("SMBCO_TEST_USER", DEFAULT_USER),
                env.getOrDefault("SMBCO_TEST_PASSWORD", DEFAULT_PASSWORD),
                env.getOrDefault("SMBCO_TEST_DOMAIN", DEFAULT_DOMAIN),
                SambaVariant.parse(env.getOrDefault("SMBCO_TEST_VARIANT", SambaVariant.DEFAULT.id()))));
    }
}
