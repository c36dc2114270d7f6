package dev.smbco.protocol.rpc;

import dev.smbco.protocol.SmbDecodeException;
import io.netty.buffer.ByteBuf;

/**
 * Splits a byte stream from a pipe into whole PDUs by their frag_length (C706 12.6): a pipe READ
 * or TRANSCEIVE may return part of a PDU (STATUS_BUFFER_OVERFLOW) or, in principle, more than one.
 */
public final class PduFramer {
    private PduFramer() {
    }

    /**
     * The next whole PDU at {@code in}'s reader index as a slice (no copy, not retained; the reader
     * index moves past it), or null when fewer bytes than the PDU needs are readable yet.
     *
     * @param maxFrag the largest fragment accepted (the max_recv_frag this client announced, or
     *                65535 before a bind)
     */
    public static ByteBuf next(ByteBuf in, int maxFrag) {
        if (in.readableBytes() < PduHeader.SIZE) {
            return null;
        }
        int start = in.readerIndex();
        if (in.getUnsignedByte(start) != PduHeader.VERSION) {
            throw new SmbDecodeException("DCE/RPC PDU header", "rpc_vers", in.getUnsignedByte(start) + " is not 5");
        }
        int fragLength = in.getUnsignedShortLE(start + 8);
        if (fragLength < PduHeader.SIZE || fragLength > maxFrag) {
            throw new SmbDecodeException("DCE/RPC PDU header", "frag_length", fragLength + " is outside [16, " + maxFrag + "]");
        }
        if (in.readableBytes() < fragLength) {
            return null;
        }
        return in.readSlice(fragLength);
    }
}
