package dev.smbco.protocol.crypto;

import dev.smbco.protocol.Smb2Header;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.security.MessageDigest;

/**
 * The steps every signer shares (MS-SMB2 3.1.4.1): the header is copied with its Signature
 * field zeroed, so the MAC runs over "header with zero signature" + the body bytes straight
 * from the buffer, and the caller's bytes are never zeroed in place.
 */
final class SignedMessage {
    private SignedMessage() {
    }

    /** Copies the 64-byte header at the reader index into {@code header} with the signature zeroed. */
    static void copyHeader(ByteBuf message, byte[] header) {
        message.getBytes(message.readerIndex(), header, 0, Smb2Header.SIZE);
        for (int i = Smb2Header.OFFSET_SIGNATURE; i < Smb2Header.OFFSET_SIGNATURE + Smb2Header.SIGNATURE_SIZE; i++) {
            header[i] = 0;
        }
    }

    /** The body (everything after the header) as NIO views, without copying. */
    static ByteBuffer[] body(ByteBuf message) {
        int start = message.readerIndex() + Smb2Header.SIZE;
        int length = message.writerIndex() - start;
        if (length == 0) {
            return new ByteBuffer[0];
        }
        return message.nioBufferCount() == 1
                ? new ByteBuffer[] {message.nioBuffer(start, length)}
                : message.nioBuffers(start, length);
    }

    /** Prepares a message for signing: checks its size and sets SMB2_FLAGS_SIGNED. */
    static void markSigned(ByteBuf message) {
        if (message.readableBytes() < Smb2Header.SIZE) {
            throw new IllegalArgumentException("cannot sign " + message.readableBytes() + " bytes: an SMB2 message has a 64-byte header");
        }
        int at = message.readerIndex() + Smb2Header.OFFSET_FLAGS;
        message.setIntLE(at, message.getIntLE(at) | Smb2Header.FLAG_SIGNED);
    }

    /** Writes the first 16 bytes of {@code mac} into the Signature field. */
    static void writeSignature(ByteBuf message, byte[] mac) {
        message.setBytes(message.readerIndex() + Smb2Header.OFFSET_SIGNATURE, mac, 0, Smb2Header.SIGNATURE_SIZE);
    }

    /** Constant-time comparison of the received Signature field with the first 16 bytes of {@code mac}. */
    static boolean matches(ByteBuf message, byte[] mac) {
        byte[] received = new byte[Smb2Header.SIGNATURE_SIZE];
        message.getBytes(message.readerIndex() + Smb2Header.OFFSET_SIGNATURE, received);
        byte[] expected = mac.length == Smb2Header.SIGNATURE_SIZE ? mac : java.util.Arrays.copyOf(mac, Smb2Header.SIGNATURE_SIZE);
        return MessageDigest.isEqual(received, expected);
    }
}
