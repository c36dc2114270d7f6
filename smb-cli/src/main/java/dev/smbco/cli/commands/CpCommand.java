package dev.smbco.cli.commands;

import dev.smbco.cli.Session;
import dev.smbco.cli.SmbcoCommand;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code cp [-r] SRC... DST}: local to SMB, SMB to local, SMB to SMB (server-side on one server). */
@Command(name = "cp", description = {
    "Copy files: local to smb://, smb:// to local, smb:// to smb:// (server-side when both are on one server).",
    "A DST that exists as a directory, or ends with /, receives SRC under its own name."})
public final class CpCommand implements Callable<Integer> {
    @ParentCommand
    SmbcoCommand root;

    @picocli.CommandLine.Mixin
    ResumeOptions resume;

    @Option(names = {"-r", "-R", "--recursive"}, description = "Copy directories recursively; create missing parent directories of DST.")
    boolean recursive;

    @Option(names = "--verify", description = "Read each copy back and compare its SHA-256 with the source's before giving it its name (exit 1 on a mismatch).")
    boolean verify;

    @Parameters(arity = "2..*", paramLabel = "SRC... DST", description = "Sources then destination: URLs, local paths, or - (stdin/stdout).")
    List<String> args;

    @Override
    public Integer call() {
        try (Session session = new Session(root)) {
            return Transfer.run(session, args.subList(0, args.size() - 1), args.getLast(), recursive, verify, resume);
        }
    }
}
