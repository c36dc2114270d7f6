package dev.smbco.protocol.smb2;

import io.netty.buffer.ByteBuf;

/**
 * MS-FSCC 2.3.64 FILE_SET_SPARSE_BUFFER: the input of {@link Fsctl#FSCTL_SET_SPARSE}. An empty
 * input buffer also means "set sparse"; we always send the byte.
 *
 * @param setSparse SetSparse (1 byte): TRUE (1) to make the file sparse, FALSE (0) to clear it
 */
public record SetSparseRequest(boolean setSparse) {
    /** The IOCTL input buffer. */
    public byte[] toBytes() {
        return new byte[] {(byte) (setSparse ? 1 : 0)}; // SetSparse (1 byte)
    }

    /** The IOCTL request for an open file. */
    public IoctlRequest toIoctl(FileId fileId) {
        return IoctlRequest.fsctl(Fsctl.FSCTL_SET_SPARSE, fileId, toBytes(), 0);
    }

    /** Decodes from an input buffer; empty means TRUE. */
    public static SetSparseRequest decode(ByteBuf in) {
        return new SetSparseRequest(!in.isReadable() || in.readByte() != 0);
    }
}
