package dev.smbco.client;

import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Request;
import dev.smbco.protocol.fscc.DetailedDirectoryEntry;
import dev.smbco.protocol.fscc.DirectoryEntry;
import dev.smbco.protocol.fscc.DirectoryListing;
import dev.smbco.protocol.fscc.FileInformationClass;
import dev.smbco.protocol.smb2.QueryDirectoryRequest;
import dev.smbco.protocol.smb2.QueryDirectoryResponse;
import java.util.ArrayList;
import java.util.List;

/**
 * MS-SMB2 3.2.4.17 QUERY_DIRECTORY on an open directory handle, page by page: the first request
 * restarts the scan (SMB2_RESTART_SCANS), each later one continues it, until the server answers
 * STATUS_NO_MORE_FILES. STATUS_NO_SUCH_FILE on the first page is a pattern that matches nothing.
 * Entries are FILE_ID_BOTH_DIRECTORY_INFORMATION (MS-FSCC 2.4.17); "." and ".." are left out.
 */
final class DirectoryQuery {
    /** MS-ERREF STATUS_NO_MORE_FILES / STATUS_NO_SUCH_FILE: the end of a listing, or no match. */
    private static final int STATUS_NO_MORE_FILES = 0x80000006;
    private static final int STATUS_NO_SUCH_FILE = 0xC000000F;

    private DirectoryQuery() {
    }

    /** Every entry of {@code dir} (an open directory) matching {@code pattern}, all pages. */
    static Request<List<DirEntry>> listSend(SmbFile dir, String pattern) {
        SmbTree tree = dir.tree();
        int outputLength = Math.min(dir.credits().ioSize(tree.negotiated().maxTransactSize()), 1024 * 1024);
        return Coroutine.start(dir.loop(), co -> {
            List<DirEntry> all = new ArrayList<>();
            boolean first = true;
            while (true) {
                QueryDirectoryRequest q = new QueryDirectoryRequest(FileInformationClass.FILE_ID_BOTH_DIRECTORY_INFORMATION.id(),
                        first ? QueryDirectoryRequest.RESTART_SCANS : 0, 0, dir.fileId(), pattern, outputLength);
                boolean firstPage = first;
                List<DirectoryEntry> page = co.await(tree.send(q, dir.path(),
                        status -> status == STATUS_NO_MORE_FILES || (firstPage && status == STATUS_NO_SUCH_FILE),
                        (header, body) -> {
                            if (header.status() != 0) {
                                return null;
                            }
                            QueryDirectoryResponse r = QueryDirectoryResponse.decode(body);
                            try {
                                return DirectoryListing.decode(FileInformationClass.FILE_ID_BOTH_DIRECTORY_INFORMATION, r.outputBuffer());
                            } finally {
                                r.outputBuffer().release();
                            }
                        }));
                if (page == null) {
                    return all;
                }
                first = false;
                for (DirectoryEntry e : page) {
                    if (e.fileName().equals(".") || e.fileName().equals("..")) {
                        continue;
                    }
                    DetailedDirectoryEntry d = (DetailedDirectoryEntry) e;
                    all.add(new DirEntry(d.fileName(), FileStat.of(d.endOfFile(), d.allocationSize(), d.creationTime(),
                            d.lastAccessTime(), d.lastWriteTime(), d.changeTime(), d.fileAttributes())));
                }
            }
        });
    }
}
