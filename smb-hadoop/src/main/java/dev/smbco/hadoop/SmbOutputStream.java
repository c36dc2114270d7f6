package dev.smbco.hadoop;

import dev.smbco.client.SmbException;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbTree;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestException;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayDeque;
import java.util.Objects;
import java.util.Locale;
import org.apache.hadoop.fs.FSExceptionMessages;
import org.apache.hadoop.fs.StreamCapabilities;
import org.apache.hadoop.fs.Syncable;

/**
 * Writes one file with write-behind: bytes are gathered into chunks of the negotiated write size
 * (at most 1 MiB) and up to {@code depth} WRITEs travel while the writer goes on. A new file is
 * written under a temporary name in the same directory and renamed to its real name only when
 * {@link #close()} has seen every WRITE acknowledged, so a task killed mid-write leaves no
 * complete-looking file (the rename is MS-FSCC 2.4.42 FileRenameInformation, atomic on the server).
 * An append writes in place from the old end.
 *
 * <p>{@link Syncable}: {@link #hflush()} waits until the server has acknowledged every WRITE and
 * {@link #hsync()} then sends SMB2 FLUSH (MS-SMB2 2.2.17), so the bytes are on the server's
 * stable storage. What Hadoop means by both, though, is that a reader opening the path sees the
 * bytes (the filesystem specification's {@code Syncable} section, checked by the contract's
 * {@code testSyncable}). A new file has no such reader before close: its bytes are under the
 * temporary name. So only an append stream, which writes in place, reports the {@code hflush} and
 * {@code hsync} capabilities; a create stream reports neither, while its {@code hsync} still makes
 * the temporary file durable.
 *
 * <p>The first failed WRITE breaks the stream: every later call throws it, and close removes the
 * temporary file.
 */
final class SmbOutputStream extends OutputStream implements Syncable, StreamCapabilities {
    /** Where the finished file goes: the temporary name is renamed to {@code target} on close. */
    record Publish(SmbTree tree, String temporary, String target, boolean replace) {
    }

    private final SmbFile file;
    private final String name;
    private final Publish publish;
    private final int chunk;
    private final int depth;
    private final ArrayDeque<Request<Long>> behind = new ArrayDeque<>();
    private byte[] buffer;
    private int filled;
    private long offset;
    private boolean closed;
    private IOException broken;

    /**
     * @param file    the open file (closed by this stream)
     * @param name    the smb:// path for messages
     * @param offset  where writing starts (the old size for an append)
     * @param publish the rename on close, or null to write in place
     */
    SmbOutputStream(SmbFile file, String name, long offset, Publish publish, int depth) {
        this.file = file;
        this.name = name;
        this.offset = offset;
        this.publish = publish;
        this.chunk = Math.min(file.maxWriteSize(), 1024 * 1024);
        this.depth = depth;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        usable();
        while (len > 0) {
            if (buffer == null) {
                buffer = new byte[chunk];
            }
            int n = Math.min(len, chunk - filled);
            System.arraycopy(b, off, buffer, filled, n);
            filled += n;
            off += n;
            len -= n;
            if (filled == chunk) {
                send();
            }
        }
    }

    /** Sends the gathered bytes as one WRITE, first waiting for the oldest if {@code depth} are in flight. */
    private void send() throws IOException {
        if (filled == 0) {
            return;
        }
        while (behind.size() >= depth) {
            complete(behind.poll());
        }
        try {
            behind.add(file.writeSend(offset, Unpooled.wrappedBuffer(buffer, 0, filled)));
        } catch (SmbException | RequestException e) {
            throw fail(HadoopErrors.map(e, name));
        }
        offset += filled;
        buffer = null;
        filled = 0;
    }

    private void complete(Request<Long> write) throws IOException {
        try {
            write.await();
        } catch (SmbException | RequestException e) {
            throw fail(HadoopErrors.map(e, name));
        }
    }

    /** Sends what is gathered and waits until every WRITE is acknowledged. */
    @Override
    public synchronized void flush() throws IOException {
        usable();
        send();
        while (!behind.isEmpty()) {
            complete(behind.poll());
        }
    }

    /** Every WRITE so far acknowledged by the server (visible to other readers of the file it went to). */
    @Override
    public void hflush() throws IOException {
        flush();
    }

    /** {@link #hflush()}, then SMB2 FLUSH: the server writes the file's data to stable storage (MS-SMB2 3.3.5.11). */
    @Override
    public synchronized void hsync() throws IOException {
        flush();
        try {
            file.flush();
        } catch (SmbException | RequestException e) {
            throw fail(HadoopErrors.map(e, name));
        }
    }

    /**
     * {@code hflush} and {@code hsync} as Hadoop defines them (readers of the path see the bytes)
     * only for an append, which writes in place; a new file appears only on close.
     */
    @Override
    public boolean hasCapability(String capability) {
        return switch (capability.toLowerCase(Locale.ROOT)) {
            case StreamCapabilities.HFLUSH, StreamCapabilities.HSYNC -> publish == null;
            default -> false;
        };
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        try {
            if (broken == null) {
                flush();
            }
        } catch (IOException e) {
            // broken is set: the clean-up below removes the temporary file
        } finally {
            closed = true;
            closeFile();
        }
        if (broken != null) {
            throw discard(broken);
        }
        if (publish != null) {
            try {
                publish.tree().rename(publish.temporary(), publish.target(), publish.replace());
            } catch (SmbException | RequestException e) {
                throw discard(HadoopErrors.map(e, name));
            }
        }
    }

    private void closeFile() {
        while (!behind.isEmpty()) {
            try {
                behind.poll().await();
            } catch (SmbException | RequestException e) {
                if (broken == null) {
                    broken = HadoopErrors.map(e, name);
                }
            }
        }
        try {
            file.close();
        } catch (SmbException | RequestException e) {
            if (broken == null) {
                broken = HadoopErrors.map(e, name);
            }
        }
    }

    /** Removes the temporary file of a write that did not finish (best effort: the connection may be gone). */
    private IOException discard(IOException cause) {
        if (publish != null) {
            try {
                publish.tree().delete(publish.temporary());
            } catch (SmbException | RequestException e) {
                cause.addSuppressed(e);
            }
        }
        return cause;
    }

    private IOException fail(IOException e) {
        if (broken == null) {
            broken = e;
        }
        return e;
    }

    private void usable() throws IOException {
        if (closed) {
            throw new IOException(FSExceptionMessages.STREAM_IS_CLOSED + ": " + name);
        }
        if (broken != null) {
            throw broken;
        }
    }
}
