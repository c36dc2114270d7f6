package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.Smb2Response;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * MS-SMB2 2.2.6 SMB2 SESSION_SETUP Response. Sent with STATUS_SUCCESS or, mid-exchange, with
 * STATUS_MORE_PROCESSING_REQUIRED. The security buffer is copied (small; the authenticator
 * consumes {@code byte[]}).
 *
 * @param sessionFlags   SessionFlags (2 bytes): {@link SessionFlags#IS_GUEST}, {@link SessionFlags#IS_NULL}, {@link SessionFlags#ENCRYPT_DATA}
 * @param securityBuffer Buffer at SecurityBufferOffset/SecurityBufferLength (2 + 2 bytes)
 */
public record SessionSetupResponse(int sessionFlags, byte[] securityBuffer) implements Smb2Response {
    public static final int STRUCTURE_SIZE = 9;
    private static final int FIXED = 8;
    private static final String NAME = "SESSION_SETUP response";

    @Override
    public Command command() {
        return Command.SESSION_SETUP;
    }

    public boolean isGuest() {
        return (sessionFlags & SessionFlags.IS_GUEST) != 0;
    }

    public boolean isNull() {
        return (sessionFlags & SessionFlags.IS_NULL) != 0;
    }

    public boolean encryptData() {
        return (sessionFlags & SessionFlags.ENCRYPT_DATA) != 0;
    }

    public void encode(ByteBuf out) {
        out.writeShortLE(STRUCTURE_SIZE);       // StructureSize (2 bytes)
        out.writeShortLE(sessionFlags);         // SessionFlags (2 bytes)
        out.writeShortLE(Smb2Header.SIZE + FIXED); // SecurityBufferOffset (2 bytes)
        out.writeShortLE(Body.u16(securityBuffer.length, "SecurityBuffer")); // SecurityBufferLength (2 bytes)
        out.writeBytes(securityBuffer);         // Buffer (variable)
    }

    /** Decodes the body (convention of {@link Wire}). */
    public static SessionSetupResponse decode(ByteBuf in) {
        int hdr = Body.start(in, FIXED, STRUCTURE_SIZE, NAME);
        int flags = in.readUnsignedShortLE();
        int offset = in.readUnsignedShortLE();
        int length = in.readUnsignedShortLE();
        return new SessionSetupResponse(flags, Wire.bytes(in, hdr, offset, length, Smb2Header.SIZE + FIXED, NAME, "SecurityBuffer"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionSetupResponse r && sessionFlags == r.sessionFlags && Arrays.equals(securityBuffer, r.securityBuffer);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(securityBuffer) * 31 + sessionFlags;
    }

    @Override
    public String toString() {
        return String.format("SessionSetupResponse[sessionFlags=0x%X, securityBuffer=%d bytes]", sessionFlags, securityBuffer.length);
    }
}
