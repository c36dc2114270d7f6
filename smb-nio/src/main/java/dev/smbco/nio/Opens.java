package dev.smbco.nio;

import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbTree;
import dev.smbco.protocol.smb2.AccessMask;
import dev.smbco.protocol.smb2.CreateDisposition;
import dev.smbco.protocol.smb2.CreateOptions;
import dev.smbco.protocol.smb2.FileAttributes;
import dev.smbco.protocol.smb2.ShareAccess;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * The JDK's open options as one SMB2 CREATE (MS-SMB2 2.2.13): READ/WRITE/APPEND become the
 * desired access, CREATE_NEW/CREATE/TRUNCATE_EXISTING the create disposition, DELETE_ON_CLOSE
 * the create option of that name. Files are opened sharing read, write and delete with others,
 * as local files on POSIX systems are. SPARSE, SYNC and DSYNC are accepted and ignored.
 */
final class Opens {
    private Opens() {
    }

    /** What one set of open options asks for. */
    record Plan(boolean read, boolean write, boolean append, OpenOptions options) {
    }

    static Plan plan(SmbPath path, Set<? extends OpenOption> options) {
        boolean append = options.contains(StandardOpenOption.APPEND);
        boolean write = append || options.contains(StandardOpenOption.WRITE);
        boolean read = options.contains(StandardOpenOption.READ) || !write;
        boolean truncate = options.contains(StandardOpenOption.TRUNCATE_EXISTING);
        if (append && options.contains(StandardOpenOption.READ)) {
            throw new IllegalArgumentException("READ and APPEND cannot be combined (" + path + ")");
        }
        if (append && truncate) {
            throw new IllegalArgumentException("APPEND and TRUNCATE_EXISTING cannot be combined (" + path + ")");
        }
        for (OpenOption o : options) {
            if (!(o instanceof StandardOpenOption) && o != LinkOption.NOFOLLOW_LINKS) {
                throw new UnsupportedOperationException("open option " + o + " is not supported (" + path + ")");
            }
        }
        int disposition = CreateDisposition.OPEN;
        if (write) {
            if (options.contains(StandardOpenOption.CREATE_NEW)) {
                disposition = CreateDisposition.CREATE;
            } else if (options.contains(StandardOpenOption.CREATE)) {
                disposition = truncate ? CreateDisposition.OVERWRITE_IF : CreateDisposition.OPEN_IF;
            } else if (truncate) {
                disposition = CreateDisposition.OVERWRITE;
            }
        }
        int access = AccessMask.FILE_READ_ATTRIBUTES | AccessMask.SYNCHRONIZE;
        if (read) {
            access |= AccessMask.GENERIC_READ;
        }
        if (write) {
            access |= AccessMask.GENERIC_WRITE;
        }
        int createOptions = CreateOptions.NON_DIRECTORY_FILE;
        if (options.contains(StandardOpenOption.DELETE_ON_CLOSE)) {
            access |= AccessMask.DELETE;
            createOptions |= CreateOptions.DELETE_ON_CLOSE;
        }
        return new Plan(read, write, append, new OpenOptions(access, ShareAccess.ALL, disposition, createOptions,
                FileAttributes.NORMAL, List.of()));
    }

    static SmbFile open(SmbPath path, Plan plan) throws IOException {
        SmbTree tree = path.getFileSystem().tree();
        return Errors.io(path, () -> tree.open(path.shareRelative(), plan.options()));
    }

    static SmbByteChannel channel(SmbPath path, Set<? extends OpenOption> options, FileAttribute<?>... attrs) throws IOException {
        noAttributes(path, attrs);
        Plan plan = plan(path, options);
        return new SmbByteChannel(path, open(path, plan), plan.read(), plan.write(), plan.append());
    }

    static SmbAsyncChannel asyncChannel(SmbPath path, Set<? extends OpenOption> options, ExecutorService executor,
                                        FileAttribute<?>... attrs) throws IOException {
        noAttributes(path, attrs);
        Plan plan = plan(path, options);
        if (plan.append()) {
            throw new UnsupportedOperationException("APPEND is not an option of an AsynchronousFileChannel (" + path + ")");
        }
        return new SmbAsyncChannel(path, open(path, plan), plan.read(), plan.write(), executor);
    }

    /** The client's read-ahead stream over a handle opened for reading; closing it closes the handle. */
    static InputStream input(SmbPath path, OpenOption... options) throws IOException {
        for (OpenOption o : options) {
            if (o == StandardOpenOption.APPEND || o == StandardOpenOption.WRITE) {
                throw new UnsupportedOperationException("'" + o + "' is not allowed for an input stream (" + path + ")");
            }
        }
        SmbFile file = open(path, plan(path, Set.of(StandardOpenOption.READ)));
        return new FilterInputStream(file.inputStream()) {
            private boolean closed;

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                try {
                    super.close();
                } finally {
                    closeFile(path, file);
                }
            }
        };
    }

    /**
     * The client's write-behind stream from offset 0 (as FileOutputStream writes), or for APPEND a
     * stream over a channel; closing it flushes, then closes the handle.
     */
    static OutputStream output(SmbPath path, OpenOption... options) throws IOException {
        Set<OpenOption> set = new HashSet<>(options.length == 0
                ? List.of(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)
                : List.of(options));
        if (set.contains(StandardOpenOption.READ)) {
            throw new IllegalArgumentException("READ is not allowed for an output stream (" + path + ")");
        }
        set.add(StandardOpenOption.WRITE);
        if (set.contains(StandardOpenOption.APPEND)) {
            return Channels.newOutputStream(channel(path, set));
        }
        SmbFile file = open(path, plan(path, set));
        return new FilterOutputStream(file.outputStream()) {
            private boolean closed;

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                if (closed) {
                    return;
                }
                closed = true;
                try {
                    out.close();
                } finally {
                    closeFile(path, file);
                }
            }
        };
    }

    private static void closeFile(SmbPath path, SmbFile file) throws IOException {
        if (path.getFileSystem().isOpen()) {
            Errors.io(path, () -> {
                file.close();
                return null;
            });
        }
    }

    static void noAttributes(SmbPath path, FileAttribute<?>... attrs) {
        if (attrs.length > 0) {
            throw new UnsupportedOperationException("initial attributes (" + attrs[0].name() + ") are not supported on " + path);
        }
    }
}
