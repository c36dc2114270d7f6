package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.Smb2Request;
import dev.smbco.protocol.SmbDecodeException;
import io.netty.buffer.ByteBuf;

/**
 * Decodes a request body by its command (for tests, captures and test servers; a client only
 * encodes requests). Convention of {@link dev.smbco.protocol.Wire}. A decoded {@link WriteRequest}
 * holds an unretained slice of the buffer.
 */
public final class RequestDecoder {
    private RequestDecoder() {
    }

    /** Decodes the body that follows {@code header}. */
    public static Smb2Request decode(Smb2Header header, ByteBuf body) {
        return decode(header.command(), body);
    }

    /**
     * Decodes a request body.
     *
     * @throws SmbDecodeException if the body is malformed
     */
    public static Smb2Request decode(Command command, ByteBuf body) {
        return switch (command) {
            case NEGOTIATE -> NegotiateRequest.decode(body);
            case SESSION_SETUP -> SessionSetupRequest.decode(body);
            case LOGOFF -> LogoffRequest.decode(body);
            case TREE_CONNECT -> TreeConnectRequest.decode(body);
            case TREE_DISCONNECT -> TreeDisconnectRequest.decode(body);
            case CREATE -> CreateRequest.decode(body);
            case CLOSE -> CloseRequest.decode(body);
            case FLUSH -> FlushRequest.decode(body);
            case READ -> ReadRequest.decode(body);
            case WRITE -> WriteRequest.decode(body);
            case LOCK -> LockRequest.decode(body);
            case IOCTL -> IoctlRequest.decode(body);
            case CANCEL -> CancelRequest.decode(body);
            case ECHO -> EchoRequest.decode(body);
            case QUERY_DIRECTORY -> QueryDirectoryRequest.decode(body);
            case CHANGE_NOTIFY -> ChangeNotifyRequest.decode(body);
            case QUERY_INFO -> QueryInfoRequest.decode(body);
            case SET_INFO -> SetInfoRequest.decode(body);
            case OPLOCK_BREAK -> {
                int size = ResponseDecoder.structureSize(body);
                if (size == LeaseBreakAcknowledgment.STRUCTURE_SIZE) {
                    yield LeaseBreakAcknowledgment.decode(body);
                }
                yield OplockBreakAcknowledgment.decode(body);
            }
        };
    }
}
