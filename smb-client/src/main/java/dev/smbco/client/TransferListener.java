package dev.smbco.client;

/** Progress of a download or upload; called on the transfer's coroutine thread after each chunk. */
@FunctionalInterface
public interface TransferListener {
    /** A listener that ignores progress. */
    TransferListener NONE = (done, total) -> { };

    /**
     * Reports how far the transfer is.
     *
     * @param bytesDone  bytes transferred so far
     * @param bytesTotal the total if known, else -1
     */
    void progress(long bytesDone, long bytesTotal);
}
