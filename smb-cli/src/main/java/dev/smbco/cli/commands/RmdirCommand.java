package dev.smbco.cli.commands;

import dev.smbco.cli.Bind;
import dev.smbco.cli.CliException;
import dev.smbco.cli.Session;
import dev.smbco.cli.SmbUrl;
import dev.smbco.cli.SmbcoCommand;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rmdir URL...}: remove empty directories. */
public final class RmdirCommand implements Callable<Integer> {
    private final SmbcoCommand root;
    List<String> urls;

    private RmdirCommand(SmbcoCommand root) {
        this.root = root;
    }

    /** The model of {@code rmdir} (built in code: {@link Bind}), bound to a new command under {@code root}. */
    public static CommandSpec model(SmbcoCommand root) {
        RmdirCommand c = new RmdirCommand(root);
        CommandSpec s = CommandSpec.wrapWithoutInspection(c).name("rmdir");
        s.usageMessage().description("Remove empty directories.");
        s.addPositional(Bind.ofList(() -> c.urls, v -> c.urls = v).positional().arity("1..*").required(true).paramLabel("URL").build());
        return s;
    }

    @Override
    public Integer call() {
        List<SmbUrl> targets = urls.stream().map(u -> Urls.require(u, "rmdir")).toList();
        try (Session session = new Session(root)) {
            return Each.run(targets, url -> {
                if (url.isRoot()) {
                    throw CliException.failed(url.toString(), "refusing to remove a share's root");
                }
                session.remote().share(url).rmdir(url.path());
            }, root.io().err());
        }
    }
}
