package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.Smb2Request;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * MS-SMB2 2.2.5 SMB2 SESSION_SETUP Request.
 *
 * @param flags             Flags (1 byte): {@link SessionFlags#BINDING}
 * @param securityMode      SecurityMode (1 byte), {@link SecurityMode}
 * @param capabilities      Capabilities (4 bytes), {@link Capabilities}
 * @param channel           Channel (4 bytes), 0
 * @param previousSessionId PreviousSessionId (8 bytes)
 * @param securityBuffer    Buffer at SecurityBufferOffset/SecurityBufferLength (2 + 2 bytes): the GSS token
 */
public record SessionSetupRequest(int flags, int securityMode, int capabilities, int channel, long previousSessionId,
                                  byte[] securityBuffer) implements Smb2Request {
    public static final int STRUCTURE_SIZE = 25;
    private static final int FIXED = 24;
    private static final String NAME = "SESSION_SETUP request";

    @Override
    public Command command() {
        return Command.SESSION_SETUP;
    }

    /**
     * MS-SMB2 2.2.5: Flags (binding) exist from 3.0 on; Channel is reserved (0) in every dialect;
     * of the Capabilities only SMB2_GLOBAL_CAP_DFS is defined, the rest is reserved.
     */
    @Override
    public SessionSetupRequest forDialect(Dialect dialect) {
        int f = dialect.isSmb3() ? flags : 0;
        int caps = capabilities & Capabilities.DFS;
        return f == flags && channel == 0 && caps == capabilities ? this
                : new SessionSetupRequest(f, securityMode, caps, 0, previousSessionId, securityBuffer);
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeShortLE(STRUCTURE_SIZE);       // StructureSize (2 bytes)
        out.writeByte(flags);                   // Flags (1 byte)
        out.writeByte(securityMode);            // SecurityMode (1 byte)
        out.writeIntLE(capabilities);           // Capabilities (4 bytes)
        out.writeIntLE(channel);                // Channel (4 bytes)
        out.writeShortLE(Smb2Header.SIZE + FIXED); // SecurityBufferOffset (2 bytes)
        out.writeShortLE(Body.u16(securityBuffer.length, "SecurityBuffer")); // SecurityBufferLength (2 bytes)
        out.writeLongLE(previousSessionId);     // PreviousSessionId (8 bytes)
        out.writeBytes(securityBuffer);         // Buffer (variable)
    }

    /** Decodes the body (convention of {@link Wire}). */
    public static SessionSetupRequest decode(ByteBuf in) {
        int hdr = Body.start(in, FIXED, STRUCTURE_SIZE, NAME);
        int flags = in.readUnsignedByte();
        int securityMode = in.readUnsignedByte();
        int capabilities = in.readIntLE();
        int channel = in.readIntLE();
        int offset = in.readUnsignedShortLE();
        int length = in.readUnsignedShortLE();
        long previous = in.readLongLE();
        byte[] buffer = Wire.bytes(in, hdr, offset, length, Smb2Header.SIZE + FIXED, NAME, "SecurityBuffer");
        return new SessionSetupRequest(flags, securityMode, capabilities, channel, previous, buffer);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionSetupRequest r && flags == r.flags && securityMode == r.securityMode
                && capabilities == r.capabilities && channel == r.channel && previousSessionId == r.previousSessionId
                && Arrays.equals(securityBuffer, r.securityBuffer);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(securityBuffer) * 31 + flags;
    }

    @Override
    public String toString() {
        return String.format("SessionSetupRequest[flags=0x%X, securityMode=0x%X, capabilities=0x%X, channel=%d, previousSessionId=0x%X, "
                + "securityBuffer=%d bytes]", flags, securityMode, capabilities, channel, previousSessionId, securityBuffer.length);
    }
}
