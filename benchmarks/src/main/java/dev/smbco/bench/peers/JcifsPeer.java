package dev.smbco.bench.peers;

import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import jcifs.CIFSContext;
import jcifs.config.PropertyConfiguration;
import jcifs.context.BaseContext;
import jcifs.smb.NtlmPasswordAuthenticator;
import jcifs.smb.SmbFile;

/**
 * jcifs-ng (eu.agno3.jcifs:jcifs-ng) through its public API: one {@link CIFSContext} with the
 * library's defaults except the idle timeout (10 min, so the connection survives between workloads),
 * the lowest dialect, SMB 2.0.2 (its default starts the negotiation in
 * SMB1), and the resolver order cut to DNS (no NetBIOS broadcasts on loopback). The highest
 * dialect stays its default, SMB 2.1 ({@code -Djcifs.maxVersion=SMB311} raises it: against Samba
 * 4.17 its SMB 3.1.1 session setup then timed out here). Every operation makes a fresh {@link SmbFile}
 * (so nothing is answered from jcifs's attribute cache): write = {@code getOutputStream}, stat =
 * {@code length()}, delete = {@code delete()}, list = {@code listFiles()}. The context pools its
 * connection, so all threads share one; it is made before the threads start.
 */
final class JcifsPeer extends JavaPeer {
    private final CIFSContext context;
    private final String base;

    JcifsPeer(Target t, int threads) throws Exception {
        super(threads);
        Properties p = new Properties();
        p.setProperty("jcifs.smb.client.minVersion", "SMB202");
        p.setProperty("jcifs.smb.client.maxVersion", System.getProperty("jcifs.maxVersion", "SMB210"));
        p.setProperty("jcifs.resolveOrder", "DNS");
        // keep the connection between workloads (by default it is dropped after 35 s idle, and
        // the 16 threads then log on again all at once, see below)
        p.setProperty("jcifs.smb.client.soTimeout", "600000");
        context = new BaseContext(new PropertyConfiguration(p))
                .withCredentials(new NtlmPasswordAuthenticator(t.domain(), t.user(), t.password()));
        base = "smb://" + t.host() + ":" + t.port() + "/" + t.share() + "/";
        // connect and log on from one thread first: when 16 threads make the context's first
        // connection at once, jcifs-ng 2.1.10 sends a request with no credits granted yet and
        // smbd drops it ("client used more credits than granted"), which then hangs them all
        try (SmbFile share = new SmbFile(base, context)) {
            share.exists();
        }
    }

    @Override
    public String name() {
        return "jcifs-ng " + (threads() == 1 ? "1 thread" : threads() + " threads");
    }

    private SmbFile file(String path) throws Exception {
        return new SmbFile(base + path, context);
    }

    @Override
    void write(String path, byte[] data) throws Exception {
        try (SmbFile f = file(path); OutputStream out = f.getOutputStream()) {
            out.write(data);
        }
    }

    @Override
    long stat(String path) throws Exception {
        try (SmbFile f = file(path)) {
            return f.length();
        }
    }

    @Override
    void delete(String path) throws Exception {
        try (SmbFile f = file(path)) {
            f.delete();
        }
    }

    @Override
    List<String> list(String dir) throws Exception {
        List<String> names = new ArrayList<>();
        try (SmbFile d = file(dir + "/")) {
            for (SmbFile e : d.listFiles()) {
                names.add(e.getName()); // directories end in '/'
                e.close();
            }
        }
        return names;
    }

    @Override
    void mkdir(String path) throws Exception {
        try (SmbFile f = file(path + "/")) {
            f.mkdir();
        }
    }

    @Override
    byte[] read(String path) throws Exception {
        try (SmbFile f = file(path); InputStream in = f.getInputStream()) {
            return in.readAllBytes();
        }
    }

    @Override
    public void close() throws Exception {
        super.close();
        context.close();
    }
}
