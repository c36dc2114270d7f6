package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.Smb2Response;
import dev.smbco.protocol.Wire;
import dev.smbco.protocol.status.NtStatus;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * MS-SMB2 2.2.2 SMB2 ERROR Response: the body of every failed response (and of the interim
 * STATUS_PENDING response). The status itself is in the header; {@link ResponseDecoder} passes it in.
 *
 * <p>ErrorData is kept as bytes; with ErrorContextCount &gt; 0 (3.1.1) it is a list of
 * {@link ErrorContext}s, which {@link #decode} validates and {@link #contexts()} returns.
 *
 * @param command           the command this error answers (from the header)
 * @param status            Status of the SMB2 header
 * @param errorContextCount ErrorContextCount (1 byte)
 * @param errorData         ErrorData (ByteCount bytes)
 */
public record ErrorResponse(Command command, int status, int errorContextCount, byte[] errorData) implements Smb2Response {
    public static final int STRUCTURE_SIZE = 9;
    private static final int FIXED = 8;
    private static final String NAME = "ERROR response";

    /** An error response without error data. */
    public static ErrorResponse of(Command command, int status) {
        return new ErrorResponse(command, status, 0, new byte[0]);
    }

    /** The 3.1.1 error contexts (empty when ErrorContextCount is 0). */
    public List<ErrorContext> contexts() {
        return errorContextCount == 0 ? List.of() : ErrorContext.decodeList(errorData, errorContextCount);
    }

    /**
     * The MS-SMB2 2.2.2.2.1 symbolic link data for STATUS_STOPPED_ON_SYMLINK: ErrorData itself, or
     * (3.1.1) the first error context with ErrorId DEFAULT.
     *
     * @throws dev.smbco.protocol.SmbDecodeException if the data is malformed
     */
    public Optional<SymbolicLinkError> symbolicLink() {
        if (status != NtStatus.STATUS_STOPPED_ON_SYMLINK) {
            return Optional.empty();
        }
        if (errorContextCount == 0) {
            return errorData.length == 0 ? Optional.empty() : Optional.of(SymbolicLinkError.decode(errorData));
        }
        return contexts().stream().filter(c -> c.errorId() == ErrorContext.DEFAULT).findFirst()
                .map(c -> SymbolicLinkError.decode(c.data()));
    }

    /** For STATUS_BUFFER_TOO_SMALL (2.2.2.2): the 4-byte minimum buffer length the server needs. */
    public OptionalInt requiredBufferLength() {
        if (status != NtStatus.STATUS_BUFFER_TOO_SMALL || errorContextCount != 0 || errorData.length < 4) {
            return OptionalInt.empty();
        }
        return OptionalInt.of((errorData[0] & 0xFF) | (errorData[1] & 0xFF) << 8 | (errorData[2] & 0xFF) << 16 | (errorData[3] & 0xFF) << 24);
    }

    /** True for the interim response of an asynchronously processed request (3.2.5.1.5). */
    public boolean isPending() {
        return status == NtStatus.STATUS_PENDING;
    }

    /** Writes the body; empty ErrorData is sent as the one zero byte the specification asks for. */
    public void encode(ByteBuf out) {
        out.writeShortLE(STRUCTURE_SIZE);       // StructureSize (2 bytes)
        out.writeByte(errorContextCount);       // ErrorContextCount (1 byte)
        out.writeByte(0);                       // Reserved (1 byte)
        out.writeIntLE(errorData.length);       // ByteCount (4 bytes)
        out.writeBytes(errorData);              // ErrorData (variable)
        if (errorData.length == 0) {
            out.writeByte(0);                   // ErrorData is 1 byte when ByteCount is 0
        }
    }

    /**
     * Decodes the body (convention of {@link Wire}); the ErrorData must lie inside the message and
     * its error contexts, if any, must be well formed.
     */
    public static ErrorResponse decode(Command command, int status, ByteBuf in) {
        int hdr = Body.start(in, FIXED, STRUCTURE_SIZE, NAME);
        int count = in.readUnsignedByte();
        in.skipBytes(1);
        long byteCount = in.readUnsignedIntLE();
        byte[] data = Wire.bytes(in, hdr, Smb2Header.SIZE + FIXED, byteCount, Smb2Header.SIZE + FIXED, NAME, "ByteCount");
        ErrorResponse r = new ErrorResponse(command, status, count, data);
        r.contexts();                           // validate the contexts now, not when someone asks
        return r;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ErrorResponse r && command == r.command && status == r.status
                && errorContextCount == r.errorContextCount && Arrays.equals(errorData, r.errorData);
    }

    @Override
    public int hashCode() {
        return command.hashCode() * 31 + status;
    }

    @Override
    public String toString() {
        return "ErrorResponse[" + command + " " + NtStatus.describe(status) + ", contexts=" + errorContextCount
                + ", errorData=" + errorData.length + " bytes]";
    }
}
