package dev.smbco.client;

import dev.smbco.coro.Request;
import dev.smbco.protocol.fscc.FileInformationClass;
import dev.smbco.protocol.fscc.FileInternalInformation;
import dev.smbco.protocol.smb2.InfoType;
import dev.smbco.protocol.smb2.QueryInfoRequest;
import dev.smbco.protocol.smb2.QueryInfoResponse;

/**
 * The server's file id of an open file (MS-FSCC 2.4.26 FileInternalInformation, queried with
 * MS-SMB2 3.2.4.12 QUERY_INFO): the number that names the file on its volume, the same for every
 * open and every path (hard link) of it. Not to be confused with {@link SmbFile#fileId()}, the
 * handle of one open.
 */
public final class FileIndex {
    private FileIndex() {
    }

    /**
     * Queries the file id of {@code file}'s open (the handle needs no particular access).
     *
     * @param file an open file or directory
     * @return a request for the IndexNumber, a 64-bit number unique on the server's volume
     */
    public static Request<Long> querySend(SmbFile file) {
        return HandleInfoSend.send(file, () -> QueryInfoRequest.of(InfoType.FILE, FileInformationClass.FILE_INTERNAL_INFORMATION.id(),
                FileInternalInformation.SIZE, 0, file.fileId()), (header, body) -> {
            QueryInfoResponse r = QueryInfoResponse.decode(body);
            try {
                return FileInternalInformation.decode(r.outputBuffer()).indexNumber();
            } finally {
                r.release();
            }
        });
    }

    /**
     * Blocking twin of {@link #querySend(SmbFile)}.
     *
     * @param file an open file or directory
     * @return the IndexNumber, unique on the server's volume
     */
    public static long query(SmbFile file) {
        return querySend(file).await();
    }
}
