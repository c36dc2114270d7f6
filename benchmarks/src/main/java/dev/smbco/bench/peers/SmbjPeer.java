package dev.smbco.bench.peers;

import com.hierynomus.msdtyp.AccessMask;
import com.hierynomus.msfscc.FileAttributes;
import com.hierynomus.msfscc.fileinformation.FileIdBothDirectoryInformation;
import com.hierynomus.mssmb2.SMB2CreateDisposition;
import com.hierynomus.mssmb2.SMB2ShareAccess;
import com.hierynomus.smbj.SMBClient;
import com.hierynomus.smbj.auth.AuthenticationContext;
import com.hierynomus.smbj.connection.Connection;
import com.hierynomus.smbj.session.Session;
import com.hierynomus.smbj.share.DiskShare;
import com.hierynomus.smbj.share.File;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

/**
 * smbj (com.hierynomus:smbj) through its public API with its default configuration
 * ({@code new SMBClient()}): one connection, one session, one {@link DiskShare}, shared by the pool.
 * A write is {@code openFile(OVERWRITE_IF) + File.write + close}; stat is
 * {@code getFileInformation} (FileAllInformation); delete is {@code rm}; list is {@code list}.
 */
final class SmbjPeer extends JavaPeer {
    private final SMBClient client = new SMBClient();
    private final Connection connection;
    private final DiskShare share;
    private final String dialect;

    SmbjPeer(Target t, int threads) throws Exception {
        super(threads);
        connection = client.connect(t.host(), t.port());
        Session session = connection.authenticate(new AuthenticationContext(t.user(), t.password().toCharArray(), t.domain()));
        share = (DiskShare) session.connectShare(t.share());
        dialect = String.valueOf(connection.getConnectionContext().getNegotiatedProtocol().getDialect());
    }

    @Override
    public String name() {
        return "smbj " + (threads() == 1 ? "1 thread" : threads() + " threads");
    }

    String dialect() {
        return dialect;
    }

    private static String smb(String path) {
        return path.replace('/', '\\');
    }

    @Override
    void write(String path, byte[] data) {
        try (File f = share.openFile(smb(path), EnumSet.of(AccessMask.GENERIC_WRITE), EnumSet.of(FileAttributes.FILE_ATTRIBUTE_NORMAL),
                SMB2ShareAccess.ALL, SMB2CreateDisposition.FILE_OVERWRITE_IF, null)) {
            f.write(data, 0);
        }
    }

    @Override
    long stat(String path) {
        return share.getFileInformation(smb(path)).getStandardInformation().getEndOfFile();
    }

    @Override
    void delete(String path) {
        share.rm(smb(path));
    }

    @Override
    List<String> list(String dir) {
        List<String> names = new ArrayList<>();
        for (FileIdBothDirectoryInformation e : share.list(smb(dir))) {
            String n = e.getFileName();
            if (n.equals(".") || n.equals("..")) {
                continue;
            }
            boolean isDir = (e.getFileAttributes() & FileAttributes.FILE_ATTRIBUTE_DIRECTORY.getValue()) != 0;
            names.add(isDir ? n + "/" : n);
        }
        return names;
    }

    @Override
    void mkdir(String path) {
        share.mkdir(smb(path));
    }

    @Override
    byte[] read(String path) throws java.io.IOException {
        try (File f = share.openFile(smb(path), EnumSet.of(AccessMask.GENERIC_READ), null, SMB2ShareAccess.ALL,
                SMB2CreateDisposition.FILE_OPEN, null)) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            f.read(out); // smbj's way to download a whole file
            return out.toByteArray();
        }
    }

    @Override
    public void close() throws Exception {
        super.close();
        share.close();
        connection.close();
        client.close();
    }
}
