package dev.smbco.bench.peers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A blocking Java library driven the way its users drive it: one call per operation, from one
 * thread or from a fixed pool of {@code threads} platform threads sharing one session. Subclasses
 * give the single operations; this class fans them out and builds the tree copies from them.
 */
abstract class JavaPeer implements Peer {
    private final int threads;
    private final ExecutorService pool;

    JavaPeer(int threads) {
        this.threads = threads;
        this.pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
    }

    int threads() {
        return threads;
    }

    abstract void write(String path, byte[] data) throws Exception;

    abstract long stat(String path) throws Exception;

    abstract void delete(String path) throws Exception;

    /** The entries of {@code dir} other than "." and "..", attributes included; returns their names, directories ending in '/'. */
    abstract List<String> list(String dir) throws Exception;

    abstract void mkdir(String path) throws Exception;

    abstract byte[] read(String path) throws Exception;

    @Override
    public boolean can(Workload w) {
        return w != Workload.LIST || threads == 1;
    }

    @Override
    public void run(Workload w, String dir, int n, byte[] data, Path local) throws Exception {
        switch (w) {
            case CREATE -> each(n, i -> write(dir + "/f" + i, data));
            case STAT -> each(n, i -> {
                if (stat(dir + "/f" + i) != data.length) {
                    throw new IllegalStateException(name() + ": wrong size of " + dir + "/f" + i);
                }
            });
            case READ -> each(n, i -> {
                byte[] got = read(dir + "/f" + i);
                if (!Arrays.equals(got, data)) {
                    throw new IllegalStateException(name() + ": read " + got.length + " bytes of " + dir + "/f" + i
                            + (got.length == data.length ? ", not what was written" : ", not " + data.length));
                }
            });
            case DELETE -> each(n, i -> delete(dir + "/f" + i));
            case LIST -> {
                int got = list(dir).size();
                if (got != n) {
                    throw new IllegalStateException(name() + ": listed " + got + " entries, not " + n);
                }
            }
            case UPLOAD_TREE -> upload(local, dir);
            case DOWNLOAD_TREE -> download(dir, local);
        }
    }

    private void upload(Path local, String dir) throws Exception {
        List<Path> files = new ArrayList<>();
        mkdir(dir);
        try (var s = Files.list(local)) {
            for (Path sub : s.sorted().toList()) {
                mkdir(dir + "/" + sub.getFileName());
                try (var t = Files.list(sub)) {
                    files.addAll(t.sorted().toList());
                }
            }
        }
        each(files.size(), i -> {
            Path f = files.get(i);
            write(dir + "/" + local.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
        });
    }

    private void download(String dir, Path local) throws Exception {
        List<String> files = new ArrayList<>();
        for (String sub : list(dir)) {
            Files.createDirectories(local.resolve(sub));
            for (String name : list(dir + "/" + sub.substring(0, sub.length() - 1))) {
                files.add(sub + name);
            }
        }
        each(files.size(), i -> {
            String rel = files.get(i);
            Files.write(local.resolve(rel), read(dir + "/" + rel));
        });
    }

    interface Op {
        void run(int i) throws Exception;
    }

    /** Runs {@code op(0..n-1)} on this thread, or spread over the pool; the first failure is thrown. */
    void each(int n, Op op) throws Exception {
        if (pool == null) {
            for (int i = 0; i < n; i++) {
                op.run(i);
            }
            return;
        }
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            done.add(pool.submit(() -> {
                for (int i = first; i < n; i += threads) {
                    op.run(i);
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
    }

    @Override
    public void close() throws Exception {
        if (pool != null) {
            pool.shutdownNow();
        }
    }

    static IOException io(String what, Exception e) {
        return new IOException(what + ": " + e, e);
    }
}
