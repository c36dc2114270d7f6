package dev.smbco.cli.commands;

import dev.smbco.cli.Bind;
import dev.smbco.cli.Session;
import dev.smbco.cli.SmbUrl;
import dev.smbco.cli.SmbcoCommand;
import dev.smbco.cli.remote.FileInfo;
import dev.smbco.cli.remote.RemoteShare;
import java.io.PrintStream;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code stat [--json] URL}: size, times, attributes, type. */
public final class StatCommand implements Callable<Integer> {
    private final SmbcoCommand root;
    boolean json;
    String url;

    private StatCommand(SmbcoCommand root) {
        this.root = root;
    }

    /** The model of {@code stat} (built in code: {@link Bind}), bound to a new command under {@code root}. */
    public static CommandSpec model(SmbcoCommand root) {
        StatCommand c = new StatCommand(root);
        CommandSpec s = CommandSpec.wrapWithoutInspection(c).name("stat");
        s.usageMessage().description("Show size, times, attributes and type of a file or directory.");
        s.addOption(Bind.of(boolean.class, () -> c.json, v -> c.json = v).option("--json").description("One JSON object.").build());
        s.addPositional(Bind.of(String.class, () -> c.url, v -> c.url = v).positional().arity("1").required(true).paramLabel("URL").build());
        return s;
    }

    @Override
    public Integer call() {
        SmbUrl target = Urls.require(url, "stat");
        try (Session session = new Session(root)) {
            RemoteShare share = session.remote().share(target);
            FileInfo f = share.stat(target.path()).at(target.isRoot() ? "" : target.name(), target.path());
            PrintStream out = root.io().out();
            if (json) {
                out.println(Json.write(Json.of(f, share.url())));
                return 0;
            }
            out.println("      URL: " + target);
            out.println("     Type: " + f.type());
            out.println("     Size: " + f.size());
            out.println("  Created: " + time(f.created()));
            out.println(" Modified: " + time(f.modified()));
            out.println(" Accessed: " + time(f.accessed()));
            out.println("  Changed: " + time(f.changed()));
            out.println("Attributes: " + String.join(", ", f.attributeNames()) + String.format(" (0x%08X)", f.attributes()));
        }
        return 0;
    }

    private static String time(Instant t) {
        return t == null ? "-" : t.toString();
    }
}
