package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Smb2Response;
import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCounted;

/**
 * A response whose variable part is a <b>retained slice</b> of the received frame (READ data,
 * QUERY_DIRECTORY / QUERY_INFO / CHANGE_NOTIFY output, IOCTL output): no copy is made.
 *
 * <p>Ownership: the decoder retains the slice once; the holder of the response releases it
 * exactly once ({@link #release()}), after which {@link #payload()} must not be touched. The
 * frame itself may be released independently by whoever owns it. Reference counting delegates
 * to the payload slice.
 */
public interface PayloadResponse extends Smb2Response, ReferenceCounted {
    /** The payload slice (readable bytes = the payload); shares memory with the frame. */
    ByteBuf payload();

    @Override
    default int refCnt() {
        return payload().refCnt();
    }

    @Override
    default PayloadResponse retain() {
        payload().retain();
        return this;
    }

    @Override
    default PayloadResponse retain(int increment) {
        payload().retain(increment);
        return this;
    }

    @Override
    default PayloadResponse touch() {
        payload().touch();
        return this;
    }

    @Override
    default PayloadResponse touch(Object hint) {
        payload().touch(hint);
        return this;
    }

    @Override
    default boolean release() {
        return payload().release();
    }

    @Override
    default boolean release(int decrement) {
        return payload().release(decrement);
    }
}
