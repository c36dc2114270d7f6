package dev.smbco.bench.peers;

import dev.smbco.client.Credentials;
import dev.smbco.client.DirEntry;
import dev.smbco.client.FileContent;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbConnection;
import dev.smbco.client.SmbTree;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Request;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;

/**
 * smbco with its defaults ({@code SmbConfig.defaults()}: compounding on), one connection. With
 * one caller it is driven like the blocking peers, from the harness's thread; with more, by that
 * many coroutines ({@link Coroutine#start} on the connection's loop) on the same connection, each
 * taking every k-th file. write = {@code SmbTree.writeFile} (CREATE+WRITE+CLOSE, one compound),
 * stat = {@code stat}, delete = {@code delete}, list = {@code list}, read = {@code readFile} with a
 * {@code maxLength} of 1 MiB by default (a caller that does not know the size; CREATE+READ+CLOSE, one
 * compound) or another ({@code --read-max}, e.g. the known 4 KiB).
 */
final class SmbcoPeer extends JavaPeer {
    private final int coroutines;
    private final int readMax;
    private final SmbClient client;
    private final SmbConnection connection;
    private final SmbTree tree;

    SmbcoPeer(Target t, int coroutines, int readMax) {
        super(1);
        this.coroutines = coroutines;
        this.readMax = readMax;
        client = SmbClient.create(SmbConfig.defaults());
        connection = client.connect(t.host(), t.port());
        tree = connection.sessionSetup(Credentials.ntlm(t.user(), t.password().toCharArray(), t.domain())).treeConnect(t.share());
    }

    @Override
    public String name() {
        return "smbco " + (coroutines == 1 ? "1 thread" : coroutines + " coroutines");
    }

    String dialect() {
        return String.valueOf(connection.negotiated().dialect());
    }

    @Override
    public boolean can(Workload w) {
        return w != Workload.LIST || coroutines == 1;
    }

    @Override
    void each(int n, Op op) throws Exception {
        if (coroutines == 1) {
            super.each(n, op);
            return;
        }
        List<Request<Void>> all = new ArrayList<>();
        for (int k = 0; k < coroutines; k++) {
            int first = k;
            all.add(Coroutine.start(tree.loop(), co -> {
                for (int i = first; i < n; i += coroutines) {
                    op.run(i);
                }
                return null;
            }));
        }
        for (Request<Void> r : all) {
            r.await();
        }
    }

    @Override
    void write(String path, byte[] data) {
        tree.writeFile(path, OpenOptions.write(), Unpooled.wrappedBuffer(data));
    }

    @Override
    long stat(String path) {
        return tree.stat(path).size();
    }

    @Override
    void delete(String path) {
        tree.delete(path);
    }

    @Override
    List<String> list(String dir) {
        List<String> names = new ArrayList<>();
        for (DirEntry e : tree.list(dir)) {
            names.add(e.isDirectory() ? e.name() + "/" : e.name());
        }
        return names;
    }

    @Override
    void mkdir(String path) {
        tree.mkdir(path);
    }

    @Override
    byte[] read(String path) {
        FileContent c = tree.readFile(path, readMax);
        try {
            if (!c.isWhole()) {
                throw new IllegalStateException(path + " is larger than " + readMax + " bytes");
            }
            return ByteBufUtil.getBytes(c.data());
        } finally {
            c.release();
        }
    }

    @Override
    public void close() throws Exception {
        super.close();
        connection.close();
        client.close();
    }
}
