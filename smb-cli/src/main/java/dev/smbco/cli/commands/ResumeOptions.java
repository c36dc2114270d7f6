package dev.smbco.cli.commands;

import dev.smbco.cli.Bind;
import dev.smbco.cli.CliException;
import picocli.CommandLine.Model.CommandSpec;

/** {@code --resume} and {@code --retries N}, shared by {@code cp}, {@code get} and {@code put}. */
public final class ResumeOptions {
    boolean resume;
    int retries;

    /** Adds the two options to {@code spec}, bound to this object (the model in code: {@link Bind}). */
    void addTo(CommandSpec spec) {
        spec.addOption(Bind.of(boolean.class, () -> resume, v -> resume = v).option("--resume").description(
                "Continue a copy that an earlier --resume run left unfinished (killed, interrupted, failed): its hidden partial files",
                "are checked against the source and only the missing part is sent; on a mismatch the file starts over.",
                "Partial files stay when this run fails too.").build());
        spec.addOption(Bind.of(int.class, () -> retries, v -> retries = v).option("--retries").paramLabel("N")
                .description("Try a file again up to N times after a connection failure (after 1, 2, 4... s), continuing its partial file.").build());
    }

    int retries() {
        if (retries < 0) {
            throw CliException.usage("--retries must be 0 or more, not " + retries);
        }
        return retries;
    }
}
