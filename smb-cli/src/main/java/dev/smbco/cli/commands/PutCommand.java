package dev.smbco.cli.commands;

import dev.smbco.cli.CliException;
import dev.smbco.cli.Session;
import dev.smbco.cli.SmbUrl;
import dev.smbco.cli.SmbcoCommand;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code put LOCAL|- URL}: upload one file; a URL ending in / means "into". */
@Command(name = "put", description = "Upload a file (- reads stdin); a URL ending in / means into that directory.")
public final class PutCommand implements Callable<Integer> {
    @ParentCommand
    SmbcoCommand root;

    @picocli.CommandLine.Mixin
    ResumeOptions resume;

    @Option(names = "--verify", description = "Read each copy back and compare its SHA-256 with the source's before giving it its name (exit 1 on a mismatch).")
    boolean verify;

    @Parameters(index = "0", paramLabel = "LOCAL|-")
    String local;

    @Parameters(index = "1", paramLabel = "URL")
    String url;

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
