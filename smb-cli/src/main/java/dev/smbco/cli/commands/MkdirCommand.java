package dev.smbco.cli.commands;

import dev.smbco.cli.Bind;
import dev.smbco.cli.CliException;
import dev.smbco.cli.Session;
import dev.smbco.cli.SmbUrl;
import dev.smbco.cli.SmbcoCommand;
import dev.smbco.cli.remote.FileInfo;
import dev.smbco.cli.remote.RemoteShare;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mkdir [-p] URL...}: create directories. */
public final class MkdirCommand implements Callable<Integer> {
    private final SmbcoCommand root;
    boolean parents;
    List<String> urls;

    private MkdirCommand(SmbcoCommand root) {
        this.root = root;
    }

    /** The model of {@code mkdir} (built in code: {@link Bind}), bound to a new command under {@code root}. */
    public static CommandSpec model(SmbcoCommand root) {
        MkdirCommand c = new MkdirCommand(root);
        CommandSpec s = CommandSpec.wrapWithoutInspection(c).name("mkdir");
        s.usageMessage().description("Create directories.");
        s.addOption(Bind.of(boolean.class, () -> c.parents, v -> c.parents = v).option("-p", "--parents")
                .description("Create missing parents; no error if it exists as a directory.").build());
        s.addPositional(Bind.ofList(() -> c.urls, v -> c.urls = v).positional().arity("1..*").required(true).paramLabel("URL").build());
        return s;
    }

    @Override
    public Integer call() {
        List<SmbUrl> targets = urls.stream().map(u -> Urls.require(u, "mkdir")).toList();
        try (Session session = new Session(root)) {
            return Each.run(targets, url -> {
                RemoteShare share = session.remote().share(url);
                if (!parents) {
                    share.mkdir(url.path());
                    return;
                }
                List<SmbUrl> missing = new ArrayList<>();
                for (SmbUrl u = url; !u.isRoot(); u = u.parent()) {
                    Optional<FileInfo> there = share.find(u.path());
                    if (there.isPresent()) {
                        if (!there.get().directory()) {
                            throw CliException.failed(u.toString(), "not a directory");
                        }
                        break;
                    }
                    missing.addFirst(u);
                }
                for (SmbUrl u : missing) {
                    share.mkdir(u.path());
                }
            }, root.io().err());
        }
    }
}
