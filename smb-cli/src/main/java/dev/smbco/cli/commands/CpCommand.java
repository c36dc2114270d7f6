package dev.smbco.cli.commands;

import dev.smbco.cli.Bind;
import dev.smbco.cli.Session;
import dev.smbco.cli.SmbcoCommand;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cp [-r] SRC... DST}: local to SMB, SMB to local, SMB to SMB (server-side on one server). */
public final class CpCommand implements Callable<Integer> {
    private final SmbcoCommand root;
    final ResumeOptions resume = new ResumeOptions();
    boolean recursive;
    boolean verify;
    List<String> args;

    private CpCommand(SmbcoCommand root) {
        this.root = root;
    }

    /** The model of {@code cp} (built in code: {@link Bind}), bound to a new command under {@code root}. */
    public static CommandSpec model(SmbcoCommand root) {
        CpCommand c = new CpCommand(root);
        CommandSpec s = CommandSpec.wrapWithoutInspection(c).name("cp");
        s.usageMessage().description(
                "Copy files: local to smb://, smb:// to local, smb:// to smb:// (server-side when both are on one server).",
                "A DST that exists as a directory, or ends with /, receives SRC under its own name.");
        c.resume.addTo(s);
        s.addOption(Bind.of(boolean.class, () -> c.recursive, v -> c.recursive = v).option("-r", "-R", "--recursive")
                .description("Copy directories recursively; create missing parent directories of DST.").build());
        s.addOption(Bind.of(boolean.class, () -> c.verify, v -> c.verify = v).option("--verify")
                .description("Read each copy back and compare its SHA-256 with the source's before giving it its name (exit 1 on a mismatch).").build());
        s.addPositional(Bind.ofList(() -> c.args, v -> c.args = v).positional().arity("2..*").required(true).paramLabel("SRC... DST")
                .description("Sources then destination: URLs, local paths, or - (stdin/stdout).").build());
        return s;
    }

    @Override
    public Integer call() {
        try (Session session = new Session(root)) {
            return Transfer.run(session, args.subList(0, args.size() - 1), args.getLast(), recursive, verify, resume);
        }
    }
}
