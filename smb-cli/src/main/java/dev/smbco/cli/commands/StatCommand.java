package dev.smbco.cli.commands;

import dev.smbco.cli.Session;
import dev.smbco.cli.SmbUrl;
import dev.smbco.cli.SmbcoCommand;
import dev.smbco.cli.remote.FileInfo;
import dev.smbco.cli.remote.RemoteShare;
import java.io.PrintStream;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code stat [--json] URL}: size, times, attributes, type. */
@Command(name = "stat", description = "Show size, times, attributes and type of a file or directory.")
public final class StatCommand implements Callable<Integer> {
    @ParentCommand
    SmbcoCommand root;

    @Option(names = "--json", description = "One JSON object.")
    boolean json;

    @Parameters(paramLabel = "URL")
    String url;

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
