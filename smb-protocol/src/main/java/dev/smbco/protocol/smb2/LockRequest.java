package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.Smb2Request;
import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * MS-SMB2 2.2.26 SMB2 LOCK Request.
 *
 * @param lockSequence LockSequenceNumber (4 bits) / LockSequenceIndex (28 bits), as one 4-byte value
 * @param fileId       FileId (16 bytes)
 * @param locks        Locks (24 bytes each), LockCount (2 bytes) of them, at least one
 */
public record LockRequest(int lockSequence, FileId fileId, List<LockElement> locks) implements Smb2Request {
    public static final int STRUCTURE_SIZE = 48;
    private static final int FIXED = 24;
    private static final String NAME = "LOCK request";

    public LockRequest {
        locks = List.copyOf(locks);
        if (locks.isEmpty() || locks.size() > 0xFFFF) {
            throw new IllegalArgumentException("a LOCK request carries 1..65535 lock elements, not " + locks.size());
        }
    }

    @Override
    public Command command() {
        return Command.LOCK;
    }

    /** MS-SMB2 2.2.26: LockSequenceNumber/LockSequenceIndex is reserved (0) in 2.0.2. */
    @Override
    public LockRequest forDialect(Dialect dialect) {
        return dialect == Dialect.SMB2_02 && lockSequence != 0 ? new LockRequest(0, fileId, locks) : this;
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeShortLE(STRUCTURE_SIZE);       // StructureSize (2 bytes)
        out.writeShortLE(locks.size());         // LockCount (2 bytes)
        out.writeIntLE(lockSequence);           // LockSequenceNumber/LockSequenceIndex (4 bytes)
        fileId.encode(out);                     // FileId (16 bytes)
        for (LockElement l : locks) {
            l.encode(out);                      // Locks (24 bytes each)
        }
    }

    /** Decodes the body (convention of {@link Wire}). */
    public static LockRequest decode(ByteBuf in) {
        Body.start(in, FIXED, STRUCTURE_SIZE, NAME);
        int count = in.readUnsignedShortLE();
        int sequence = in.readIntLE();
        FileId fileId = FileId.decode(in);
        if (count == 0) {
            throw new SmbDecodeException(NAME, "LockCount", "is 0");
        }
        Wire.count(in, count, LockElement.SIZE, NAME, "LockCount");
        List<LockElement> locks = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            locks.add(LockElement.decode(in));
        }
        return new LockRequest(sequence, fileId, locks);
    }
}
