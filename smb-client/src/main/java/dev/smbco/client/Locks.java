package dev.smbco.client;

import dev.smbco.client.internal.Undo;
import dev.smbco.coro.Request;
import dev.smbco.protocol.smb2.LockElement;
import dev.smbco.protocol.smb2.LockRequest;
import java.util.List;

/**
 * MS-SMB2 3.2.4.19 byte-range locks on an open file. A lock that may wait goes async on the
 * server (STATUS_PENDING) and completes when the range is free; cancelling its request sends
 * SMB2 CANCEL. A fail-immediately lock on a held range fails with STATUS_LOCK_NOT_GRANTED.
 */
final class Locks {
    private Locks() {
    }

    static Request<Void> lockSend(SmbFile f, LockRange range, boolean failImmediately) {
        int flags = (range.exclusive() ? LockElement.EXCLUSIVE_LOCK : LockElement.SHARED_LOCK)
                | (failImmediately ? LockElement.FAIL_IMMEDIATELY : 0);
        return send(f, new LockElement(range.offset(), range.length(), flags));
    }

    static Request<Void> unlockSend(SmbFile f, LockRange range) {
        return send(f, new LockElement(range.offset(), range.length(), LockElement.UNLOCK));
    }

    private static Request<Void> send(SmbFile f, LockElement element) {
        // LockSequence 0: we do not ask for resilient or persistent handles (MS-SMB2 3.2.4.19)
        LockRequest req = new LockRequest(0, f.fileId(), List.of(element));
        if ((element.flags() & LockElement.UNLOCK) != 0) {
            return f.tree().send(req, f.path(), (header, body) -> null);
        }
        return f.tree().send(req, f.path(), null, (header, body) -> null,
                (header, body) -> unlockUnclaimed(f, element));
    }

    /** The undo of a LOCK granted after its request ended: UNLOCK the same range on the same handle, unless it is closed. */
    private static void unlockUnclaimed(SmbFile f, LockElement granted) {
        if (!f.isOpen()) {
            return; // closing the handle released its locks (MS-SMB2 3.3.5.10)
        }
        LockElement unlock = new LockElement(granted.offset(), granted.length(), LockElement.UNLOCK);
        Undo.send(f.tree().session().connection().sender(), new LockRequest(0, f.fileId(), List.of(unlock)), f.tree().route(),
                "UNLOCK (undo) " + f.unc(), f.tree().config().requestTimeout());
    }
}
