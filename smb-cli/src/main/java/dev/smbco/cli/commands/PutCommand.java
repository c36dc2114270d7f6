package dev.smbco.cli.commands;

import dev.smbco.cli.Bind;
import dev.smbco.cli.CliException;
import dev.smbco.cli.Session;
import dev.smbco.cli.SmbUrl;
import dev.smbco.cli.SmbcoCommand;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;

/** {@code put LOCAL|- URL}: upload one file; a URL ending in / means "into". */
public final class PutCommand implements Callable<Integer> {
    private final SmbcoCommand root;
    final ResumeOptions resume = new ResumeOptions();
    boolean verify;
    String local;
    String url;

    private PutCommand(SmbcoCommand root) {
        this.root = root;
    }

    /** The model of {@code put} (built in code: {@link Bind}), bound to a new command under {@code root}. */
    public static CommandSpec model(SmbcoCommand root) {
        PutCommand c = new PutCommand(root);
        CommandSpec s = CommandSpec.wrapWithoutInspection(c).name("put");
        s.usageMessage().description("Upload a file (- reads stdin); a URL ending in / means into that directory.");
        c.resume.addTo(s);
        s.addOption(Bind.of(boolean.class, () -> c.verify, v -> c.verify = v).option("--verify")
                .description("Read each copy back and compare its SHA-256 with the source's before giving it its name (exit 1 on a mismatch).").build());
        s.addPositional(Bind.of(String.class, () -> c.local, v -> c.local = v).positional().index("0").arity("1").required(true)
                .paramLabel("LOCAL|-").build());
        s.addPositional(Bind.of(String.class, () -> c.url, v -> c.url = v).positional().index("1").arity("1").required(true)
                .paramLabel("URL").build());
        return s;
    }

    @Override
    public Integer call() {
        if (SmbUrl.isUrl(local)) {
            throw CliException.usage("put reads a local file or -; use cp to copy between shares");
        }
        Urls.require(url, "put");
        try (Session session = new Session(root)) {
            return Transfer.run(session, List.of(local), url, false, verify, resume);
        }
    }
}
