package dev.smbco.client;

import dev.smbco.client.internal.SmbPaths;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Request;
import dev.smbco.protocol.fscc.FileInformation;
import dev.smbco.protocol.smb2.CreateDisposition;
import dev.smbco.protocol.smb2.InfoType;
import dev.smbco.protocol.smb2.SetInfoRequest;
import dev.smbco.protocol.smb2.ShareAccess;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.List;

/**
 * MS-SMB2 3.2.4.13 SET_INFO of one piece of file information (InfoType FILE): on an open handle,
 * or on a path, which is opened, set and closed (CREATE + SET_INFO + CLOSE, one round trip where
 * the connection compounds: {@link TreeComposites#setInfo}).
 */
final class PathSetInfo {
    private PathSetInfo() {
    }

    /** Opens {@code path} with {@code access} and {@code createOptions}, sets {@code information}, closes. */
    static Request<Void> send(SmbTree tree, String path, int access, int createOptions, FileInformation information) {
        String p = SmbPaths.normalize(path);
        OpenOptions o = new OpenOptions(access, ShareAccess.ALL, CreateDisposition.OPEN, createOptions, 0, List.of());
        Request<Void> refused = tree.refuseIfClosed("CREATE " + tree.unc(p));
        return refused != null ? refused : tree.composites().setInfo(p, o, information, () -> Coroutine.start(tree.loop(), co -> {
            try (SmbFile f = co.await(tree.openSend(p, o))) {
                co.await(f.setInfoSend(information));
            }
            return null;
        }));
    }

    /** The InputBuffer of a SET_INFO: {@code information} encoded (MS-FSCC 2.4). */
    static byte[] encode(FileInformation information) {
        ByteBuf b = Unpooled.buffer();
        try {
            information.encode(b);
            return ByteBufUtil.getBytes(b);
        } finally {
            b.release();
        }
    }

    /** SET_INFO of {@code information} on {@code f}'s handle. */
    static SetInfoRequest request(SmbFile f, FileInformation information) {
        return new SetInfoRequest(InfoType.FILE, information.infoClass().id(), 0, f.fileId(), encode(information));
    }
}
