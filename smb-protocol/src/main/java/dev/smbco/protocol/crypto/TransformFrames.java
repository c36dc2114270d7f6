package dev.smbco.protocol.crypto;

import dev.smbco.protocol.Smb2Header;
import io.netty.buffer.ByteBuf;

/**
 * What a received Direct-TCP frame holds, told by its first four bytes (MS-SMB2 2.2.1, 2.2.41,
 * 2.2.42): the receive path's first step picks decrypt, reject or decode from this.
 */
public final class TransformFrames {
    private TransformFrames() {
    }

    /** The kinds of frame an SMB2 client can receive. */
    public enum Kind {
        /** 0xFE 'SMB': a plain SMB2 message or compound. */
        SMB2,
        /** 0xFD 'SMB': an encrypted message behind a TRANSFORM_HEADER. */
        TRANSFORM,
        /** 0xFC 'SMB': a COMPRESSION_TRANSFORM_HEADER; compression is not supported. */
        COMPRESSED,
        /** 0xFF 'SMB': an SMB1 message (a server answering a multi-protocol negotiate the SMB1 way). */
        SMB1,
        /** Fewer than four bytes or none of the above. */
        GARBAGE
    }

    /** Classifies the frame at the reader index without moving it. */
    public static Kind classify(ByteBuf frame) {
        if (frame.readableBytes() < 4) {
            return Kind.GARBAGE;
        }
        return switch (frame.getIntLE(frame.readerIndex())) {
            case Smb2Header.PROTOCOL_ID -> Kind.SMB2;
            case Smb2Header.TRANSFORM_PROTOCOL_ID -> Kind.TRANSFORM;
            case Smb2Header.COMPRESSION_PROTOCOL_ID -> Kind.COMPRESSED;
            case Smb2Header.SMB1_PROTOCOL_ID -> Kind.SMB1;
            default -> Kind.GARBAGE;
        };
    }

    /** The typed error for a COMPRESSION_TRANSFORM_HEADER frame (we never offer compression). */
    public static SmbCryptoException compressionNotSupported() {
        return new SmbCryptoException(SmbCryptoException.Reason.COMPRESSION_UNSUPPORTED,
                "SMB2 compression is not supported: received a COMPRESSION_TRANSFORM_HEADER (ProtocolId 0xFC 'SMB')");
    }
}
