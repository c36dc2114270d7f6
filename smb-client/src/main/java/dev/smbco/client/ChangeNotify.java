package dev.smbco.client;

import dev.smbco.coro.Request;
import dev.smbco.protocol.fscc.FileNotifyInformation;
import dev.smbco.protocol.smb2.ChangeNotifyRequest;
import dev.smbco.protocol.smb2.ChangeNotifyResponse;
import java.util.List;

/**
 * MS-SMB2 3.2.4.14 CHANGE_NOTIFY on an open directory handle. The server answers STATUS_PENDING
 * and goes async; the final answer carries FILE_NOTIFY_INFORMATION entries (MS-FSCC 2.7.1), or
 * STATUS_NOTIFY_ENUM_DIR when the changes were too many to describe (an empty list here).
 */
final class ChangeNotify {
    /** MS-ERREF STATUS_NOTIFY_ENUM_DIR: changes happened but were too many to describe. */
    private static final int STATUS_NOTIFY_ENUM_DIR = 0x0000010C;
    /** OutputBufferLength asked for: room for the changes the server may report at once. */
    private static final int OUTPUT_LENGTH = 64 * 1024;

    private ChangeNotify() {
    }

    static Request<List<FileNotifyInformation>> watchSend(SmbFile dir, int completionFilter, boolean subtree) {
        ChangeNotifyRequest req = new ChangeNotifyRequest(subtree ? ChangeNotifyRequest.WATCH_TREE : 0, OUTPUT_LENGTH, dir.fileId(),
                completionFilter);
        return dir.tree().send(req, dir.path(), status -> status == STATUS_NOTIFY_ENUM_DIR, (header, body) -> {
            if (header.status() != 0) {
                return List.of();
            }
            ChangeNotifyResponse r = ChangeNotifyResponse.decode(body);
            try {
                return FileNotifyInformation.decodeList(r.outputBuffer());
            } finally {
                r.outputBuffer().release();
            }
        });
    }
}
