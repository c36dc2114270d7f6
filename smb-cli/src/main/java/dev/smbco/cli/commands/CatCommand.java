package dev.smbco.cli.commands;

import dev.smbco.cli.CliException;
import dev.smbco.cli.Session;
import dev.smbco.cli.SmbUrl;
import dev.smbco.cli.SmbcoCommand;
import dev.smbco.cli.remote.RemoteShare;
import dev.smbco.cli.transfer.StdoutSink;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code cat URL}: print a file to standard output. */
@Command(name = "cat", description = "Print a file to standard output.")
public final class CatCommand implements Callable<Integer> {
    @ParentCommand
    SmbcoCommand root;

    @Parameters(paramLabel = "URL")
    String url;

    @Override
    public Integer call() {
        SmbUrl target = Urls.require(url, "cat");
        try (Session session = new Session(root)) {
            RemoteShare share = session.remote().share(target);
            if (share.stat(target.path()).directory()) {
                throw CliException.failed(target.toString(), "is a directory");
            }
            share.download(target.path(), new StdoutSink(root.io().out()), n -> { });
            root.io().out().flush();
        }
        return 0;
    }
}
