package dev.smbco.client;

import dev.smbco.client.internal.ResponseParser;
import dev.smbco.client.resilience.internal.Resend;
import dev.smbco.coro.Request;
import dev.smbco.protocol.Smb2Request;
import java.util.function.Supplier;

/**
 * QUERY_INFO and SET_INFO through a file's handle (MS-SMB2 3.2.4.12, 3.2.4.13), sent again when
 * the connection was lost under one and the reconnection reopened the handle: asking again
 * returns what the server holds, and setting the same information again leaves the server as the
 * first sending would have (the list of requests safe to replay). Like a resent READ or
 * WRITE it goes without SMB2_FLAGS_REPLAY_OPERATION ({@link Resend} says why). A
 * rename or a hard link is not resent: sent again after it succeeded it would fail, or act twice
 * ({@link #setInfo}).
 */
final class HandleInfoSend {
    private HandleInfoSend() {
    }

    /**
     * Sends the request {@code body} builds (anew for each sending: the FileId may have changed)
     * through {@code f}'s handle, again after each drop the connection recovers from.
     */
    static <R> Request<R> send(SmbFile f, Supplier<Smb2Request> body, ResponseParser<R> parser) {
        return Resend.idempotent(f.loop(), Resend.tries(f.tree().config().reconnect()),
                replay -> f.tree().send(body.get(), f.path(), parser)); // no REPLAY flag: Resend says why
    }

    /** SET_INFO of {@code information} on {@code f}'s handle: sent again after a drop unless it is a rename or a hard link. */
    static Request<Void> setInfo(SmbFile f, dev.smbco.protocol.fscc.FileInformation information) {
        if (information instanceof dev.smbco.protocol.fscc.FileRenameInformation
                || information instanceof dev.smbco.protocol.fscc.FileLinkInformation) {
            return f.tree().send(PathSetInfo.request(f, information), f.path(), (header, body) -> null);
        }
        return send(f, () -> PathSetInfo.request(f, information), (header, body) -> null);
    }
}
