package dev.smbco.nio;

import java.nio.channels.OverlappingFileLockException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The byte ranges that one file system's asynchronous channels hold or are acquiring, per file (by
 * the server's file id, MS-FSCC 2.4.26): what makes {@code lock} and {@code tryLock} throw
 * {@link OverlappingFileLockException} for a range that overlaps one already held or pending
 * through this file system, as the JDK's default provider does for the ranges its JVM holds. The
 * server alone would not say so: it refuses an overlapping exclusive range from the same client
 * with STATUS_LOCK_NOT_GRANTED (which {@code tryLock} reports as {@code null}) and grants
 * overlapping shared ones (MS-SMB2 3.3.5.14). Ranges of other clients, and of other file systems
 * in this JVM, are the server's to refuse. Thread-safe.
 */
final class LockTable {
    /** One range, held or being acquired by {@code channel}; removed by identity. */
    static final class Entry {
        final Object channel;
        final long position;
        final long size;

        Entry(Object channel, long position, long size) {
            this.channel = channel;
            this.position = position;
            this.size = size;
        }

        /** {@link java.nio.channels.FileLock#overlaps} of the JDK, for a range not yet a lock. */
        boolean overlaps(long otherPosition, long otherSize) {
            if (otherSize < 0) {
                return false;
            }
            try {
                if (Math.addExact(position, size) <= otherPosition) {
                    return false;
                }
            } catch (ArithmeticException endsPastLongMax) {
                // this range reaches past Long.MAX_VALUE: it is not below the other
            }
            try {
                if (Math.addExact(otherPosition, otherSize) <= position) {
                    return false;
                }
            } catch (ArithmeticException endsPastLongMax) {
                // likewise for the other range
            }
            return true;
        }
    }

    private final Map<Long, List<Entry>> byFile = new HashMap<>();

    /**
     * Records {@code position..position+size} of {@code fileId} for {@code channel} before it is
     * locked on the server.
     *
     * @throws OverlappingFileLockException when it overlaps a range held or pending through this file system
     */
    synchronized Entry reserve(long fileId, Object channel, long position, long size) {
        List<Entry> ranges = byFile.computeIfAbsent(fileId, k -> new ArrayList<>());
        for (Entry e : ranges) {
            if (e.overlaps(position, size)) {
                throw new OverlappingFileLockException();
            }
        }
        Entry e = new Entry(channel, position, size);
        ranges.add(e);
        return e;
    }

    /** Forgets one range: released, or its lock request failed. */
    synchronized void remove(long fileId, Entry entry) {
        List<Entry> ranges = byFile.get(fileId);
        if (ranges != null) {
            ranges.removeIf(e -> e == entry);
            if (ranges.isEmpty()) {
                byFile.remove(fileId);
            }
        }
    }

    /** Forgets every range of {@code channel}: it closed, and closing its handle unlocked them on the server. */
    synchronized void removeAll(long fileId, Object channel) {
        List<Entry> ranges = byFile.get(fileId);
        if (ranges != null) {
            ranges.removeIf(e -> e.channel == channel);
            if (ranges.isEmpty()) {
                byFile.remove(fileId);
            }
        }
    }
}
