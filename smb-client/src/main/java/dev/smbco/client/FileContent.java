package dev.smbco.client;

import io.netty.buffer.ByteBuf;
import io.netty.util.ReferenceCounted;

/**
 * What {@link SmbTree#readFileSend} read: the file's metadata as of the open and its first bytes.
 * <b>The caller releases it</b> ({@link #release()} releases {@code data}).
 *
 * @param stat size, times and attributes as of the open (CREATE response)
 * @param data the bytes from offset 0; all of the file when {@link #isWhole()}
 */
public record FileContent(FileStat stat, ByteBuf data) implements ReferenceCounted {
    /**
     * Whether {@code data} holds the whole file as it was at the open.
     *
     * @return true when the bytes read reach the size the CREATE response reported
     */
    public boolean isWhole() {
        return data.readableBytes() >= stat.size();
    }

    @Override
    public int refCnt() {
        return data.refCnt();
    }

    @Override
    public FileContent retain() {
        data.retain();
        return this;
    }

    @Override
    public FileContent retain(int increment) {
        data.retain(increment);
        return this;
    }

    @Override
    public FileContent touch() {
        data.touch();
        return this;
    }

    @Override
    public FileContent touch(Object hint) {
        data.touch(hint);
        return this;
    }

    @Override
    public boolean release() {
        return data.release();
    }

    @Override
    public boolean release(int decrement) {
        return data.release(decrement);
    }
}
