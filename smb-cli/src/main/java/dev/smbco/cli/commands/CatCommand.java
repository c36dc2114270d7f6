package dev.smbco.cli.commands;

import dev.smbco.cli.Bind;
import dev.smbco.cli.CliException;
import dev.smbco.cli.Session;
import dev.smbco.cli.SmbUrl;
import dev.smbco.cli.SmbcoCommand;
import dev.smbco.cli.remote.RemoteShare;
import dev.smbco.cli.transfer.StdoutSink;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code cat URL}: print a file to standard output. */
public final class CatCommand implements Callable<Integer> {
    private final SmbcoCommand root;
    String url;

    private CatCommand(SmbcoCommand root) {
        this.root = root;
    }

    /** The model of {@code cat} (built in code: {@link Bind}), bound to a new command under {@code root}. */
    public static CommandSpec model(SmbcoCommand root) {
        CatCommand c = new CatCommand(root);
        CommandSpec s = CommandSpec.wrapWithoutInspection(c).name("cat");
        s.usageMessage().description("Print a file to standard output.");
        s.addPositional(Bind.of(String.class, () -> c.url, v -> c.url = v).positional().arity("1").required(true).paramLabel("URL").build());
        return s;
    }

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
