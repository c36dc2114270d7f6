package dev.smbco.bench.peers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Runs a command-line client to its end; a non-zero exit or an NT_STATUS error in its output fails the run. */
final class Commands {
    private Commands() {
    }

    static void run(List<String> command, Map<String, String> env, String stdin, Path scratch) throws IOException, InterruptedException {
        Path out = scratch.resolve("out.txt");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile());
        pb.environment().putAll(env);
        if (stdin != null) {
            Path in = scratch.resolve("in.txt");
            Files.writeString(in, stdin);
            pb.redirectInput(in.toFile());
        }
        int rc = pb.start().waitFor();
        String text = Files.readString(out, StandardCharsets.UTF_8);
        if (rc != 0 || text.contains("NT_STATUS_")) {
            String tail = text.length() > 2000 ? text.substring(text.length() - 2000) : text;
            throw new IOException(String.join(" ", command) + " exited " + rc + ":\n" + tail);
        }
    }
}
