package dev.smbco.cli.commands;

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
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code mkdir [-p] URL...}: create directories. */
@Command(name = "mkdir", description = "Create directories.")
public final class MkdirCommand implements Callable<Integer> {
    @ParentCommand
    SmbcoCommand root;

    @Option(names = {"-p", "--parents"}, description = "Create missing parents; no error if it exists as a directory.")
    boolean parents;

    @Parameters(arity = "1..*", paramLabel = "URL")
    List<String> urls;

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
