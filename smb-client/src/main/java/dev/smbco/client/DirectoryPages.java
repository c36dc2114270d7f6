package dev.smbco.client;

import dev.smbco.client.internal.SmbPaths;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestState;
import dev.smbco.coro.Requests;
import java.lang.ref.Cleaner;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A directory listed one page at a time, for a caller that hands entries out as it goes (a lazy
 * iterator over a directory of a million files): {@link #nextSend()} is one MS-SMB2 3.2.4.17
 * QUERY_DIRECTORY on the open handle, continuing the scan where the last page ended. The first
 * page comes with the open ({@link SmbTree#listPagesSend}; CREATE + QUERY_DIRECTORY in one
 * compound where the connection compounds) and is handed out by the first {@code nextSend()}
 * without a round trip. Entries are as in {@link SmbTree#listSend}: "." and ".." left out.
 *
 * <p><b>The handle.</b> The directory stays open between pages; it is closed
 * <ul>
 *   <li>when the server ends the listing (STATUS_NO_MORE_FILES): the {@code nextSend()} that
 *       learns it closes the handle before it completes, with an empty list;</li>
 *   <li>when a page fails, times out or is cancelled: where the scan stands on the server is then
 *       unknown, so the listing cannot go on;</li>
 *   <li>by {@link #close()}, to stop early;</li>
 *   <li>when a caller drops this object without doing either: a {@link Cleaner} closes the handle
 *       once the object is unreachable, so an abandoned iterator does not keep the directory open
 *       (and undeletable, under some share modes) for the life of the connection. Closing is
 *       still the caller's job; this is the safety net.</li>
 * </ul>
 * A {@code DirectoryPages} that reaches nobody (its {@code listPagesSend} cancelled after the open
 * succeeded) is closed by the coroutine runtime, as every unclaimed {@link AutoCloseable} is.
 *
 * <p>One page at a time: calling {@code nextSend()} while the previous page is still on its way
 * is an {@link IllegalStateException}. The methods may be called from any thread.
 */
public final class DirectoryPages implements AutoCloseable {
    /** The smallest page a caller may ask for: room for one entry with a 255-character name (MS-FSCC 2.4.17). */
    public static final int MIN_PAGE_BYTES = 1024;
    /** Closes the handles of abandoned listings; one daemon thread for the JVM, woken only by the GC. */
    private static final Cleaner CLEANER = Cleaner.create();

    private final Handle handle;
    private final Cleaner.Cleanable cleanable;
    private final String pattern;
    private final int pageBytes;
    private List<DirEntry> first;
    private volatile boolean exhausted;
    private Request<List<DirEntry>> fetching;

    private DirectoryPages(SmbFile dir, List<DirEntry> first, String pattern, int pageBytes) {
        this.handle = new Handle(dir);
        this.cleanable = CLEANER.register(this, handle);
        this.pattern = pattern;
        this.pageBytes = pageBytes;
        this.first = first;
        this.exhausted = first == null; // the listing ended on its first page
    }

    /**
     * Opens {@code dir} and reads its first page of entries matching {@code pattern}, asking for
     * pages of at most {@code pageBytes} (at least {@link #MIN_PAGE_BYTES}; larger than the
     * connection allows for one response is that, at most 1 MiB).
     */
    static Request<DirectoryPages> openSend(SmbTree tree, String dir, String pattern, int pageBytes) {
        if (pageBytes < MIN_PAGE_BYTES) {
            throw new IllegalArgumentException("QUERY_DIRECTORY " + dir + ": a page of " + pageBytes
                    + " bytes is less than " + MIN_PAGE_BYTES);
        }
        String p = SmbPaths.normalize(dir);
        int length = Math.min(pageBytes, DirectoryQuery.outputLength(tree));
        return Coroutine.start(tree.loop(), co -> {
            TreeComposites.FirstPage page = co.await(tree.composites().openAndList(p, pattern, length,
                    () -> DirectoryWalk.openAndListSeparately(tree, p, pattern, length)));
            DirectoryPages pages = new DirectoryPages(page.dir(), page.entries(), pattern, length);
            if (pages.exhausted) {
                co.await(pages.closeSend());
            }
            return pages;
        });
    }

    /**
     * The next page of entries: never empty while the listing goes on; an empty list once it has
     * ended (the handle is closed by then). A page the server sends holding only "." and ".." is
     * skipped, so that one call may take more than one QUERY_DIRECTORY. After {@link #close()}
     * or a failed page: {@link SmbClosedException}.
     *
     * @return a request for the next page, in the order the server sends it (unsorted); completes
     *     at once, without a round trip, for the first page and once the listing has ended
     * @throws IllegalStateException if the previous page is still on its way
     */
    public synchronized Request<List<DirEntry>> nextSend() {
        SmbFile dir = handle.dir;
        if (fetching != null && !fetching.isDone()) {
            throw new IllegalStateException("QUERY_DIRECTORY " + dir.unc() + ": the previous page is still on its way");
        }
        List<DirEntry> page = first;
        first = null;
        if (page != null && !page.isEmpty()) {
            return Requests.completed(dir.loop(), page);
        }
        if (exhausted) {
            return Requests.completed(dir.loop(), List.of());
        }
        if (handle.closed.get()) {
            return Requests.failed(dir.loop(), new SmbClosedException("QUERY_DIRECTORY " + dir.unc() + ": the listing is closed"));
        }
        Request<List<DirEntry>> next = Coroutine.start(dir.loop(), co -> {
            while (true) {
                List<DirEntry> entries = co.await(DirectoryQuery.pageSend(dir, pattern, false, pageBytes));
                if (entries == null) {
                    exhausted = true;
                    co.await(handle.close());
                    return List.<DirEntry>of();
                }
                if (!entries.isEmpty()) {
                    return entries;
                }
            }
        });
        next.onDone(done -> {
            if (done.state() != RequestState.DONE) {
                handle.close(); // the scan's position on the server is unknown: no further page can follow
            }
        });
        fetching = next;
        return next;
    }

    /**
     * Blocking twin of {@link #nextSend()}.
     *
     * @return the next page of entries; empty once the listing has ended
     */
    public List<DirEntry> next() {
        return nextSend().await();
    }

    /**
     * Whether the server has ended the listing (every entry has been handed out, or is in the page at hand).
     *
     * @return true once STATUS_NO_MORE_FILES has been seen and no page is left to hand out: the next
     *     {@link #nextSend()} completes with an empty list; false while pages may follow, and after
     *     {@link #close()} or a failed page that came before the end
     */
    public synchronized boolean isExhausted() {
        return exhausted && first == null;
    }

    /**
     * MS-SMB2 3.2.4.5 CLOSE of the directory handle, unless it is closed already (then: done at once).
     *
     * @return a request that ends when the handle is closed; every call returns the same CLOSE
     */
    public Request<Void> closeSend() {
        cleanable.clean(); // runs the handle's close (once) and unregisters it from the cleaner
        return handle.close();
    }

    /** Blocking twin of {@link #closeSend()}. */
    @Override
    public void close() {
        closeSend().await();
    }

    @Override
    public String toString() {
        return "DirectoryPages[" + handle.dir.unc() + (exhausted ? ", exhausted" : handle.closed.get() ? ", closed" : "") + "]";
    }

    /**
     * The open directory handle and its one CLOSE. The {@link Cleaner} runs {@link #run()} when the
     * {@code DirectoryPages} becomes unreachable, so this holds no reference back to it.
     */
    private static final class Handle implements Runnable {
        final SmbFile dir;
        final AtomicBoolean closed = new AtomicBoolean();
        volatile Request<Void> closing;

        Handle(SmbFile dir) {
            this.dir = dir;
        }

        /** CLOSE, the first time it is called; the same request each later time. */
        Request<Void> close() {
            if (closed.compareAndSet(false, true)) {
                closing = dir.isOpen() ? dir.closeSend() : Requests.completed(dir.loop(), null);
            }
            Request<Void> c = closing;
            while (c == null) { // another thread won the race and is setting it
                Thread.onSpinWait();
                c = closing;
            }
            return c;
        }

        @Override
        public void run() {
            close();
        }
    }
}
