package dev.smbco.cli.commands;

import dev.smbco.cli.Bind;
import dev.smbco.cli.CliException;
import dev.smbco.cli.Session;
import dev.smbco.cli.SmbUrl;
import dev.smbco.cli.SmbcoCommand;
import dev.smbco.cli.remote.FileInfo;
import dev.smbco.cli.remote.RemoteShare;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code mv SRC DST}: rename or move within one share (a server-side rename, nothing is copied). */
public final class MvCommand implements Callable<Integer> {
    private final SmbcoCommand root;
    String src;
    String dst;

    private MvCommand(SmbcoCommand root) {
        this.root = root;
    }

    /** The model of {@code mv} (built in code: {@link Bind}), bound to a new command under {@code root}. */
    public static CommandSpec model(SmbcoCommand root) {
        MvCommand c = new MvCommand(root);
        CommandSpec s = CommandSpec.wrapWithoutInspection(c).name("mv");
        s.usageMessage().description("Rename or move a file or directory within one share.",
                "A DST that is an existing directory, or ends with /, receives SRC under its own name; an existing file DST is replaced.");
        s.addPositional(Bind.of(String.class, () -> c.src, v -> c.src = v).positional().index("0").arity("1").required(true)
                .paramLabel("SRC").build());
        s.addPositional(Bind.of(String.class, () -> c.dst, v -> c.dst = v).positional().index("1").arity("1").required(true)
                .paramLabel("DST").build());
        return s;
    }

    @Override
    public Integer call() {
        SmbUrl from = Urls.require(src, "mv");
        SmbUrl to = Urls.require(dst, "mv");
        if (!from.sameShare(to, root.port())) {
            throw CliException.usage("mv works within one share; use cp and rm to move between shares or servers");
        }
        if (from.isRoot()) {
            throw CliException.usage("cannot move a share's root");
        }
        try (Session session = new Session(root)) {
            RemoteShare share = session.remote().share(from);
            FileInfo source = share.stat(from.path());
            SmbUrl target = to;
            Optional<FileInfo> there = share.find(to.path());
            if (to.isRoot() || to.into() || there.map(FileInfo::directory).orElse(false)) {
                target = to.child(from.name());
                there = share.find(target.path());
            }
            if (target.path().equals(from.path())) {
                return 0;
            }
            if (target.path().startsWith(from.path() + "/")) {
                throw CliException.failed(from.toString(), "cannot move a directory into itself");
            }
            if (there.isPresent() && there.get().directory()) {
                throw CliException.failed(target.toString(), source.directory() ? "already exists" : "cannot overwrite a directory with a file");
            }
            if (there.isPresent() && source.directory()) {
                throw CliException.failed(target.toString(), "cannot overwrite a file with a directory");
            }
            share.rename(from.path(), target.path(), true);
        }
        return 0;
    }
}
