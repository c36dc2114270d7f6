package dev.smbco.client;

import dev.smbco.protocol.smb2.AccessMask;
import dev.smbco.protocol.smb2.CreateContext;
import dev.smbco.protocol.smb2.CreateDisposition;
import dev.smbco.protocol.smb2.CreateOptions;
import dev.smbco.protocol.smb2.FileAttributes;
import dev.smbco.protocol.smb2.ShareAccess;
import dev.smbco.client.lease.LeaseState;
import java.util.List;

/**
 * How to open or create a file (MS-SMB2 2.2.13 CREATE): desired access, share access,
 * disposition, create options, attributes for a new file, and create contexts. Start from one of
 * the presets and adjust with the withers.
 *
 * @param access      DesiredAccess bits ({@link AccessMask})
 * @param shareAccess ShareAccess bits ({@link ShareAccess}): what other opens may do meanwhile
 * @param disposition CreateDisposition ({@link CreateDisposition})
 * @param options     CreateOptions bits ({@link CreateOptions})
 * @param attributes  FileAttributes for a newly created file ({@link FileAttributes}), 0 for default
 * @param contexts    create contexts to send
 * @param lease       the lease to ask for ({@link #lease(LeaseState)}), or null for none (the default)
 */
public record OpenOptions(int access, int shareAccess, int disposition, int options, int attributes, List<CreateContext> contexts,
                          LeaseState lease) {
    /** Copies {@code contexts}. */
    public OpenOptions {
        contexts = List.copyOf(contexts);
    }

    /**
     * Options without a lease request.
     *
     * @param access      DesiredAccess bits ({@link AccessMask})
     * @param shareAccess ShareAccess bits ({@link ShareAccess})
     * @param disposition CreateDisposition ({@link CreateDisposition})
     * @param options     CreateOptions bits ({@link CreateOptions})
     * @param attributes  FileAttributes for a newly created file, 0 for default
     * @param contexts    create contexts to send, copied
     */
    public OpenOptions(int access, int shareAccess, int disposition, int options, int attributes, List<CreateContext> contexts) {
        this(access, shareAccess, disposition, options, attributes, contexts, null);
    }

    /**
     * Open an existing file for reading; others may read and write.
     *
     * @return GENERIC_READ, share READ|WRITE, FILE_OPEN, FILE_NON_DIRECTORY_FILE
     */
    public static OpenOptions read() {
        return new OpenOptions(AccessMask.GENERIC_READ, ShareAccess.READ | ShareAccess.WRITE, CreateDisposition.OPEN,
                CreateOptions.NON_DIRECTORY_FILE, 0, List.of());
    }

    /**
     * Create the file, or truncate it if it exists, for writing (and reading).
     *
     * @return GENERIC_READ|GENERIC_WRITE, share READ, FILE_OVERWRITE_IF, FILE_NON_DIRECTORY_FILE
     */
    public static OpenOptions write() {
        return new OpenOptions(AccessMask.GENERIC_READ | AccessMask.GENERIC_WRITE, ShareAccess.READ, CreateDisposition.OVERWRITE_IF,
                CreateOptions.NON_DIRECTORY_FILE, FileAttributes.NORMAL, List.of());
    }

    /**
     * Open the file for reading and writing, creating it if missing, keeping its content.
     *
     * @return GENERIC_READ|GENERIC_WRITE, share READ, FILE_OPEN_IF, FILE_NON_DIRECTORY_FILE
     */
    public static OpenOptions readWrite() {
        return new OpenOptions(AccessMask.GENERIC_READ | AccessMask.GENERIC_WRITE, ShareAccess.READ, CreateDisposition.OPEN_IF,
                CreateOptions.NON_DIRECTORY_FILE, FileAttributes.NORMAL, List.of());
    }

    /**
     * Create a new file; fails with {@link SmbAlreadyExistsException} if it exists.
     *
     * @return GENERIC_READ|GENERIC_WRITE, share READ, FILE_CREATE, FILE_NON_DIRECTORY_FILE
     */
    public static OpenOptions createNew() {
        return new OpenOptions(AccessMask.GENERIC_READ | AccessMask.GENERIC_WRITE, ShareAccess.READ, CreateDisposition.CREATE,
                CreateOptions.NON_DIRECTORY_FILE, FileAttributes.NORMAL, List.of());
    }

    /**
     * Open an existing directory to list it.
     *
     * @return FILE_LIST_DIRECTORY|FILE_READ_ATTRIBUTES|SYNCHRONIZE, share all, FILE_OPEN,
     *     FILE_DIRECTORY_FILE
     */
    public static OpenOptions directory() {
        return new OpenOptions(AccessMask.FILE_LIST_DIRECTORY | AccessMask.FILE_READ_ATTRIBUTES | AccessMask.SYNCHRONIZE,
                ShareAccess.ALL, CreateDisposition.OPEN, CreateOptions.DIRECTORY_FILE, 0, List.of());
    }

    /**
     * Open whatever is at the path (file or directory) only to read its attributes.
     *
     * @return FILE_READ_ATTRIBUTES, share all, FILE_OPEN
     */
    public static OpenOptions readAttributes() {
        return new OpenOptions(AccessMask.FILE_READ_ATTRIBUTES, ShareAccess.ALL, CreateDisposition.OPEN, 0, 0, List.of());
    }

    /**
     * A copy with another DesiredAccess.
     *
     * @param a DesiredAccess bits ({@link AccessMask}, MS-SMB2 2.2.13.1)
     * @return the copy
     */
    public OpenOptions withAccess(int a) {
        return new OpenOptions(a, shareAccess, disposition, options, attributes, contexts, lease);
    }

    /**
     * A copy with another ShareAccess.
     *
     * @param s ShareAccess bits ({@link ShareAccess}): what other opens may do meanwhile
     * @return the copy
     */
    public OpenOptions withShareAccess(int s) {
        return new OpenOptions(access, s, disposition, options, attributes, contexts, lease);
    }

    /**
     * A copy with another CreateDisposition.
     *
     * @param d what to do when the file exists or not ({@link CreateDisposition})
     * @return the copy
     */
    public OpenOptions withDisposition(int d) {
        return new OpenOptions(access, shareAccess, d, options, attributes, contexts, lease);
    }

    /**
     * A copy with other CreateOptions.
     *
     * @param o CreateOptions bits ({@link CreateOptions}), e.g. FILE_DELETE_ON_CLOSE
     * @return the copy
     */
    public OpenOptions withOptions(int o) {
        return new OpenOptions(access, shareAccess, disposition, o, attributes, contexts, lease);
    }

    /**
     * A copy with other FileAttributes for a newly created file.
     *
     * @param a FileAttributes bits ({@link FileAttributes}, MS-FSCC 2.6), 0 for the server's default
     * @return the copy
     */
    public OpenOptions withAttributes(int a) {
        return new OpenOptions(access, shareAccess, disposition, options, a, contexts, lease);
    }

    /**
     * A copy with other create contexts (MS-SMB2 2.2.13.2); the lease request, if any, is kept.
     *
     * @param c the contexts, copied
     * @return the copy
     */
    public OpenOptions withContexts(List<CreateContext> c) {
        return new OpenOptions(access, shareAccess, disposition, options, attributes, c, lease);
    }

    /**
     * Asks for a lease (MS-SMB2 2.2.13.2.8 / 2.2.13.2.10): e.g. {@link LeaseState#RWH} to cache
     * reads, writes and the handle, {@link LeaseState#R} to cache reads, or null for none. Opens of
     * the same path on one connection share one lease key, so they never break each other. The
     * server may grant less ({@code SmbFile.leaseState()} says what it granted) and breaks the
     * lease when another client's open conflicts ({@code SmbFile.onLeaseBreak}). Against a server
     * without leasing (SMB 2.0.2, or no SMB2_GLOBAL_CAP_LEASING) the matching oplock is asked for
     * instead (RWH: batch, RW: exclusive, R: level II). Directories get no lease.
     *
     * @param wanted the caching asked for, or null for none
     * @return a copy with the lease request
     */
    public OpenOptions lease(LeaseState wanted) {
        return new OpenOptions(access, shareAccess, disposition, options, attributes, contexts, wanted);
    }
}
