package dev.smbco.cli;

import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/** How {@link Main} makes the command line of one subcommand of {@code smbco}. */
@FunctionalInterface
public interface Subcommand {
    /** The subcommand's command line, its model bound to a new command object under {@code root}. */
    CommandLine commandLine(SmbcoCommand root);

    /** A subcommand whose model is built in code ({@link Bind}) by {@code model}. */
    static Subcommand of(Function<SmbcoCommand, CommandSpec> model) {
        return root -> new CommandLine(model.apply(root));
    }

    /**
     * A subcommand whose model picocli reads from the annotations of {@code type}: only picocli's own
     * {@code help} command, which is built only when the whole usage is (help, version, a mistake).
     */
    static Subcommand annotated(Class<?> type) {
        return root -> new CommandLine(type);
    }
}
