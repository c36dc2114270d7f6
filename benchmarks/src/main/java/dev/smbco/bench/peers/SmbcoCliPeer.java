package dev.smbco.bench.peers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The smbco command line ({@code ./smbco}, a fresh JVM per command as a user or script runs it):
 * {@code smbco cp -r LOCAL smb://.../DIR} up and {@code smbco cp -r smb://.../DIR LOCAL} down.
 * Only the tree copies; wall time of the whole command, JVM start included.
 */
final class SmbcoCliPeer implements Peer {
    private final Target t;
    private final String launcher;
    private final Path scratch;
    private final String name;

    /** @param label "" for the command line under test, else a word naming another build (e.g. "before") */
    SmbcoCliPeer(Target t, String launcher, Path scratch, String label) throws Exception {
        this.t = t;
        this.launcher = launcher;
        this.name = label.isEmpty() ? "smbco CLI (cp -r)" : "smbco CLI " + label;
        this.scratch = Files.createDirectories(scratch.resolve("smbco-cli" + label));
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean can(Workload w) {
        return w == Workload.UPLOAD_TREE || w == Workload.DOWNLOAD_TREE;
    }

    @Override
    public void run(Workload w, String dir, int n, byte[] data, Path local) throws Exception {
        String url = "smb://" + t.host() + ":" + t.port() + "/" + t.share() + "/" + dir;
        List<String> cmd = w == Workload.UPLOAD_TREE ? List.of(launcher, "-q", "cp", "-r", local.toString(), url)
                : List.of(launcher, "-q", "cp", "-r", url, local.toString());
        Commands.run(cmd, Map.of("SMBCO_USER", t.user(), "SMBCO_PASSWORD", t.password(), "SMBCO_DOMAIN", t.domain()), null, scratch);
    }

    @Override
    public void close() {
    }
}
