package dev.smbco.client;

import dev.smbco.client.rpc.internal.PipeIo;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Request;
import dev.smbco.protocol.smb2.AccessMask;
import dev.smbco.protocol.smb2.CreateDisposition;
import dev.smbco.protocol.smb2.IoctlRequest;
import dev.smbco.protocol.smb2.IoctlResponse;
import dev.smbco.protocol.smb2.ReadRequest;
import dev.smbco.protocol.smb2.ReadResponse;
import dev.smbco.protocol.smb2.ShareAccess;
import dev.smbco.protocol.status.NtStatus;
import io.netty.buffer.ByteBufUtil;
import java.util.List;

/**
 * A named pipe opened on a session's IPC$ tree (MS-SMB2 3.2.4.3 CREATE of the pipe's name), as
 * the RPC layer ({@code client/rpc}) uses it: FSCTL_PIPE_TRANSCEIVE (MS-SMB2 3.2.4.20.4) and READ,
 * where STATUS_BUFFER_OVERFLOW means "the message goes on" rather than failure (MS-SMB2 3.2.5.12,
 * 3.3.4.4). Closing closes the handle and disconnects the IPC$ tree it was opened on. Lives in this
 * package because IOCTL and the tree's request path are package-private.
 */
final class NamedPipe implements PipeIo {
    /** What {@code smbclient} asks for on a pipe: read, write, attributes, EAs, READ_CONTROL, SYNCHRONIZE. */
    private static final int ACCESS = AccessMask.FILE_READ_DATA | AccessMask.FILE_WRITE_DATA | AccessMask.FILE_APPEND_DATA
            | AccessMask.FILE_READ_EA | AccessMask.FILE_WRITE_EA | AccessMask.FILE_READ_ATTRIBUTES
            | AccessMask.FILE_WRITE_ATTRIBUTES | AccessMask.READ_CONTROL | AccessMask.SYNCHRONIZE;
    private static final OpenOptions OPEN = new OpenOptions(ACCESS, ShareAccess.READ | ShareAccess.WRITE, CreateDisposition.OPEN,
            0, 0, List.of());

    private final SmbTree tree;
    private final SmbFile file;

    private NamedPipe(SmbTree tree, SmbFile file) {
        this.tree = tree;
        this.file = file;
    }

    /** Connects IPC$ and opens the pipe {@code name} (e.g. {@code srvsvc}). */
    static Request<PipeIo> openSend(SmbSession session, String name) {
        return Coroutine.start(session.connection().loop(), co -> {
            SmbTree ipc = co.await(session.treeConnectSend("IPC$"));
            try {
                return new NamedPipe(ipc, co.await(ipc.openSend(name, OPEN)));
            } catch (RuntimeException e) {
                ipc.disconnectSend(); // nothing else will use this tree; its answer does not matter
                throw e;
            }
        });
    }

    @Override
    public Request<Reply> transceiveSend(byte[] data, int maxOutput) {
        return tree.send(IoctlRequest.pipeTransceive(file.fileId(), data, maxOutput), file.path(),
                status -> status == NtStatus.STATUS_BUFFER_OVERFLOW, (header, body) -> {
                    IoctlResponse r = IoctlResponse.decode(body);
                    try {
                        return new Reply(ByteBufUtil.getBytes(r.output()), header.status() == NtStatus.STATUS_BUFFER_OVERFLOW);
                    } finally {
                        r.release();
                    }
                });
    }

    @Override
    public Request<Reply> readSend(int max) {
        return tree.send(ReadRequest.of(file.fileId(), 0, max), file.path(), status -> status == NtStatus.STATUS_BUFFER_OVERFLOW,
                (header, body) -> {
                    ReadResponse r = ReadResponse.decode(body);
                    try {
                        return new Reply(ByteBufUtil.getBytes(r.data()), header.status() == NtStatus.STATUS_BUFFER_OVERFLOW);
                    } finally {
                        r.release();
                    }
                });
    }

    @Override
    public Request<Void> closeSend() {
        return Coroutine.start(tree.loop(), co -> {
            try {
                co.await(file.closeSend());
            } finally {
                co.await(tree.disconnectSend());
            }
            return null;
        });
    }

    @Override
    public String name() {
        return file.unc();
    }
}
