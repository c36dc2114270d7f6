package dev.smbco.cli.remote;

import dev.smbco.cli.CliException;
import dev.smbco.cli.ExitStatus;
import dev.smbco.cli.SmbUrl;
import dev.smbco.coro.Loop;
import dev.smbco.coro.SingleThreadLoop;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * A unit-test double of {@link Remote}: each share is a directory under {@code root}, and failures
 * are worded the way the client adapter words server statuses. It tests the CLI's own rules (where a
 * copy lands, what is refused, what is cleaned up); the real protocol is tested against Samba in
 * integration-tests.
 */
public final class LocalDirRemote implements Remote {
    private final Path root;
    private final SingleThreadLoop loop = new SingleThreadLoop("test-loop");
    /** After this many bytes of one transfer the "connection" is lost (exit 3); -1: never. */
    public final AtomicLong failAfterBytes = new AtomicLong(-1);
    /** Whether {@link #failAfterBytes} fires once only (a retry then gets through). */
    public final java.util.concurrent.atomic.AtomicBoolean failOnce = new java.util.concurrent.atomic.AtomicBoolean();
    /** The offsets resumed uploads ({@code --resume}, {@code --retries}) started at. */
    public final java.util.List<Long> uploadedFrom = new java.util.concurrent.CopyOnWriteArrayList<>();
    public final AtomicInteger serverCopies = new AtomicInteger();
    public final AtomicInteger closes = new AtomicInteger();

    public LocalDirRemote(Path root) {
        this.root = root;
    }

    @Override
    public RemoteShare share(SmbUrl url) {
        Path dir = root.resolve(url.share());
        if (!Files.isDirectory(dir)) {
            throw CliException.status(url.withPath("").toString(), "STATUS_BAD_NETWORK_NAME", null);
        }
        return new Share(url.withPath(""), dir);
    }

    @Override
    public boolean sameConnection(SmbUrl a, SmbUrl b) {
        return a.sameServer(b, -1);
    }

    @Override
    public Loop loop() {
        return loop;
    }

    @Override
    public void close() {
        closes.incrementAndGet();
        loop.close();
    }

    private final class Share implements RemoteShare {
        private final SmbUrl url;
        private final Path dir;

        Share(SmbUrl url, Path dir) {
            this.url = url;
            this.dir = dir;
        }

        private Path at(String path) {
            return path.isEmpty() ? dir : dir.resolve(path);
        }

        private CliException fail(String path, IOException e) {
            String status = switch (e) {
                case NoSuchFileException n -> Files.isDirectory(at(path).getParent()) ? "STATUS_OBJECT_NAME_NOT_FOUND" : "STATUS_OBJECT_PATH_NOT_FOUND";
                case FileAlreadyExistsException x -> "STATUS_OBJECT_NAME_COLLISION";
                case DirectoryNotEmptyException d -> "STATUS_DIRECTORY_NOT_EMPTY";
                case NotDirectoryException d -> "STATUS_NOT_A_DIRECTORY";
                default -> "STATUS_UNSUCCESSFUL";
            };
            return CliException.status(url.withPath(path).toString(), status, e);
        }

        @Override
        public SmbUrl url() {
            return url;
        }

        @Override
        public FileInfo stat(String path) {
            try {
                BasicFileAttributes a = Files.readAttributes(at(path), BasicFileAttributes.class);
                String name = path.isEmpty() ? "" : at(path).getFileName().toString();
                return new FileInfo(name, path, a.isDirectory(), a.isDirectory() ? 0 : a.size(), a.creationTime().toInstant(),
                        a.lastModifiedTime().toInstant(), a.lastAccessTime().toInstant(), a.lastModifiedTime().toInstant(),
                        a.isDirectory() ? 0x10 : 0x20);
            } catch (IOException e) {
                throw fail(path, e);
            }
        }

        @Override
        public Optional<FileInfo> find(String path) {
            return Files.exists(at(path)) ? Optional.of(stat(path)) : Optional.empty();
        }

        @Override
        public List<FileInfo> list(String path) {
            List<FileInfo> out = new ArrayList<>();
            try (var s = Files.list(at(path))) {
                for (Path p : s.sorted(Comparator.naturalOrder()).toList()) {
                    String name = p.getFileName().toString();
                    out.add(stat(path.isEmpty() ? name : path + "/" + name));
                }
            } catch (IOException e) {
                throw fail(path, e);
            }
            return out;
        }

        @Override
        public void mkdir(String path) {
            try {
                Files.createDirectory(at(path));
            } catch (IOException e) {
                throw fail(path, e);
            }
        }

