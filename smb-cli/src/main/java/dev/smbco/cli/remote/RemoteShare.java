package dev.smbco.cli.remote;

import dev.smbco.cli.SmbUrl;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * One share on a logged-on connection, offering what the commands need. Paths are {@code /}-separated
 * and relative to the share root ({@code ""} is the root). Every method blocks its (virtual) thread
 * until the server answered; every failure is a {@link dev.smbco.cli.CliException} whose message
 * names the full URL, so the commands never see client exception types.
 */
public interface RemoteShare {

    /** The share's root URL (for messages and for building child URLs). */
    SmbUrl url();

    /** Status of a file or directory; FAILED "no such file" when it does not exist. */
    FileInfo stat(String path);

    /** Status, or empty when neither it nor its parent directory exists. */
    Optional<FileInfo> find(String path);

    /** The entries of a directory, without {@code .} and {@code ..}, each with its full path. */
    List<FileInfo> list(String dir);

    void mkdir(String path);

    void rmdir(String path);

    void delete(String path);

    /** Deletes a directory and everything below it. */
    void deleteTree(String path);

    /** Renames within the share; with {@code replace} an existing file at {@code to} is replaced. */
    void rename(String from, String to, boolean replace);

    /**
     * Reads a whole file into a local file (created or truncated).
     *
     * @return the file's status as of its opening (its modification time is what the copy keeps)
     */
    FileInfo download(String path, Path target, LongConsumer progress);

    /** Reads a whole file into a stream (not closed); returns the bytes copied. */
    long download(String path, OutputStream target, LongConsumer progress);

    /**
     * Creates or overwrites {@code path} with a local file's bytes and then, once every byte is in,
     * renames it to {@code renameTo} (replacing what is there; null keeps the name). Returns the
     * bytes copied.
     */
    long upload(Path source, String path, String renameTo, LongConsumer progress);

    /** As {@link #upload(Path, String, String, LongConsumer)} with everything a stream yields (not closed). */
    long upload(InputStream source, String path, String renameTo, LongConsumer progress);

    /**
     * Copies a file to another share of the same connection (or this one) inside the server
     * (FSCTL_SRV_COPYCHUNK), creating or overwriting {@code to}, then renaming it to {@code renameTo}
     * as {@link #upload(Path, String, String, LongConsumer)} does.
     *
     * @return the bytes copied, or -1 when the server or the client cannot copy server-side (the
     *         caller then copies through the client)
     */
    long serverCopy(String from, RemoteShare target, String to, String renameTo, LongConsumer progress);

    /** The SHA-256 of a file's content, read back from the server (for {@code --verify}). */
    default byte[] sha256(String path) {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
        download(path, new DigestOutputStream(OutputStream.nullOutputStream(), md), n -> { });
        return md.digest();
    }

    /**
     * Reads {@code path} from offset {@code from} to its end into a local file at the same offsets,
     * keeping the local file's first {@code from} bytes (a resumed download; see {@code --resume}).
     *
     * @return the file's status as of its opening
     */
    default FileInfo download(String path, Path target, long from, LongConsumer progress) {
        throw dev.smbco.cli.CliException.failed(url().withPath(path).toString(), "resuming is not supported here");
    }

    /**
     * Writes a local file's bytes from offset {@code from} on into the existing file {@code path} at
     * the same offsets, cutting it to {@code from} first; no rename (a resumed upload). Returns the
     * file's full length.
     */
    default long upload(Path source, String path, long from, LongConsumer progress) {
        throw dev.smbco.cli.CliException.failed(url().withPath(path).toString(), "resuming is not supported here");
    }

    /** The SHA-256 of {@code length} bytes at {@code offset} of a file (fewer when the file ends first). */
    default byte[] sha256(String path, long offset, int length) {
        throw dev.smbco.cli.CliException.failed(url().withPath(path).toString(), "resuming is not supported here");
    }

    /** A small file's whole content (up to 64 KiB), or empty when it does not exist. */
    default Optional<byte[]> readSmall(String path) {
        return Optional.empty();
    }

    /** Creates or overwrites a small file with {@code data} (one round trip where the connection compounds). */
    default void writeSmall(String path, byte[] data) {
        throw dev.smbco.cli.CliException.failed(url().withPath(path).toString(), "resuming is not supported here");
    }

    /**
     * After the connection was lost for good (reconnect gave up): connect, log on and connect the
     * tree again, so that a retried copy ({@code --retries}) can go on. Does nothing where there is
     * nothing to re-establish.
     */
    default void revive() {
    }
}
