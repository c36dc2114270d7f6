package dev.smbco.client.engine;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Receive buffers for large frames (a READ response of megabytes), reused from frame to frame.
 *
 * <p>Why: a frame larger than the allocator's pooled sizes is otherwise a fresh direct buffer
 * each time, zeroed by the JDK and page-faulted in by the kernel: for an 8 MiB READ that is two
 * extra passes over memory the socket data is copied into right after (see BENCHMARKS.md).
 *
 * <p>How: the pool holds one reference to each of its buffers. A buffer is lent with
 * {@code retain()}, so its reference count is 2 while the frame travels down the pipeline, and
 * every slice of it (READ data handed to a caller, a decrypted message) keeps it above 1. It is
 * free again once all of them are released, on whatever thread: the count is back to the pool's
 * own 1. Nothing else changes for readers: they release what they were given, as before.
 *
 * <p>Lending and closing happen on the channel's event loop; releases may come from any thread.
 */
final class FrameBuffers {
    private final ByteBufAllocator alloc;
    private final int maxPooled;
    private final List<ByteBuf> pooled = new ArrayList<>();
    private boolean closed;

    /**
     * @param alloc     where new buffers come from
     * @param maxPooled how many buffers to keep for reuse; beyond that, frames get one-off buffers
     */
    FrameBuffers(ByteBufAllocator alloc, int maxPooled) {
        this.alloc = alloc;
        this.maxPooled = maxPooled;
    }

    /**
     * A buffer with room for at least {@code length} bytes, empty (reader and writer index 0),
     * owned by the caller: release it (and every slice taken of it) when done.
     */
    ByteBuf lend(int length) {
        ByteBuf free = null;
        for (Iterator<ByteBuf> it = pooled.iterator(); it.hasNext(); ) {
            ByteBuf b = it.next();
            int refs = b.refCnt();
            if (refs == 0) {
                it.remove(); // released once too often by someone: no longer ours
            } else if (refs == 1) {
                if (fits(b, length)) {
                    b.clear();
                    return b.retain();
                }
                free = b;
            }
        }
        ByteBuf fresh = alloc.directBuffer(length, length);
        if (closed) {
            return fresh;
        }
        if (pooled.size() >= maxPooled && free != null) {
            pooled.remove(free); // a free buffer of the wrong size makes room for this size
            free.release();
        }
        if (pooled.size() < maxPooled) {
            pooled.add(fresh.retain());
        }
        return fresh;
    }

    /** Reuse only where the buffer is not much larger than the frame: a 8 MiB buffer for a 70 KiB frame wastes it. */
    private static boolean fits(ByteBuf b, int length) {
        return b.capacity() >= length && b.capacity() / 2 <= length;
    }

    /** Gives up the pool's references: buffers still lent out are freed by their last release. */
    void close() {
        closed = true;
        for (ByteBuf b : pooled) {
            if (b.refCnt() > 0) {
                b.release();
            }
        }
        pooled.clear();
    }

    /** Buffers the pool holds (lent or free); for tests. */
    int pooledCount() {
        return pooled.size();
    }
}
