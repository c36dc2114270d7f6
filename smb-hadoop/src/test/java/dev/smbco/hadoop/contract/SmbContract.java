package dev.smbco.hadoop.contract;

import dev.smbco.testserver.SambaServer;
import java.io.IOException;
import java.net.URI;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.contract.AbstractFSContract;

/**
 * Hadoop's file-system contract for smb:// against the project's Samba test server: the options
 * SMB meets are in {@code contract/smb.xml}. The server is the shared one {@code SambaExtension}
 * hands each test class ({@link #use(SambaServer)} in a {@code @BeforeAll}); the tests run in
 * {@code /share/hadoop-contract}.
 */
public final class SmbContract extends AbstractFSContract {
    private static volatile SambaServer server;

    public SmbContract(Configuration conf) {
        super(conf);
        addConfResource("contract/smb.xml");
    }

    /** The server the following contracts talk to. */
    public static void use(SambaServer samba) {
        server = samba;
    }

    /** The smb:// URI of the test server's root. */
    public static URI uri(SambaServer samba) {
        return URI.create("smb://" + samba.host() + ":" + samba.port() + "/");
    }

    /** A configuration that logs on to the test server as its test user. */
    public static Configuration configure(Configuration conf, SambaServer samba) {
        conf.set("fs.smb.user", samba.user());
        conf.set("fs.smb.password", samba.password());
        conf.set("fs.smb.domain", samba.domain());
        return conf;
    }

    @Override
    public FileSystem getTestFileSystem() throws IOException {
        SambaServer s = server;
        if (s == null) {
            throw new IllegalStateException("no Samba server: call SmbContract.use(server) in a @BeforeAll");
        }
        return FileSystem.get(uri(s), configure(getConf(), s));
    }

    @Override
    public String getScheme() {
        return "smb";
    }

    @Override
    public Path getTestPath() {
        return new Path("/" + SambaServer.SHARE + "/hadoop-contract");
    }
}
