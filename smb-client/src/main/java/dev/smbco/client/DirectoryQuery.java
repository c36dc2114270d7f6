package dev.smbco.client;

import dev.smbco.coro.Co;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Request;
import dev.smbco.protocol.fscc.DetailedDirectoryEntry;
import dev.smbco.protocol.fscc.DirectoryEntry;
import dev.smbco.protocol.fscc.DirectoryListing;
import dev.smbco.protocol.fscc.FileInformationClass;
import dev.smbco.protocol.smb2.FileId;
import dev.smbco.protocol.smb2.QueryDirectoryRequest;
import dev.smbco.protocol.smb2.QueryDirectoryResponse;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * MS-SMB2 3.2.4.17 QUERY_DIRECTORY on an open directory handle, page by page: the first request
 * restarts the scan (SMB2_RESTART_SCANS), each later one continues it, until the server answers
 * STATUS_NO_MORE_FILES. STATUS_NO_SUCH_FILE on the first page is a pattern that matches nothing.
 * Entries are FILE_ID_BOTH_DIRECTORY_INFORMATION (MS-FSCC 2.4.17); "." and ".." are left out.
 * The first page may also come with the open, in one compound ({@link TreeComposites#openAndList}).
 */
final class DirectoryQuery {
    /** MS-ERREF STATUS_NO_MORE_FILES / STATUS_NO_SUCH_FILE: the end of a listing, or no match. */
    static final int STATUS_NO_MORE_FILES = 0x80000006;
    static final int STATUS_NO_SUCH_FILE = 0xC000000F;
    private static final int MAX_OUTPUT = 1024 * 1024;

    private DirectoryQuery() {
    }

    /** The OutputBufferLength of a page: what one response may carry, at most 1 MiB. */
    static int outputLength(SmbTree tree) {
        return Math.min(tree.session().connection().sender().engine().credits().ioSize(tree.negotiated().maxTransactSize()), MAX_OUTPUT);
    }

    /** The request for a page; {@code first} restarts the scan. {@code fileId} may be {@link FileId#RELATED} in a chain. */
    static QueryDirectoryRequest request(FileId fileId, String pattern, boolean first, int outputLength) {
        return new QueryDirectoryRequest(FileInformationClass.FILE_ID_BOTH_DIRECTORY_INFORMATION.id(),
                first ? QueryDirectoryRequest.RESTART_SCANS : 0, 0, fileId, pattern, outputLength);
    }

    /** Whether {@code status} ends a listing without an error (no more entries, or none matched on the first page). */
    static boolean isEnd(int status, boolean firstPage) {
        return status == STATUS_NO_MORE_FILES || (firstPage && status == STATUS_NO_SUCH_FILE);
    }

    /** A page's entries from a response body, or null when {@code status} ended the listing. */
    static List<DirEntry> page(int status, ByteBuf body) {
        if (status != 0) {
            return null;
        }
        QueryDirectoryResponse r = QueryDirectoryResponse.decode(body);
        List<DirectoryEntry> entries;
        try {
            entries = DirectoryListing.decode(FileInformationClass.FILE_ID_BOTH_DIRECTORY_INFORMATION, r.outputBuffer());
        } finally {
            r.outputBuffer().release();
        }
        List<DirEntry> out = new ArrayList<>(entries.size());
        for (DirectoryEntry e : entries) {
            if (e.fileName().equals(".") || e.fileName().equals("..")) {
                continue;
            }
            DetailedDirectoryEntry d = (DetailedDirectoryEntry) e;
            out.add(new DirEntry(d.fileName(), FileStat.of(d.endOfFile(), d.allocationSize(), d.creationTime(),
                    d.lastAccessTime(), d.lastWriteTime(), d.changeTime(), d.fileAttributes())));
        }
        return out;
    }

    /** One page of {@code dir}: its entries, or null at the end of the listing. */
    static Request<List<DirEntry>> pageSend(SmbFile dir, String pattern, boolean first) {
        return pageSend(dir, pattern, first, outputLength(dir.tree()));
    }

    /** One page of {@code dir} of at most {@code outputLength} bytes: its entries, or null at the end of the listing. */
    static Request<List<DirEntry>> pageSend(SmbFile dir, String pattern, boolean first, int outputLength) {
        return dir.tree().send(request(dir.fileId(), pattern, first, outputLength), dir.path(),
                status -> isEnd(status, first), (header, body) -> page(header.status(), body));
    }

    /** Every entry of {@code dir} (an open directory) matching {@code pattern}, all pages. */
    static Request<List<DirEntry>> listSend(SmbFile dir, String pattern) {
        return Coroutine.start(dir.loop(), co -> {
            List<DirEntry> all = new ArrayList<>();
            List<DirEntry> first = co.await(pageSend(dir, pattern, true));
            if (first != null) {
                all.addAll(first);
                rest(co, dir, pattern, all);
            }
            return all;
        });
    }

    /** Adds the pages after the first to {@code all}, until the end of the listing. */
    static void rest(Co co, SmbFile dir, String pattern, List<DirEntry> all) {
        while (true) {
            List<DirEntry> page = co.await(pageSend(dir, pattern, false));
            if (page == null) {
                return;
            }
            all.addAll(page);
        }
    }
}
