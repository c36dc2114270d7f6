package dev.smbco.client.resilience.internal;

import dev.smbco.client.internal.OwnedWrite;
import dev.smbco.protocol.Smb2Request;
import dev.smbco.protocol.smb2.ChangeNotifyRequest;
import dev.smbco.protocol.smb2.CloseRequest;
import dev.smbco.protocol.smb2.FileId;
import dev.smbco.protocol.smb2.FlushRequest;
import dev.smbco.protocol.smb2.IoctlRequest;
import dev.smbco.protocol.smb2.LockRequest;
import dev.smbco.protocol.smb2.QueryDirectoryRequest;
import dev.smbco.protocol.smb2.QueryInfoRequest;
import dev.smbco.protocol.smb2.ReadRequest;
import dev.smbco.protocol.smb2.SetInfoRequest;

/**
 * The FileId a request body names, and the same body naming another: a request that waited while
 * the connection was re-established goes to the handle the reconnection reopened (MS-SMB2 3.2.4.4
 * gives the reopened open a new FileId). Bodies without a FileId come back unchanged.
 */
public final class HandleTarget {
    private HandleTarget() {
    }

    /** The FileId {@code body} names, or null. */
    public static FileId fileIdOf(Smb2Request body) {
        return switch (body) {
            case ReadRequest r -> r.fileId();
            case OwnedWrite w -> w.fileId();
            case CloseRequest c -> c.fileId();
            case FlushRequest f -> f.fileId();
            case QueryInfoRequest q -> q.fileId();
            case SetInfoRequest s -> s.fileId();
            case IoctlRequest i -> i.fileId();
            case LockRequest l -> l.fileId();
            case QueryDirectoryRequest q -> q.fileId();
            case ChangeNotifyRequest n -> n.fileId();
            default -> null;
        };
    }

    /**
     * {@code body} naming {@code id}. A WRITE's result holds a reference of its own on the data
     * ({@link OwnedWrite#retarget}); the caller still releases {@code body}.
     */
    public static Smb2Request withFileId(Smb2Request body, FileId id) {
        return switch (body) {
            case ReadRequest r -> new ReadRequest(r.padding(), r.flags(), r.length(), r.offset(), id, r.minimumCount(), r.channel(),
                    r.remainingBytes());
            case OwnedWrite w -> w.retarget(id);
            case CloseRequest c -> new CloseRequest(c.flags(), id);
            case FlushRequest f -> new FlushRequest(id);
            case QueryInfoRequest q -> new QueryInfoRequest(q.infoType(), q.fileInfoClass(), q.outputBufferLength(),
                    q.additionalInformation(), q.flags(), id, q.inputBuffer());
            case SetInfoRequest s -> new SetInfoRequest(s.infoType(), s.fileInfoClass(), s.additionalInformation(), id, s.buffer());
            case IoctlRequest i -> new IoctlRequest(i.ctlCode(), id, i.input(), i.maxInputResponse(), i.maxOutputResponse(), i.flags());
            case LockRequest l -> new LockRequest(l.lockSequence(), id, l.locks());
            case QueryDirectoryRequest q -> new QueryDirectoryRequest(q.fileInformationClass(), q.flags(), q.fileIndex(), id, q.pattern(),
                    q.outputBufferLength());
            case ChangeNotifyRequest n -> new ChangeNotifyRequest(n.flags(), n.outputBufferLength(), id, n.completionFilter());
            default -> body;
        };
    }
}
