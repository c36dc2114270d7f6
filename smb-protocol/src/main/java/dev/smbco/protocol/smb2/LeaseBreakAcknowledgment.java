package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Request;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.util.UUID;

/**
 * MS-SMB2 2.2.24.2 Lease Break Acknowledgment.
 *
 * @param flags         Flags (4 bytes), 0
 * @param leaseKey      LeaseKey (16 bytes)
 * @param leaseState    LeaseState (4 bytes), {@link LeaseState}
 * @param leaseDuration LeaseDuration (8 bytes), 0
 */
public record LeaseBreakAcknowledgment(int flags, UUID leaseKey, int leaseState, long leaseDuration) implements Smb2Request {
    public static final int STRUCTURE_SIZE = 36;
    private static final String NAME = "Lease Break Acknowledgment";

    @Override
    public Command command() {
        return Command.OPLOCK_BREAK;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeShortLE(STRUCTURE_SIZE);       // StructureSize (2 bytes)
        out.writeShortLE(0);                    // Reserved (2 bytes)
        out.writeIntLE(flags);                  // Flags (4 bytes)
        Wire.writeGuid(out, leaseKey);          // LeaseKey (16 bytes)
        out.writeIntLE(leaseState);             // LeaseState (4 bytes)
        out.writeLongLE(leaseDuration);         // LeaseDuration (8 bytes)
    }

    /** Decodes the body (convention of {@link Wire}). */
    public static LeaseBreakAcknowledgment decode(ByteBuf in) {
        Body.start(in, STRUCTURE_SIZE, STRUCTURE_SIZE, NAME);
        in.skipBytes(2);
        return new LeaseBreakAcknowledgment(in.readIntLE(), Wire.readGuid(in), in.readIntLE(), in.readLongLE());
    }
}
