package dev.smbco.client;

/**
 * One byte range to lock or unlock (MS-SMB2 2.2.26.1 SMB2_LOCK_ELEMENT).
 *
 * @param offset    first byte
 * @param length    number of bytes (a zero-length lock is allowed by the protocol)
 * @param exclusive exclusive (write) lock; otherwise shared (read) — ignored for unlocking
 */
public record LockRange(long offset, long length, boolean exclusive) {
    /**
     * Checks the range.
     *
     * @throws IllegalArgumentException when {@code offset} or {@code length} is negative
     */
    public LockRange {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("lock range " + offset + "+" + length + " is negative");
        }
    }

    /**
     * An exclusive (write) lock: no other open may lock, read or write the range.
     *
     * @param offset first byte, not negative
     * @param length number of bytes, not negative
     * @return the range
     */
    public static LockRange exclusive(long offset, long length) {
        return new LockRange(offset, length, true);
    }

    /**
     * A shared (read) lock: other opens may take shared locks on the range too, but none may write it.
     *
     * @param offset first byte, not negative
     * @param length number of bytes, not negative
     * @return the range
     */
    public static LockRange shared(long offset, long length) {
        return new LockRange(offset, length, false);
    }
}
