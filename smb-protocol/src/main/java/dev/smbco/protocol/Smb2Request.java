package dev.smbco.protocol;

import io.netty.buffer.ByteBuf;

/**
 * An SMB2 request body (everything after the 64-byte header). Immutable; one record per command.
 *
 * <p>{@link #encode(ByteBuf)} writes the body at the writer index; the header has already been
 * written immediately before it, so a body field that holds an offset "from the beginning of
 * the SMB2 header" is {@code Smb2Header.SIZE + (position - bodyStart)}.
 */
public interface Smb2Request {
    /** The command this body belongs to. */
    Command command();

    /** Writes the body. */
    void encode(ByteBuf out);

    /**
     * This request as it may go out on a connection of {@code dialect} (MS-SMB2 2.2): every field
     * that the dialect reserves ("MUST NOT be used and MUST be reserved. The client MUST set this
     * field to 0") is 0 in the result, whatever the caller put there. The connection calls it with
     * the negotiated dialect before encoding; requests without dialect-dependent fields return
     * themselves.
     */
    default Smb2Request forDialect(Dialect dialect) {
        return this;
    }

    /**
     * Bytes this request moves for credit accounting (MS-SMB2 3.2.4.1.5): the larger of what it
     * sends and what it asks to receive. 0 for small requests.
     */
    default long creditPayloadSize() {
        return 0;
    }

    /**
     * MS-SMB2 3.1.5.2 CreditCharge for this request: {@code (max(send, expected receive) - 1) / 65536 + 1},
     * at least 1. Meaningful for dialects with multi-credit support (2.1 and later); 2.0.2 uses 0.
     */
    default int creditCharge() {
        long size = creditPayloadSize();
        return size <= 0 ? 1 : (int) ((size - 1) / 65536 + 1);
    }
}
