package dev.smbco.cli.commands;

import dev.smbco.cli.Session;
import dev.smbco.cli.SmbcoCommand;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code get URL [LOCAL|-]}: download one file (into the current directory by default). */
@Command(name = "get", description = "Download a file (LOCAL defaults to the current directory; - writes to stdout).")
public final class GetCommand implements Callable<Integer> {
    @ParentCommand
    SmbcoCommand root;

    @picocli.CommandLine.Mixin
    ResumeOptions resume;

    @Parameters(index = "0", paramLabel = "URL")
    String url;

    @Parameters(index = "1", arity = "0..1", paramLabel = "LOCAL|-")
    String local;

    @Override
    public Integer call() {
        Urls.require(url, "get");
        String dst = local == null ? "./" : local;
        if (dst.startsWith("smb://")) {
            throw dev.smbco.cli.CliException.usage("get writes to a local path or -; use cp to copy between shares");
        }
        try (Session session = new Session(root)) {
            return Transfer.run(session, List.of(url), dst, false, false, resume);
        }
    }
}
