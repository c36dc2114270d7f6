package dev.smbco.cli.commands;

import dev.smbco.cli.CliException;
import dev.smbco.cli.Session;
import dev.smbco.cli.SmbUrl;
import dev.smbco.cli.SmbcoCommand;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code rmdir URL...}: remove empty directories. */
@Command(name = "rmdir", description = "Remove empty directories.")
public final class RmdirCommand implements Callable<Integer> {
    @ParentCommand
    SmbcoCommand root;

    @Parameters(arity = "1..*", paramLabel = "URL")
    List<String> urls;

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
