package dev.smbco.cli.commands;

import dev.smbco.cli.Bind;
import dev.smbco.cli.Session;
import dev.smbco.cli.SmbUrl;
import dev.smbco.cli.SmbcoCommand;
import dev.smbco.cli.remote.FileInfo;
import dev.smbco.cli.remote.RemoteShare;
import dev.smbco.cli.transfer.ProgressFormat;
import dev.smbco.client.rpc.ShareInfo;
import java.io.PrintStream;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code ls [-l] [-R] [--json] URL}: list a directory, or show one file; {@code ls smb://HOST/} lists the server's shares. */
public final class LsCommand implements Callable<Integer> {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    private final SmbcoCommand root;
    boolean longFormat;
    boolean recursive;
    boolean json;
    String url;

    private LsCommand(SmbcoCommand root) {
        this.root = root;
    }

    /** The model of {@code ls} (built in code: {@link Bind}), bound to a new command under {@code root}. */
    public static CommandSpec model(SmbcoCommand root) {
        LsCommand c = new LsCommand(root);
        CommandSpec s = CommandSpec.wrapWithoutInspection(c).name("ls");
        s.usageMessage().sortOptions(false).description("List a directory (or show one file); smb://HOST/ lists the server's shares.");
        s.addOption(Bind.of(boolean.class, () -> c.longFormat, v -> c.longFormat = v).option("-l")
                .description("Long format: type, size, modification time, name.").build());
        s.addOption(Bind.of(boolean.class, () -> c.recursive, v -> c.recursive = v).option("-R")
                .description("Recurse into subdirectories (paths relative to URL).").build());
        s.addOption(Bind.of(boolean.class, () -> c.json, v -> c.json = v).option("--json")
                .description("JSON array of entries (name, path, url, type, size, times, attributes).").build());
        s.addPositional(Bind.of(String.class, () -> c.url, v -> c.url = v).positional().arity("1").required(true).paramLabel("URL")
                .description("smb://HOST/SHARE[/PATH], or smb://HOST/ for the shares").build());
        return s;
    }

    @Override
    public Integer call() {
        SmbUrl target = Urls.requireServerOrShare(url, "ls");
        if (target.isServer()) {
            return listShares(target);
        }
        try (Session session = new Session(root)) {
            RemoteShare share = session.remote().share(target);
            FileInfo self = share.stat(target.path());
            List<FileInfo> entries = new ArrayList<>();
            if (!self.directory()) {
                entries.add(self.at(target.name(), target.path()));
            } else {
                collect(share, target.path(), entries);
            }
            print(entries, target, share.url(), self.directory());
        }
        return 0;
    }

    /** The server's shares, as smbclient -L lists them. */
    private int listShares(SmbUrl server) {
        try (Session session = new Session(root)) {
            List<ShareInfo> shares = session.remote().shares(server);
            if (json) {
                root.io().out().println(Shares.json(shares, server));
            } else {
                Shares.table(root.io().out(), shares);
            }
        }
        return 0;
    }

    private void collect(RemoteShare share, String dir, List<FileInfo> into) {
        List<FileInfo> children = new ArrayList<>(share.list(dir));
        children.sort(Comparator.comparing(FileInfo::name));
        for (FileInfo child : children) {
            into.add(child);
            if (recursive && child.directory()) {
                collect(share, child.path(), into);
            }
        }
    }

    private void print(List<FileInfo> entries, SmbUrl target, SmbUrl shareRoot, boolean directory) {
        PrintStream out = root.io().out();
        if (json) {
            List<Map<String, Object>> list = new ArrayList<>();
            for (FileInfo e : entries) {
                list.add(Json.of(e, shareRoot));
            }
            out.println(Json.write(list));
            return;
        }
        String base = target.path();
        for (FileInfo e : entries) {
            String shown = directory ? relative(base, e.path()) : e.name();
            if (e.directory()) {
                shown += "/";
            }
            if (longFormat) {
                out.printf("%s %12d %s  %s%n", e.directory() ? "d" : "-", e.size(),
                        e.modified() == null ? "                " : TIME.format(e.modified()), shown);
            } else {
                out.println(shown);
            }
        }
        if (longFormat && entries.size() > 1) {
            long total = entries.stream().mapToLong(FileInfo::size).sum();
            out.println("total " + entries.size() + " entries, " + ProgressFormat.bytes(total));
        }
    }

    private static String relative(String base, String path) {
        if (base.isEmpty()) {
            return path;
        }
        return path.startsWith(base + "/") ? path.substring(base.length() + 1) : path;
    }
}
