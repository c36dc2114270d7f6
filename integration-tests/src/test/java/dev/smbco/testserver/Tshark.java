package dev.smbco.testserver;

import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Wireshark's command-line dissector, for tests that check what the client puts on the wire
 * ({@code apt-get install tshark}; scripts/test-env.sh installs it). Like {@link Smbclient}: a
 * missing tshark fails the test under {@code CI}, and skips it elsewhere.
 */
public final class Tshark {
    private Tshark() {
    }

    /**
     * Runs {@code tshark -r pcap} with TCP sequence analysis off (the TCP layer of a {@link
     * PcapWriter} file is synthetic) and {@code args} after it; returns its standard output.
     */
    public static String read(Path pcap, String... args) throws IOException, InterruptedException {
        Path tshark = find();
        if (tshark == null) {
            String ci = System.getenv("CI");
            if (ci != null && !ci.isBlank()) {
                fail("tshark is not installed (apt-get install tshark; ./run-tests does it)");
            }
            assumeTrue(false, "tshark is not installed (apt-get install tshark)");
        }
        List<String> cmd = new ArrayList<>(List.of(tshark.toString(), "-n", "-o", "tcp.analyze_sequence_numbers:FALSE", "-r", pcap.toString()));
        cmd.addAll(List.of(args));
        Path out = Files.createTempFile("smbco-tshark-", ".txt");
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(false).redirectOutput(out.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail("tshark did not finish within 120 s: " + cmd);
            }
            if (p.exitValue() != 0) {
                fail("tshark exited with " + p.exitValue() + ": " + cmd);
            }
            return Files.readString(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(out);
        }
    }

    private static Path find() {
        for (String d : (System.getenv().getOrDefault("PATH", "") + ":/usr/bin:/usr/local/bin").split(":")) {
            if (!d.isEmpty() && Files.isExecutable(Path.of(d, "tshark"))) {
                return Path.of(d, "tshark");
            }
        }
        return null;
    }
}
