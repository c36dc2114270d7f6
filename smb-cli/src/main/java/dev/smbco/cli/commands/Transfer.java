package dev.smbco.cli.commands;

import dev.smbco.cli.CliException;
import dev.smbco.cli.Session;
import dev.smbco.cli.transfer.Copier;
import dev.smbco.cli.transfer.Endpoint;
import dev.smbco.cli.transfer.ProgressMeter;
import dev.smbco.cli.transfer.StdoutSink;
import java.util.List;

/** What {@code cp}, {@code get} and {@code put} share: one copy engine, one meter, one summary line. */
final class Transfer {
    private Transfer() {
    }

    static int run(Session session, List<String> sources, String destination, boolean recursive) {
        return run(session, sources, destination, recursive, false, null);
    }

    /**
     * @param verify read every copy back and compare its SHA-256 with the source's ({@code --verify})
     * @param resume {@code --resume} and {@code --retries}, or null for neither
     */
    static int run(Session session, List<String> sources, String destination, boolean recursive, boolean verify, ResumeOptions resume) {
        Endpoint dst = Endpoint.parse(destination);
        List<Endpoint> srcs = sources.stream().map(Endpoint::parse).toList();
        if (srcs.size() > 1 && !(dst instanceof Endpoint.Stdio)) {
            dst = into(dst);
        }
        boolean toStdout = dst instanceof Endpoint.Stdio;
        ProgressMeter meter = session.meter(-1);
        Copier copier = new Copier(session.remote(), session.partials(), meter, session.options().parallel(), session.options().smallFilesParallel(),
                session.io().in(), new StdoutSink(session.io().out()), session.io().err()).verifying(verify)
                .resuming(resume != null && resume.resume, resume == null ? 0 : resume.retries()).deadline(session.options().deadline());
        try {
            for (Endpoint src : srcs) {
                copier.copy(src, dst, recursive);
            }
        } catch (RuntimeException e) {
            meter.stop();
            throw e;
        }
        if (toStdout) {
            meter.stop();
        } else {
            meter.finish("copied");
        }
        return 0;
    }

    /** With several sources the destination is a directory, as if written with a trailing slash. */
    private static Endpoint into(Endpoint dst) {
        return switch (dst) {
            case Endpoint.Smb s -> new Endpoint.Smb(new dev.smbco.cli.SmbUrl(s.url().domain(), s.url().user(), s.url().password(),
                    s.url().host(), s.url().port(), s.url().share(), s.url().segments(), !s.url().isRoot()));
            case Endpoint.Local l -> new Endpoint.Local(l.path(), true);
            case Endpoint.Stdio s -> throw CliException.usage("several sources cannot go to standard output");
        };
    }
}
