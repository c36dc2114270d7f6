package dev.smbco.nio;

import dev.smbco.client.SmbFile;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;

/**
 * The open handle behind a channel ({@link SmbByteChannel}, {@link SmbAsyncChannel}): what both do
 * the same way, whether the channel is open (its own close and its file system's), the size as the
 * server holds it, shrinking, and closing the handle once.
 */
final class ChannelHandle {
    final SmbPath path;
    final SmbFile file;
    private volatile boolean closed;

    ChannelHandle(SmbPath path, SmbFile file) {
        this.path = path;
        this.file = file;
    }

    boolean isOpen() {
        return !closed && path.getFileSystem().isOpen();
    }

    void checkOpen() throws ClosedChannelException {
        if (!isOpen()) {
            throw new ClosedChannelException();
        }
    }

    /** The file's size as the server holds it now (one open for attributes and a close). */
    long size() throws IOException {
        checkOpen();
        return AttributeView.read(path, false).size();
    }

    /** Cuts the file to {@code size} if it is longer (a truncate never grows a file); whether it did. */
    boolean shrinkTo(long size) throws IOException {
        if (size >= size()) {
            return false;
        }
        Errors.io(path, () -> {
            file.setLength(size);
            return null;
        });
        return true;
    }

    /** Closes the handle, once; nothing to do when the file system (and so the handle) is closed already. */
    void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        if (path.getFileSystem().isOpen()) {
            Errors.io(path, () -> {
                file.close();
                return null;
            });
        }
    }
}
