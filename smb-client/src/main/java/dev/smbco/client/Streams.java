package dev.smbco.client;

import dev.smbco.coro.Request;
import dev.smbco.protocol.fscc.FileInformationClass;
import dev.smbco.protocol.fscc.FileStreamInformation;
import dev.smbco.protocol.smb2.InfoType;
import dev.smbco.protocol.smb2.QueryInfoRequest;
import dev.smbco.protocol.smb2.QueryInfoResponse;
import java.util.List;

/**
 * Alternate data streams (MS-FSCC 2.4.43 FileStreamInformation): the streams of an open file,
 * e.g. {@code ::$DATA} (the main stream) and {@code :notes.txt:$DATA}. A stream is opened like
 * a file, by the name {@code file.txt:notes.txt}.
 */
final class Streams {
    private static final int MAX_OUTPUT = 64 * 1024;

    private Streams() {
    }

    static Request<List<FileStreamInformation>> listSend(SmbFile f) {
        int max = Math.min(MAX_OUTPUT, f.tree().negotiated().maxTransactSize());
        return HandleInfoSend.send(f, () -> QueryInfoRequest.of(InfoType.FILE, FileInformationClass.FILE_STREAM_INFORMATION.id(), max, 0, f.fileId()),
                (header, body) -> {
                    QueryInfoResponse r = QueryInfoResponse.decode(body);
                    try {
                        return r.outputBuffer().isReadable() ? FileStreamInformation.decodeList(r.outputBuffer()) : List.of();
                    } finally {
                        r.release();
                    }
                });
    }
}
