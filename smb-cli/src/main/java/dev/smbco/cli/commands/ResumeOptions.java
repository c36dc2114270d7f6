package dev.smbco.cli.commands;

import dev.smbco.cli.CliException;
import picocli.CommandLine.Option;

/** {@code --resume} and {@code --retries N}, shared by {@code cp}, {@code get} and {@code put}. */
public final class ResumeOptions {
    @Option(names = "--resume", description = {
        "Continue a copy that an earlier --resume run left unfinished (killed, interrupted, failed): its hidden partial files",
        "are checked against the source and only the missing part is sent; on a mismatch the file starts over.",
        "Partial files stay when this run fails too."})
    boolean resume;

    @Option(names = "--retries", paramLabel = "N", description = "Try a file again up to N times after a connection failure (after 1, 2, 4... s), continuing its partial file.")
    int retries;

    int retries() {
        if (retries < 0) {
            throw CliException.usage("--retries must be 0 or more, not " + retries);
        }
        return retries;
    }
}
