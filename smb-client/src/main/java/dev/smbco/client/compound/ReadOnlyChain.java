package dev.smbco.client.compound;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.smb2.CreateDisposition;
import dev.smbco.protocol.smb2.CreateOptions;
import dev.smbco.protocol.smb2.CreateRequest;
import java.util.List;

/**
 * Whether a chain may be sent again when the connection was lost under it (its outcome unknown):
 * only when doing it twice leaves the server as doing it once. That holds for a chain that opens
 * an existing file or directory (CREATE with FILE_OPEN, no delete-on-close) and then only reads
 * (READ, QUERY_INFO, QUERY_DIRECTORY) and closes: a stat, an exists, a small read, the first page
 * of a listing. The chain's CREATE asks for no durable handle, so if the lost sending was executed,
 * the server closed its open with the connection (MS-SMB2 3.3.7.1) and nothing is left behind. A
 * chain that creates, overwrites, writes or sets anything (a small upload, a delete, a rename, a
 * mkdir) is not: the first sending may have been executed, and a second could fail where the first
 * succeeded (a FILE_CREATE finds the file it made) or undo what happened in between.
 */
final class ReadOnlyChain {
    private ReadOnlyChain() {
    }

    static boolean is(List<ChainPart> parts) {
        if (parts.isEmpty() || !(parts.get(0).body() instanceof CreateRequest create)) {
            return false;
        }
        if (create.createDisposition() != CreateDisposition.OPEN || (create.createOptions() & CreateOptions.DELETE_ON_CLOSE) != 0) {
            return false;
        }
        for (ChainPart p : parts.subList(1, parts.size())) {
            Command c = p.body().command();
            if (c != Command.READ && c != Command.QUERY_INFO && c != Command.QUERY_DIRECTORY && c != Command.CLOSE) {
                return false;
            }
        }
        return true;
    }
}
