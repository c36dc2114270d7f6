package dev.smbco.cli.commands;

import dev.smbco.cli.Bind;
import dev.smbco.cli.Session;
import dev.smbco.cli.SmbcoCommand;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code get URL [LOCAL|-]}: download one file (into the current directory by default). */
public final class GetCommand implements Callable<Integer> {
    private final SmbcoCommand root;
    final ResumeOptions resume = new ResumeOptions();
    String url;
    String local;

    private GetCommand(SmbcoCommand root) {
        this.root = root;
    }

    /** The model of {@code get} (built in code: {@link Bind}), bound to a new command under {@code root}. */
    public static CommandSpec model(SmbcoCommand root) {
        GetCommand c = new GetCommand(root);
        CommandSpec s = CommandSpec.wrapWithoutInspection(c).name("get");
        s.usageMessage().description("Download a file (LOCAL defaults to the current directory; - writes to stdout).");
        c.resume.addTo(s);
        s.addPositional(Bind.of(String.class, () -> c.url, v -> c.url = v).positional().index("0").arity("1").required(true)
                .paramLabel("URL").build());
        s.addPositional(Bind.of(String.class, () -> c.local, v -> c.local = v).positional().index("1").arity("0..1").required(false)
                .paramLabel("LOCAL|-").build());
        return s;
    }

    @Override
    public Integer call() {
        Urls.require(url, "get");
        String dst = local == null ? "./" : local;
        if (dst.startsWith("smb://")) {
            throw dev.smbco.cli.CliException.usage("get writes to a local path or -; use cp to copy between shares");
        }
        try (Session session = new Session(root)) {
            return Transfer.run(session, List.of(url), dst, false, false, resume);
        }
    }
}
