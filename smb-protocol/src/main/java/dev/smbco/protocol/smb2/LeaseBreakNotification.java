package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Response;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.util.UUID;

/**
 * MS-SMB2 2.2.23.2 Lease Break Notification.
 *
 * @param newEpoch          NewEpoch (2 bytes)
 * @param flags             Flags (4 bytes): {@link #ACK_REQUIRED}
 * @param leaseKey          LeaseKey (16 bytes)
 * @param currentLeaseState CurrentLeaseState (4 bytes), {@link LeaseState}
 * @param newLeaseState     NewLeaseState (4 bytes), {@link LeaseState}
 * @param breakReason       BreakReason (4 bytes), 0
 * @param accessMaskHint    AccessMaskHint (4 bytes), 0
 * @param shareMaskHint     ShareMaskHint (4 bytes), 0
 */
public record LeaseBreakNotification(int newEpoch, int flags, UUID leaseKey, int currentLeaseState, int newLeaseState,
                                     int breakReason, int accessMaskHint, int shareMaskHint) implements Smb2Response {
    public static final int STRUCTURE_SIZE = 44;
    /** SMB2_NOTIFY_BREAK_LEASE_FLAG_ACK_REQUIRED. */
    public static final int ACK_REQUIRED = 0x00000001;
    private static final String NAME = "Lease Break Notification";

    @Override
    public Command command() {
        return Command.OPLOCK_BREAK;
    }

    public void encode(ByteBuf out) {
        out.writeShortLE(STRUCTURE_SIZE);       // StructureSize (2 bytes)
        out.writeShortLE(newEpoch);             // NewEpoch (2 bytes)
        out.writeIntLE(flags);                  // Flags (4 bytes)
        Wire.writeGuid(out, leaseKey);          // LeaseKey (16 bytes)
        out.writeIntLE(currentLeaseState);      // CurrentLeaseState (4 bytes)
        out.writeIntLE(newLeaseState);          // NewLeaseState (4 bytes)
        out.writeIntLE(breakReason);            // BreakReason (4 bytes)
        out.writeIntLE(accessMaskHint);         // AccessMaskHint (4 bytes)
        out.writeIntLE(shareMaskHint);          // ShareMaskHint (4 bytes)
    }

    /** Decodes the body (convention of {@link Wire}). */
    public static LeaseBreakNotification decode(ByteBuf in) {
        Body.start(in, STRUCTURE_SIZE, STRUCTURE_SIZE, NAME);
        return new LeaseBreakNotification(in.readUnsignedShortLE(), in.readIntLE(), Wire.readGuid(in), in.readIntLE(),
                in.readIntLE(), in.readIntLE(), in.readIntLE(), in.readIntLE());
    }
}