        @Override
        public void rmdir(String path) {
            if (!Files.isDirectory(at(path)) && Files.exists(at(path))) {
                throw CliException.status(url.withPath(path).toString(), "STATUS_NOT_A_DIRECTORY", null);
            }
            delete(path);
        }

        @Override
        public void delete(String path) {
            try {
                Files.delete(at(path));
            } catch (IOException e) {
                throw fail(path, e);
            }
        }

        @Override
        public void deleteTree(String path) {
            try (var s = Files.walk(at(path))) {
                for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            } catch (IOException e) {
                throw fail(path, e);
            }
        }

        @Override
        public void rename(String from, String to, boolean replace) {
            try {
                if (replace) {
                    Files.move(at(from), at(to), StandardCopyOption.REPLACE_EXISTING);
                } else {
                    Files.move(at(from), at(to));
                }
            } catch (IOException e) {
                throw fail(to, e);
            }
        }

        @Override
        public FileInfo download(String path, Path target, LongConsumer progress) {
            FileInfo info = stat(path);
            try (OutputStream out = Files.newOutputStream(target)) {
                download(path, out, progress);
                return info;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public long download(String path, OutputStream target, LongConsumer progress) {
            try (InputStream in = Files.newInputStream(at(path))) {
                return pump(in, target, progress);
            } catch (NoSuchFileException e) {
                throw fail(path, e);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public long upload(Path source, String path, String renameTo, LongConsumer progress) {
            try (InputStream in = Files.newInputStream(source)) {
                return upload(in, path, renameTo, progress);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public long upload(InputStream source, String path, String renameTo, LongConsumer progress) {
            long n;
            try (OutputStream out = Files.newOutputStream(at(path))) {
                n = pump(source, out, progress);
            } catch (NoSuchFileException e) {
                throw fail(path, e);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            if (renameTo != null) {
                rename(path, renameTo, true);
            }
            return n;
        }

        @Override
        public long serverCopy(String from, RemoteShare target, String to, String renameTo, LongConsumer progress) {
            serverCopies.incrementAndGet();
            try (InputStream in = Files.newInputStream(at(from))) {
                return target.upload(in, to, renameTo, progress);
            } catch (IOException e) {
                throw fail(from, e);
            }
        }

        @Override
        public FileInfo download(String path, Path target, long from, LongConsumer progress) {
            FileInfo info = stat(path);
            try (var ch = java.nio.channels.FileChannel.open(target, java.nio.file.StandardOpenOption.WRITE,
                    java.nio.file.StandardOpenOption.CREATE); InputStream in = Files.newInputStream(at(path))) {
                ch.truncate(from);
                in.skipNBytes(from);
                pump(in, java.nio.channels.Channels.newOutputStream(ch.position(from)), progress);
                return info;
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public long upload(Path source, String path, long from, LongConsumer progress) {
            try (var ch = java.nio.channels.FileChannel.open(at(path), java.nio.file.StandardOpenOption.WRITE);
                 InputStream in = Files.newInputStream(source)) {
                uploadedFrom.add(from);
                ch.truncate(from);
                in.skipNBytes(from);
                return from + pump(in, java.nio.channels.Channels.newOutputStream(ch.position(from)), progress);
            } catch (NoSuchFileException e) {
                throw fail(path, e);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public byte[] sha256(String path, long offset, int length) {
            try (InputStream in = Files.newInputStream(at(path))) {
                in.skipNBytes(offset);
                return java.security.MessageDigest.getInstance("SHA-256").digest(in.readNBytes(length));
            } catch (IOException | java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Optional<byte[]> readSmall(String path) {
            try {
                return Optional.of(Files.readAllBytes(at(path)));
            } catch (NoSuchFileException e) {
                return Optional.empty();
            } catch (IOException e) {
                throw fail(path, e);
            }
        }

        @Override
        public void writeSmall(String path, byte[] data) {
            try {
                Files.write(at(path), data);
            } catch (IOException e) {
                throw fail(path, e);
            }
        }

        private long pump(InputStream in, OutputStream out, LongConsumer progress) throws IOException {
            byte[] buf = new byte[8192];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                long limit = failAfterBytes.get();
                if (limit >= 0 && total + n > limit) {
                    out.write(buf, 0, (int) (limit - total));
                    out.flush();
                    if (failOnce.get()) {
                        failAfterBytes.set(-1);
                    }
                    throw new CliException(ExitStatus.CONNECTION, url + ": connection lost (test)");
                }
                out.write(buf, 0, n);
                total += n;
                progress.accept(n);
            }
            return total;
        }
    }
}
