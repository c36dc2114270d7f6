package dev.smbco.protocol.crypto;

import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * MS-SMB2 2.2.41 SMB2 TRANSFORM_HEADER: the 52-byte header in front of an encrypted message
 * (or compound).
 *
 * <pre>
 * ProtocolId (4)  0xFD 'S' 'M' 'B'
 * Signature (16)  the AEAD tag
 * Nonce (16)      CCM uses the first 11 bytes, GCM the first 12; the rest is zero (3.1.1)
 * OriginalMessageSize (4)
 * Reserved (2)
 * Flags (2)       3.1.1; EncryptionAlgorithm in 3.0/3.0.2; 0x0001 = encrypted in both
 * SessionId (8)
 * </pre>
 * The AEAD's additional authenticated data is the 32 bytes from Nonce through SessionId.
 *
 * @param signature           Signature (16 bytes): the AEAD tag
 * @param nonce               Nonce (16 bytes)
 * @param originalMessageSize OriginalMessageSize (4 bytes): the plaintext length
 * @param reserved            Reserved (2 bytes)
 * @param flags               Flags / EncryptionAlgorithm (2 bytes)
 * @param sessionId           SessionId (8 bytes)
 */
public record TransformHeader(byte[] signature, byte[] nonce, int originalMessageSize, int reserved, int flags, long sessionId) {

    /** Length of the header in bytes. */
    public static final int SIZE = 52;
    /** ProtocolId 0xFD 'SMB' as a little-endian int. */
    public static final int PROTOCOL_ID = Smb2Header.TRANSFORM_PROTOCOL_ID;
    /** Flags value for an encrypted message (SMB2_TRANSFORM_HEADER_FLAG_ENCRYPTED / SMB2_ENCRYPTION_AES128_CCM). */
    public static final int FLAG_ENCRYPTED = 0x0001;
    /** Offset of the Signature field. */
    public static final int OFFSET_SIGNATURE = 4;
    /** Offset of the Nonce field, where the additional authenticated data starts. */
    public static final int OFFSET_NONCE = 20;
    /** Offset of the SessionId field. */
    public static final int OFFSET_SESSION_ID = 44;
    /** Length of the additional authenticated data (Nonce through SessionId). */
    public static final int AAD_LENGTH = 32;

    private static final String STRUCTURE = "TRANSFORM_HEADER";

    public TransformHeader {
        if (signature == null || signature.length != 16) {
            throw new IllegalArgumentException("Signature must be 16 bytes");
        }
        if (nonce == null || nonce.length != 16) {
            throw new IllegalArgumentException("Nonce must be 16 bytes");
        }
        if ((reserved & ~0xFFFF) != 0 || (flags & ~0xFFFF) != 0) {
            throw new IllegalArgumentException("Reserved and Flags are 16-bit fields");
        }
        signature = signature.clone();
        nonce = nonce.clone();
    }

    /** Writes the 52 bytes at the writer index. */
    public void encode(ByteBuf out) {
        out.writeIntLE(PROTOCOL_ID);            // ProtocolId (4 bytes)
        out.writeBytes(signature);              // Signature (16 bytes)
        out.writeBytes(nonce);                  // Nonce (16 bytes)
        out.writeIntLE(originalMessageSize);    // OriginalMessageSize (4 bytes)
        out.writeShortLE(reserved);             // Reserved (2 bytes)
        out.writeShortLE(flags);                // Flags / EncryptionAlgorithm (2 bytes)
        out.writeLongLE(sessionId);             // SessionId (8 bytes)
    }

    /**
     * Reads 52 bytes at the reader index and advances past them. Only the structure is checked
     * here (size, ProtocolId); Flags and OriginalMessageSize are the decryptor's business.
     *
     * @throws SmbDecodeException if truncated or the ProtocolId is not 0xFD 'SMB'
     */
    public static TransformHeader decode(ByteBuf in) {
        Wire.require(in, SIZE, STRUCTURE, "header");
        int protocolId = in.readIntLE();
        if (protocolId != PROTOCOL_ID) {
            throw new SmbDecodeException(STRUCTURE, "ProtocolId", String.format("0x%08X is not 0xFD 'SMB'", protocolId));
        }
        byte[] signature = new byte[16];
        in.readBytes(signature);
        byte[] nonce = new byte[16];
        in.readBytes(nonce);
        int size = in.readIntLE();
        int reserved = in.readUnsignedShortLE();
        int flags = in.readUnsignedShortLE();
        long sessionId = in.readLongLE();
        return new TransformHeader(signature, nonce, size, reserved, flags, sessionId);
    }

    /**
     * The SessionId of a transform frame at the reader index, without decoding the rest, so the
     * receiver can find the session (and its decryptor) first. Indices do not move.
     *
     * @throws SmbDecodeException if the frame is shorter than a TRANSFORM_HEADER or not one
     */
    public static long sessionIdOf(ByteBuf frame) {
        Wire.require(frame, SIZE, STRUCTURE, "header");
        int protocolId = frame.getIntLE(frame.readerIndex());
        if (protocolId != PROTOCOL_ID) {
            throw new SmbDecodeException(STRUCTURE, "ProtocolId", String.format("0x%08X is not 0xFD 'SMB'", protocolId));
        }
        return frame.getLongLE(frame.readerIndex() + OFFSET_SESSION_ID);
    }

    /** OriginalMessageSize as an unsigned number. */
    public long originalMessageSizeUnsigned() {
        return Integer.toUnsignedLong(originalMessageSize);
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public byte[] nonce() {
        return nonce.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TransformHeader t
                && Arrays.equals(signature, t.signature) && Arrays.equals(nonce, t.nonce)
                && originalMessageSize == t.originalMessageSize && reserved == t.reserved
                && flags == t.flags && sessionId == t.sessionId;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(sessionId) * 31 + originalMessageSize;
    }

    @Override
    public String toString() {
        return String.format("TransformHeader[sid=0x%016X size=%d flags=0x%04X nonce=%s]",
                sessionId, originalMessageSizeUnsigned(), flags, HexFormat.of().formatHex(nonce));
    }
}
