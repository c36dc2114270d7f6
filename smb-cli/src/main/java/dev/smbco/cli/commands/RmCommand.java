package dev.smbco.cli.commands;

import dev.smbco.cli.CliException;
import dev.smbco.cli.Session;
import dev.smbco.cli.SmbUrl;
import dev.smbco.cli.SmbcoCommand;
import dev.smbco.cli.remote.FileInfo;
import dev.smbco.cli.remote.RemoteShare;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code rm [-r] [-f] URL...}: delete files; -r whole trees; -f ignore missing. */
@Command(name = "rm", description = "Delete files (-r: directories with everything below them).")
public final class RmCommand implements Callable<Integer> {
    @ParentCommand
    SmbcoCommand root;

    @Option(names = {"-r", "-R", "--recursive"}, description = "Delete directories and their contents.")
    boolean recursive;

    @Option(names = {"-f", "--force"}, description = "Ignore files that do not exist.")
    boolean force;

    @Parameters(arity = "1..*", paramLabel = "URL")
    List<String> urls;

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
