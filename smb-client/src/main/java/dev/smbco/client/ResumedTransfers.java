package dev.smbco.client;

import dev.smbco.coro.Request;
import java.nio.file.Path;

/**
 * Whole-file transfers that continue at an offset, for a copy resumed after an interruption (a
 * killed process, a connection that could not be re-established): the bytes before the offset are
 * taken as already in place and are not sent again. They stream as {@link SmbFile#downloadSend(Path,
 * TransferListener)} and {@link SmbFile#uploadSend(Path, TransferListener)} do (several READs or
 * WRITEs in flight); progress and results count from offset 0, so a listener sees the whole file.
 *
 * <p>Checking that what is in place is what the source holds is the caller's business (the CLI's
 * {@code --resume} keeps a digest of the partial file's tail for that).
 */
public final class ResumedTransfers {
    private ResumedTransfers() {
    }

    /**
     * Downloads {@code file} from {@code from} to its end into {@code target} at the same offsets.
     * The local file is cut to {@code from} bytes first (it must hold at least that many); its
     * first {@code from} bytes are kept. Completes with the file's full length.
     *
     * @param file the remote file, open for reading; the caller closes it
     * @param target the local file, opened and closed by the transfer; created if missing when
     *     {@code from} is 0, else it must hold at least {@code from} bytes (the request fails,
     *     naming the file, when it holds fewer)
     * @param from the offset to resume at, in bytes; not negative
     * @param listener told the progress after each part, counted from offset 0; not null
     *     ({@link TransferListener#NONE} for none)
     * @return a request for the file's full length in bytes (not the bytes sent)
     * @throws IllegalArgumentException if {@code from} is negative
     */
    public static Request<Long> downloadSend(SmbFile file, Path target, long from, TransferListener listener) {
        if (from < 0) {
            throw new IllegalArgumentException("offset " + from + " < 0");
        }
        return Transfers.download(file, target, from, listener);
    }

    /**
     * Uploads {@code source} from {@code from} on into {@code file} at the same offsets (open the
     * file without truncating it, e.g. {@code OpenOptions.readWrite()}; bytes past {@code from}
     * that the file held are overwritten or stay, so cut the file to {@code from} first when it
     * may be longer). Completes with the full length; the handle's CLOSE then checks the size the
     * server holds, as after {@link SmbFile#uploadSend(Path, TransferListener)}.
     *
     * @param file the remote file, open for writing without truncation; the caller closes it
     * @param source the local file, read from {@code from} to its end; opened and closed by the
     *     transfer
     * @param from the offset to resume at, in bytes; not negative
     * @param listener told the progress after each part, counted from offset 0; not null
     *     ({@link TransferListener#NONE} for none)
     * @return a request for the full length in bytes: {@code from} plus the bytes sent
     * @throws IllegalArgumentException if {@code from} is negative
     */
    public static Request<Long> uploadSend(SmbFile file, Path source, long from, TransferListener listener) {
        if (from < 0) {
            throw new IllegalArgumentException("offset " + from + " < 0");
        }
        return Transfers.upload(file, source, from, listener);
    }
}
