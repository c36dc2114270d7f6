package dev.smbco.protocol;

/**
 * A decoded SMB2 response body. Each command's response is a record with a
 * {@code static decode(ByteBuf)} following the convention in {@link Wire}.
 * A response that holds a slice of the inbound frame (a READ's data) is also
 * {@link io.netty.util.ReferenceCounted}; its holder releases it.
 */
public interface Smb2Response {
    /** The command this response answers. */
    Command command();
}
