package dev.smbco.protocol;

import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * MS-SMB2 2.2.1: the 64-byte SMB2 packet header, in its SYNC (2.2.1.2) and ASYNC (2.2.1.1) forms.
 *
 * <p>The header lives outside the message body: the connection fills in message id, credits,
 * session and tree id and flags; a request record is never mutated on its way out. The
 * signature is written by the signer after encoding, so it is normally all zeros here.
 *
 * @param creditCharge   CreditCharge (2 bytes)
 * @param status         Status (4 bytes); in requests ChannelSequence (2) + Reserved (2)
 * @param command        Command (2 bytes)
 * @param credits        CreditRequest in requests / CreditResponse in responses (2 bytes)
 * @param flags          Flags (4 bytes), see the {@code FLAG_*} constants
 * @param nextCommand    NextCommand (4 bytes): offset of the next message in a compound, or 0
 * @param messageId      MessageId (8 bytes)
 * @param asyncId        AsyncId (8 bytes), when {@link #FLAG_ASYNC_COMMAND} is set, else 0
 * @param processId      Reserved/ProcessId (4 bytes), sync form only
 * @param treeId         TreeId (4 bytes), sync form only
 * @param sessionId      SessionId (8 bytes)
 * @param signature      Signature (16 bytes)
 */
public record Smb2Header(
        int creditCharge,
        int status,
        Command command,
        int credits,
        int flags,
        int nextCommand,
        long messageId,
        long asyncId,
        int processId,
        int treeId,
        long sessionId,
        byte[] signature) {

    /** StructureSize of the header, and its length in bytes. */
    public static final int SIZE = 64;
    /** ProtocolId: 0xFE 'S' 'M' 'B' read as a little-endian int. */
    public static final int PROTOCOL_ID = 0x424D53FE;
    /** ProtocolId of the SMB2 TRANSFORM_HEADER (0xFD 'S' 'M' 'B'). */
    public static final int TRANSFORM_PROTOCOL_ID = 0x424D53FD;
    /** ProtocolId of the SMB2 COMPRESSION_TRANSFORM_HEADER (0xFC 'S' 'M' 'B'). */
    public static final int COMPRESSION_PROTOCOL_ID = 0x424D53FC;
    /** ProtocolId of an SMB1 header (0xFF 'S' 'M' 'B'). */
    public static final int SMB1_PROTOCOL_ID = 0x424D53FF;

    public static final int FLAG_SERVER_TO_REDIR = 0x00000001;
    public static final int FLAG_ASYNC_COMMAND = 0x00000002;
    public static final int FLAG_RELATED_OPERATIONS = 0x00000004;
    public static final int FLAG_SIGNED = 0x00000008;
    public static final int FLAG_PRIORITY_MASK = 0x00000070;
    public static final int FLAG_DFS_OPERATIONS = 0x10000000;
    public static final int FLAG_REPLAY_OPERATION = 0x20000000;

    /** Byte offsets of fields inside the header, for in-place patching (signing, compounding). */
    public static final int OFFSET_STATUS = 8;
    public static final int OFFSET_FLAGS = 16;
    public static final int OFFSET_NEXT_COMMAND = 20;
    public static final int OFFSET_MESSAGE_ID = 24;
    public static final int OFFSET_SESSION_ID = 40;
    public static final int OFFSET_SIGNATURE = 48;
    public static final int SIGNATURE_SIZE = 16;

    private static final byte[] NO_SIGNATURE = new byte[SIGNATURE_SIZE];

    public Smb2Header {
        if (command == null) {
            throw new NullPointerException("command");
        }
        signature = signature == null ? NO_SIGNATURE : signature;
        if (signature.length != SIGNATURE_SIZE) {
            throw new IllegalArgumentException("signature must be 16 bytes, not " + signature.length);
        }
    }

    /** A sync request header with everything but the routing fields zero; the connection fills in the rest via the withers. */
    public static Smb2Header request(Command command, long messageId, int creditCharge, int creditRequest, long sessionId, int treeId) {
        return new Smb2Header(creditCharge, 0, command, creditRequest, 0, 0, messageId, 0, 0, treeId, sessionId, null);
    }

    public boolean isResponse() {
        return (flags & FLAG_SERVER_TO_REDIR) != 0;
    }

    public boolean isAsync() {
        return (flags & FLAG_ASYNC_COMMAND) != 0;
    }

    public boolean isSigned() {
        return (flags & FLAG_SIGNED) != 0;
    }

    public boolean isRelated() {
        return (flags & FLAG_RELATED_OPERATIONS) != 0;
    }

    public Smb2Header withFlags(int newFlags) {
        return new Smb2Header(creditCharge, status, command, credits, newFlags, nextCommand, messageId, asyncId, processId, treeId, sessionId, signature);
    }

    public Smb2Header withNextCommand(int next) {
        return new Smb2Header(creditCharge, status, command, credits, flags, next, messageId, asyncId, processId, treeId, sessionId, signature);
    }

    /** Writes the 64 header bytes at the writer index. */
    public void encode(ByteBuf out) {
        out.writeIntLE(PROTOCOL_ID);            // ProtocolId (4 bytes)
        out.writeShortLE(SIZE);                 // StructureSize (2 bytes)
        out.writeShortLE(creditCharge);         // CreditCharge (2 bytes)
        out.writeIntLE(status);                 // Status / ChannelSequence+Reserved (4 bytes)
        out.writeShortLE(command.code());       // Command (2 bytes)
        out.writeShortLE(credits);              // CreditRequest/CreditResponse (2 bytes)
        out.writeIntLE(flags);                  // Flags (4 bytes)
        out.writeIntLE(nextCommand);            // NextCommand (4 bytes)
        out.writeLongLE(messageId);             // MessageId (8 bytes)
        if (isAsync()) {
            out.writeLongLE(asyncId);           // AsyncId (8 bytes)
        } else {
            out.writeIntLE(processId);          // Reserved (4 bytes)
            out.writeIntLE(treeId);             // TreeId (4 bytes)
        }
        out.writeLongLE(sessionId);             // SessionId (8 bytes)
        out.writeBytes(signature);              // Signature (16 bytes)
    }

    /**
     * Reads 64 header bytes at the reader index and advances past them.
     *
     * @throws SmbDecodeException if fewer than 64 bytes are readable, the ProtocolId is not
     *     SMB2's, the StructureSize is not 64 or the command code is unknown
     */
    public static Smb2Header decode(ByteBuf in) {
        Wire.require(in, SIZE, "SMB2 header", "header");
        int protocolId = in.readIntLE();
        if (protocolId != PROTOCOL_ID) {
            throw new SmbDecodeException("SMB2 header", "ProtocolId", String.format("0x%08X is not 0xFE 'SMB'", protocolId));
        }
        Wire.structureSize(in.readUnsignedShortLE(), SIZE, "SMB2 header");
        int creditCharge = in.readUnsignedShortLE();
        int status = in.readIntLE();
        Command command = Command.fromCode(in.readUnsignedShortLE());
        int credits = in.readUnsignedShortLE();
        int flags = in.readIntLE();
        int nextCommand = in.readIntLE();
        long messageId = in.readLongLE();
        long asyncId = 0;
        int processId = 0;
        int treeId = 0;
        if ((flags & FLAG_ASYNC_COMMAND) != 0) {
            asyncId = in.readLongLE();
        } else {
            processId = in.readIntLE();
            treeId = in.readIntLE();
        }
        long sessionId = in.readLongLE();
        byte[] signature = new byte[SIGNATURE_SIZE];
        in.readBytes(signature);
        return new Smb2Header(creditCharge, status, command, credits, flags, nextCommand, messageId, asyncId, processId, treeId, sessionId, signature);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Smb2Header h
                && creditCharge == h.creditCharge && status == h.status && command == h.command
                && credits == h.credits && flags == h.flags && nextCommand == h.nextCommand
                && messageId == h.messageId && asyncId == h.asyncId && processId == h.processId
                && treeId == h.treeId && sessionId == h.sessionId && Arrays.equals(signature, h.signature);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(messageId) * 31 + command.hashCode();
    }

    @Override
    public String toString() {
        return String.format("Smb2Header[%s mid=%d %s status=0x%08X credits=%d charge=%d flags=0x%08X next=%d %s sid=0x%016X]",
                command, messageId, isResponse() ? "response" : "request", status, credits, creditCharge, flags, nextCommand,
                isAsync() ? String.format("async=0x%016X", asyncId) : "tid=0x" + Integer.toHexString(treeId), sessionId);
    }
}
