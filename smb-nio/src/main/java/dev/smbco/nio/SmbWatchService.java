package dev.smbco.nio;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.ProviderMismatchException;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * A {@link WatchService} for one smb:// file system, backed by SMB2 CHANGE_NOTIFY (MS-SMB2
 * 3.2.4.14): each registered directory holds an open handle with one CHANGE_NOTIFY pending at all
 * times ({@link SmbWatchKey}); the server keeps the changes that happen between two of them. No
 * thread polls: the notifications arrive on the client's event loop.
 */
final class SmbWatchService implements WatchService {
    /** Put in the queue by {@link #close()} so that every {@code take()} wakes up. */
    private static final SmbWatchKey CLOSED = new SmbWatchKey();

    private final SmbFileSystem fs;
    private final LinkedBlockingDeque<SmbWatchKey> signalled = new LinkedBlockingDeque<>();
    private final Map<SmbPath, SmbWatchKey> keys = new HashMap<>();
    private volatile boolean closed;

    SmbWatchService(SmbFileSystem fs) {
        this.fs = fs;
    }

    /** {@link java.nio.file.Path#register}: one key per directory; registering again updates its events. */
    WatchKey register(SmbPath dir, WatchEvent.Kind<?>[] events, WatchEvent.Modifier... modifiers) throws IOException {
        if (dir.getFileSystem() != fs) {
            throw new ProviderMismatchException("watch service of " + fs + " cannot watch " + dir.toUri());
        }
        if (modifiers.length > 0) {
            throw new UnsupportedOperationException("watch modifiers are not supported: " + List.of(modifiers));
        }
        SmbPath key = dir.toAbsolutePath().normalize();
        synchronized (this) {
            checkOpen();
            SmbWatchKey existing = keys.get(key);
            if (existing != null && existing.isValid()) {
                existing.setKinds(events);
                return existing;
            }
            SmbWatchKey k = SmbWatchKey.start(this, key, events);
            keys.put(key, k);
            return k;
        }
    }

    @Override
    public WatchKey poll() {
        checkOpen();
        return unwrap(signalled.poll());
    }

    @Override
    public WatchKey poll(long timeout, TimeUnit unit) throws InterruptedException {
        checkOpen();
        return unwrap(signalled.poll(timeout, unit));
    }

    @Override
    public WatchKey take() throws InterruptedException {
        checkOpen();
        return unwrap(signalled.take());
    }

    /** Cancels every key (closing its directory handle, which ends its CHANGE_NOTIFY); idempotent. */
    @Override
    public void close() {
        List<SmbWatchKey> all;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            all = new ArrayList<>(keys.values());
            keys.clear();
        }
        all.forEach(SmbWatchKey::cancel);
        signalled.offer(CLOSED);
    }

    // ------------------------------------------------------------------ for the keys

    SmbFileSystem fileSystem() {
        return fs;
    }

    /** A key with events (or that became invalid) is queued for {@code take()}, once until it is reset. */
    void signal(SmbWatchKey key) {
        if (!closed) {
            signalled.offer(key);
        }
    }

    synchronized void forget(SmbWatchKey key) {
        keys.remove(key.watchable(), key);
    }

    private WatchKey unwrap(SmbWatchKey k) {
        if (k == CLOSED) {
            signalled.offer(CLOSED); // wake the next taker too
            throw new ClosedWatchServiceException();
        }
        return k;
    }

    private void checkOpen() {
        if (closed) {
            throw new ClosedWatchServiceException();
        }
    }
}
