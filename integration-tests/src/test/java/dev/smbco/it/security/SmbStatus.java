package dev.smbco.it.security;

import dev.smbco.testserver.LocalSmbd;
import dev.smbco.testserver.SambaServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Samba's own view of a connection, from {@code smbstatus} (local smbd only): an independent
 * witness of the negotiated protocol, signing and encryption.
 */
final class SmbStatus {
    private SmbStatus() {
    }

    /** The smb.conf of a local smbd, or empty for containers and external servers. */
    static Optional<Path> conf(SambaServer server) {
        return server instanceof LocalSmbd local ? Optional.of(local.configFile()) : Optional.empty();
    }

    /**
     * The line of {@code smbstatus -b} (sessions) whose Machine column names
     * our local port, retried briefly: smbd registers a session asynchronously.
     */
    static Optional<String> line(Path conf, String option, int clientPort) throws IOException, InterruptedException {
        String needle = ":" + clientPort + ")";
        for (int attempt = 0; attempt < 20; attempt++) {
            String out = run(conf, option);
            for (String l : out.split("\n")) {
                if (l.contains(needle)) {
                    return Optional.of(l);
                }
            }
            Thread.sleep(50);
        }
        return Optional.empty();
    }

    /** Whether our port's line disappears from {@code smbstatus option} within about a second. */
    static boolean lineGone(Path conf, String option, int clientPort) throws IOException, InterruptedException {
        String needle = ":" + clientPort + ")";
        for (int attempt = 0; attempt < 20; attempt++) {
            if (!run(conf, option).contains(needle)) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    private static String run(Path conf, String option) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("smbstatus", option, "-s", conf.toString()).redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("smbstatus did not finish");
        }
        return new String(out, StandardCharsets.UTF_8);
    }

    /** Samba's name of a dialect in the Protocol Version column. */
    static String protocolName(dev.smbco.protocol.Dialect d) {
        return d.name(); // our enum constants use Samba's spelling: SMB2_02 ... SMB3_11
    }
}
