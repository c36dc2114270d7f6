package dev.smbco.protocol.crypto;

import dev.smbco.protocol.Smb2Header;
import io.netty.buffer.ByteBuf;

/**
 * What every SMB2 signer shares (MS-SMB2 3.1.4.1, 3.2.5.1.3): sign = set SMB2_FLAGS_SIGNED and
 * write the first 16 bytes of the algorithm's tag; verify = recompute and compare in constant
 * time. Subclasses only compute the tag over the message with its Signature field taken as zero.
 */
abstract sealed class TagSigner implements MessageSigner permits HmacSha256Signer, CmacSigner, GmacSigner {

    /** The tag over the message (signature field as zero); at least 16 bytes, only the first 16 are used. */
    abstract byte[] compute(ByteBuf message);

    @Override
    public final void sign(ByteBuf message) {
        SignedMessage.markSigned(message);
        SignedMessage.writeSignature(message, compute(message));
    }

    @Override
    public final void sign(ByteBuf message, TailDigest tail) {
        SignedMessage.markSigned(message);
        SignedMessage.writeSignature(message, tail == null ? compute(message) : compute(message, tail));
    }

    /** The tag with the last {@code tail.length()} bytes already digested; by default the whole message is computed. */
    byte[] compute(ByteBuf message, TailDigest tail) {
        return compute(message);
    }

    @Override
    public final boolean verify(ByteBuf message, TailDigest tail) {
        return message.readableBytes() >= Smb2Header.SIZE
                && SignedMessage.matches(message, tail == null ? compute(message) : compute(message, tail));
    }

    @Override
    public final boolean verify(ByteBuf message) {
        return message.readableBytes() >= Smb2Header.SIZE && SignedMessage.matches(message, compute(message));
    }
}
