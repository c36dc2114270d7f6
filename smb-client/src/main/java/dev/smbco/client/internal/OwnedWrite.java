package dev.smbco.client.internal;

import dev.smbco.client.engine.SplitBody;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Request;
import dev.smbco.protocol.crypto.TailDigest;
import dev.smbco.protocol.smb2.FileId;
import dev.smbco.protocol.smb2.WriteRequest;
import io.netty.buffer.ByteBuf;
import io.netty.util.AbstractReferenceCounted;
import io.netty.util.ReferenceCounted;

/**
 * A WRITE whose data the engine owns: it holds a retained slice of the caller's buffer until the
 * request is encoded (or dropped unsent), when the engine releases this object and so the slice.
 */
public final class OwnedWrite extends AbstractReferenceCounted implements Smb2Request, SplitBody {
    private final WriteRequest request;
    private final TailDigest digest;

    /**
     * @param data   a retained slice; ownership passes to this object
     * @param digest the data's signature share (see {@link SplitBody#payloadDigest}), or null
     */
    public OwnedWrite(FileId fileId, long offset, ByteBuf data, TailDigest digest) {
        this.request = WriteRequest.of(fileId, offset, data);
        this.digest = digest;
    }

    /** The handle the WRITE goes to. */
    public FileId fileId() {
        return request.fileId();
    }

    /**
     * The same WRITE to another handle (a reconnection reopened it under a new FileId): the result
     * takes a reference of its own on the data; this object keeps its reference. The data's
     * signature share is dropped: it was computed with the lost session's signing key.
     */
    public OwnedWrite retarget(FileId id) {
        return new OwnedWrite(id, request.offset(), request.data().retain(), null);
    }

    @Override
    public Command command() {
        return Command.WRITE;
    }

    @Override
    public long creditPayloadSize() {
        return request.creditPayloadSize();
    }

    @Override
    public void encode(ByteBuf out) {
        request.encode(out);
    }

    @Override
    public void encodeHead(ByteBuf out) {
        request.encodeFixed(out);
    }

    @Override
    public ByteBuf payload() {
        return request.data();
    }

    @Override
    public TailDigest payloadDigest() {
        return digest;
    }

    @Override
    protected void deallocate() {
        request.data().release();
    }

    @Override
    public ReferenceCounted touch(Object hint) {
        request.data().touch(hint);
        return this;
    }
}
