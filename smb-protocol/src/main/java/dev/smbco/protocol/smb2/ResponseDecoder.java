package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.Smb2Response;
import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.status.NtStatus;
import io.netty.buffer.ByteBuf;

/**
 * Decodes a response body by its command, choosing between the command's own response and the
 * MS-SMB2 2.2.2 ERROR response by the rule of MS-SMB2 3.3.4.4 (the server side of the rule the
 * client relies on in 3.2.5.1.x):
 *
 * <ul>
 *   <li>STATUS_PENDING (the interim response of 3.3.4.2) always has an ERROR body;</li>
 *   <li>any other success or informational status (e.g. STATUS_NOTIFY_ENUM_DIR for CHANGE_NOTIFY)
 *       has the command's body;</li>
 *   <li>a warning or error status has an ERROR body, except:
 *     STATUS_MORE_PROCESSING_REQUIRED for SESSION_SETUP;
 *     STATUS_BUFFER_OVERFLOW for QUERY_INFO;
 *     STATUS_BUFFER_OVERFLOW for READ (named pipes) and for IOCTL (FSCTL_PIPE_TRANSCEIVE,
 *       FSCTL_PIPE_PEEK, FSCTL_DFS_GET_REFERRALS);
 *     STATUS_INVALID_PARAMETER for IOCTL FSCTL_SRV_COPYCHUNK(_WRITE) carrying an SRV_COPYCHUNK_RESPONSE.
 *     For READ and IOCTL the exception applies only to some files/FSCTLs, so there the body's
 *     StructureSize decides: 9 is an ERROR body, the command's own size (17 / 49) is not.</li>
 * </ul>
 *
 * <p>Decoder convention of {@link dev.smbco.protocol.Wire}: reader index at the body, the header
 * 64 bytes before it, message end at the writer index. A returned {@link PayloadResponse} holds
 * a retained slice of the buffer and must be released by its holder.
 */
public final class ResponseDecoder {
    private ResponseDecoder() {
    }

    /** Decodes the body that follows {@code header}. */
    public static Smb2Response decode(Smb2Header header, ByteBuf body) {
        return decode(header.command(), header.status(), body);
    }

    /**
     * Decodes a response body.
     *
     * @throws SmbDecodeException if the body is malformed (the only exception this throws on bad input)
     */
    public static Smb2Response decode(Command command, int status, ByteBuf body) {
        if (isErrorResponse(command, status, body)) {
            return ErrorResponse.decode(command, status, body);
        }
        return switch (command) {
            case NEGOTIATE -> NegotiateResponse.decode(body);
            case SESSION_SETUP -> SessionSetupResponse.decode(body);
            case LOGOFF -> LogoffResponse.decode(body);
            case TREE_CONNECT -> TreeConnectResponse.decode(body);
            case TREE_DISCONNECT -> TreeDisconnectResponse.decode(body);
            case CREATE -> CreateResponse.decode(body);
            case CLOSE -> CloseResponse.decode(body);
            case FLUSH -> FlushResponse.decode(body);
            case READ -> ReadResponse.decode(body);
            case WRITE -> WriteResponse.decode(body);
            case LOCK -> LockResponse.decode(body);
            case IOCTL -> IoctlResponse.decode(body);
            case CANCEL -> throw new SmbDecodeException("CANCEL response", "Command", "CANCEL has no response (MS-SMB2 2.2.30)");
            case ECHO -> EchoResponse.decode(body);
            case QUERY_DIRECTORY -> QueryDirectoryResponse.decode(body);
            case CHANGE_NOTIFY -> ChangeNotifyResponse.decode(body);
            case QUERY_INFO -> QueryInfoResponse.decode(body);
            case SET_INFO -> SetInfoResponse.decode(body);
            case OPLOCK_BREAK -> decodeOplockBreak(body);
        };
    }

    /** True if a response with this command and status carries an ERROR body (see the class comment). */
    public static boolean isErrorResponse(Command command, int status, ByteBuf body) {
        if (status == NtStatus.STATUS_PENDING) {
            return true;
        }
        if (NtStatus.isSuccess(status)) {
            return false;
        }
        return switch (command) {
            case SESSION_SETUP -> status != NtStatus.STATUS_MORE_PROCESSING_REQUIRED;
            case QUERY_INFO -> status != NtStatus.STATUS_BUFFER_OVERFLOW;
            case READ -> status != NtStatus.STATUS_BUFFER_OVERFLOW || structureSize(body) != ReadResponse.STRUCTURE_SIZE;
            case IOCTL -> (status != NtStatus.STATUS_BUFFER_OVERFLOW && status != NtStatus.STATUS_INVALID_PARAMETER)
                    || structureSize(body) != IoctlResponse.STRUCTURE_SIZE;
            default -> true;
        };
    }

    /** The three OPLOCK_BREAK response layouts are told apart by StructureSize (MS-SMB2 3.2.5.19). */
    private static Smb2Response decodeOplockBreak(ByteBuf body) {
        int size = structureSize(body);
        return switch (size) {
            case OplockBreakNotification.STRUCTURE_SIZE -> OplockBreakNotification.decode(body);
            case LeaseBreakNotification.STRUCTURE_SIZE -> LeaseBreakNotification.decode(body);
            case LeaseBreakResponse.STRUCTURE_SIZE -> LeaseBreakResponse.decode(body);
            default -> throw new SmbDecodeException("OPLOCK_BREAK response", "StructureSize", size + " is not 24, 36 or 44");
        };
    }

    /** The StructureSize at the reader index without consuming it, or -1 if fewer than 2 bytes are readable. */
    static int structureSize(ByteBuf body) {
        return body.readableBytes() < 2 ? -1 : body.getUnsignedShortLE(body.readerIndex());
    }
}
