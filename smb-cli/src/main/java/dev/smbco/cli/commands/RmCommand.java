package dev.smbco.cli.commands;

import dev.smbco.cli.Bind;
import dev.smbco.cli.CliException;
import dev.smbco.cli.Session;
import dev.smbco.cli.SmbUrl;
import dev.smbco.cli.SmbcoCommand;
import dev.smbco.cli.remote.FileInfo;
import dev.smbco.cli.remote.RemoteShare;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code rm [-r] [-f] URL...}: delete files; -r whole trees; -f ignore missing. */
public final class RmCommand implements Callable<Integer> {
    private final SmbcoCommand root;
    boolean recursive;
    boolean force;
    List<String> urls;

    private RmCommand(SmbcoCommand root) {
        this.root = root;
    }

    /** The model of {@code rm} (built in code: {@link Bind}), bound to a new command under {@code root}. */
    public static CommandSpec model(SmbcoCommand root) {
        RmCommand c = new RmCommand(root);
        CommandSpec s = CommandSpec.wrapWithoutInspection(c).name("rm");
        s.usageMessage().description("Delete files (-r: directories with everything below them).");
        s.addOption(Bind.of(boolean.class, () -> c.recursive, v -> c.recursive = v).option("-r", "-R", "--recursive")
                .description("Delete directories and their contents.").build());
        s.addOption(Bind.of(boolean.class, () -> c.force, v -> c.force = v).option("-f", "--force")
                .description("Ignore files that do not exist.").build());
        s.addPositional(Bind.ofList(() -> c.urls, v -> c.urls = v).positional().arity("1..*").required(true).paramLabel("URL").build());
        return s;
    }

    @Override
    public Integer call() {
        List<SmbUrl> targets = urls.stream().map(u -> Urls.require(u, "rm")).toList();
        try (Session session = new Session(root)) {
            return Each.run(targets, url -> {
                if (url.isRoot()) {
                    throw CliException.failed(url.toString(), "refusing to delete a share's root");
                }
                RemoteShare share = session.remote().share(url);
                Optional<FileInfo> there = share.find(url.path());
                if (there.isEmpty()) {
                    if (force) {
                        return;
                    }
                    share.stat(url.path()); // throws the server's own "not found" status
                    return;
                }
                if (there.get().directory()) {
                    if (!recursive) {
                        throw CliException.failed(url.toString(), "is a directory (use -r)");
                    }
                    share.deleteTree(url.path());
                } else {
                    share.delete(url.path());
                }
            }, root.io().err());
        }
    }
}
