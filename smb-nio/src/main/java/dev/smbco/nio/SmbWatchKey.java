package dev.smbco.nio;

import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbFile;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestState;
import dev.smbco.protocol.fscc.FileNotifyInformation;
import dev.smbco.protocol.fscc.NotifyAction;
import dev.smbco.protocol.smb2.ChangeNotifyRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One watched directory: its handle, and a CHANGE_NOTIFY re-issued each time one completes (from
 * the completion's callback on the event loop, so there is always one pending). Changes become
 * JDK events: added and renamed-to names {@code ENTRY_CREATE}, removed and renamed-from names
 * {@code ENTRY_DELETE}, modified ones {@code ENTRY_MODIFY}; a server that only says "too much
 * changed" (STATUS_NOTIFY_ENUM_DIR) gives {@code OVERFLOW}. When the directory goes away or the
 * connection is lost, the key becomes invalid and is signalled one last time.
 */
final class SmbWatchKey implements WatchKey {
    private static final Logger log = LoggerFactory.getLogger(SmbWatchKey.class);

    private final SmbWatchService service;
    private final SmbPath dir;
    private final SmbFile handle;
    private volatile Set<WatchEvent.Kind<?>> kinds;
    private final List<Event> pending = new ArrayList<>();
    private boolean signalled;
    private volatile boolean valid;
    private volatile Request<List<FileNotifyInformation>> watch;

    /** The close sentinel of {@link SmbWatchService}. */
    SmbWatchKey() {
        this.service = null;
        this.dir = null;
        this.handle = null;
    }

    private SmbWatchKey(SmbWatchService service, SmbPath dir, SmbFile handle, WatchEvent.Kind<?>[] events) {
        this.service = service;
        this.dir = dir;
        this.handle = handle;
        this.valid = true;
        setKinds(events);
    }

    /** Opens {@code dir} and starts watching it. */
    static SmbWatchKey start(SmbWatchService service, SmbPath dir, WatchEvent.Kind<?>[] events) throws IOException {
        SmbFile handle = Errors.io(dir, () -> service.fileSystem().tree().open(dir.shareRelative(), OpenOptions.directory()));
        SmbWatchKey key = new SmbWatchKey(service, dir, handle, events);
        key.next();
        return key;
    }

    void setKinds(WatchEvent.Kind<?>[] events) {
        Set<WatchEvent.Kind<?>> k = Set.of(events);
        for (WatchEvent.Kind<?> kind : k) {
            if (kind != StandardWatchEventKinds.ENTRY_CREATE && kind != StandardWatchEventKinds.ENTRY_DELETE
                    && kind != StandardWatchEventKinds.ENTRY_MODIFY && kind != StandardWatchEventKinds.OVERFLOW) {
                throw new UnsupportedOperationException("watch event kind " + kind.name() + " is not supported");
            }
        }
        kinds = k;
    }

    /** Sends the next CHANGE_NOTIFY (names, for create/delete; size and write time, for modify). */
    private void next() {
        if (!valid) {
            return;
        }
        int filter = ChangeNotifyRequest.FILE_NOTIFY_CHANGE_FILE_NAME | ChangeNotifyRequest.FILE_NOTIFY_CHANGE_DIR_NAME
                | ChangeNotifyRequest.FILE_NOTIFY_CHANGE_SIZE | ChangeNotifyRequest.FILE_NOTIFY_CHANGE_LAST_WRITE;
        Request<List<FileNotifyInformation>> w;
        try {
            w = handle.watchSend(filter, false);
        } catch (RuntimeException e) {
            invalidate(e);
            return;
        }
        watch = w;
        w.onDone(this::completed);
    }

    private void completed(Request<List<FileNotifyInformation>> w) {
        if (w.state() != RequestState.DONE) {
            invalidate(w.failure());
            return;
        }
        List<FileNotifyInformation> changes = w.recv();
        synchronized (this) {
            if (changes.isEmpty()) {
                add(StandardWatchEventKinds.OVERFLOW, null);
            }
            for (FileNotifyInformation c : changes) {
                WatchEvent.Kind<Path> kind = kindOf(c);
                if (kind != null) {
                    add(kind, dir.getFileSystem().getPath(c.fileName().replace('\\', '/')));
                }
            }
            signalIfReady();
        }
        next();
    }

    private static WatchEvent.Kind<Path> kindOf(FileNotifyInformation c) {
        NotifyAction a = c.knownAction().orElse(null);
        if (a == null) {
            return null;
        }
        return switch (a) {
            case FILE_ACTION_ADDED, FILE_ACTION_RENAMED_NEW_NAME -> StandardWatchEventKinds.ENTRY_CREATE;
            case FILE_ACTION_REMOVED, FILE_ACTION_RENAMED_OLD_NAME, FILE_ACTION_REMOVED_BY_DELETE -> StandardWatchEventKinds.ENTRY_DELETE;
            case FILE_ACTION_MODIFIED -> StandardWatchEventKinds.ENTRY_MODIFY;
            default -> null; // stream changes: not events of the directory's entries
        };
    }

    /** Adds an event (under this key's lock); a repeat of the last one only counts up, as the JDK's services do. */
    private void add(WatchEvent.Kind<?> kind, Path context) {
        if (kind != StandardWatchEventKinds.OVERFLOW && !kinds.contains(kind)) {
            return;
        }
        if (!pending.isEmpty()) {
            Event last = pending.get(pending.size() - 1);
            if (last.kind == kind && java.util.Objects.equals(last.context, context)) {
                last.count++;
                return;
            }
        }
        pending.add(new Event(kind, context));
    }

    private void signalIfReady() {
        if (!signalled && !pending.isEmpty()) {
            signalled = true;
            service.signal(this);
        }
    }

    private void invalidate(Throwable why) {
        if (!valid) {
            return;
        }
        log.debug("watch of {} ended: {}", dir, why == null ? "cancelled" : why.toString());
        valid = false;
        service.forget(this);
        handle.closeSend();
        synchronized (this) {
            if (!signalled) {
                signalled = true;
                service.signal(this); // the consumer learns it from reset() returning false
            }
        }
    }

    @Override
    public boolean isValid() {
        return valid;
    }

    @Override
    public synchronized List<WatchEvent<?>> pollEvents() {
        List<WatchEvent<?>> out = List.copyOf(pending);
        pending.clear();
        return out;
    }

    @Override
    public synchronized boolean reset() {
        if (!valid) {
            return false;
        }
        signalled = false;
        signalIfReady();
        return true;
    }

    /** Stops watching: closes the directory handle, which ends the pending CHANGE_NOTIFY on the server. */
    @Override
    public void cancel() {
        if (!valid) {
            return;
        }
        valid = false;
        service.forget(this);
        Request<?> w = watch;
        if (w != null) {
            w.cancel();
        }
        handle.closeSend();
    }

    @Override
    public SmbPath watchable() {
        return dir;
    }

    @Override
    public String toString() {
        return "SmbWatchKey[" + dir + (valid ? "" : ", cancelled") + "]";
    }

    /** One event; {@code count} grows while the same change repeats. */
    private static final class Event implements WatchEvent<Path> {
        private final Kind<?> kind;
        private final Path context;
        private int count = 1;

        Event(Kind<?> kind, Path context) {
            this.kind = kind;
            this.context = context;
        }

        @SuppressWarnings("unchecked")
        @Override
        public Kind<Path> kind() {
            return (Kind<Path>) kind;
        }

        @Override
        public int count() {
            return count;
        }

        @Override
        public Path context() {
            return context;
        }

        @Override
        public String toString() {
            return kind.name() + " " + context + (count > 1 ? " x" + count : "");
        }
    }
}
