package dev.smbco.client.engine;

import dev.smbco.client.SmbProtocolException;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.SmbDecodeException;
import io.netty.buffer.ByteBuf;

/**
 * What a received frame holds once the transform stage is done (MS-SMB2 3.2.5.1): only SMB2
 * messages, possibly a compound of them, each with a response header. Stateless; a malformed
 * frame is an {@link SmbProtocolException}, never an index error.
 */
final class ResponseFrames {
    private ResponseFrames() {
    }

    /** One message of a frame, handed on by {@link #split}. */
    interface MessageSink {
        /**
         * Takes a retained slice of the frame (ownership passes in). {@code whole}: the message is
         * the whole frame (not part of a compound).
         */
        void onMessage(ByteBuf message, boolean encrypted, boolean whole);
    }

    /** MS-SMB2 3.2.5.1: after the transform stage only SMB2 messages may remain; SMB1 or compressed frames are refused. */
    static void split(ByteBuf frame, boolean encrypted, MessageSink sink) {
        if (frame.readableBytes() < 4) {
            throw new SmbProtocolException("frame of " + frame.readableBytes() + " bytes is too short");
        }
        int protocolId = frame.getIntLE(frame.readerIndex());
        switch (protocolId) {
            case Smb2Header.PROTOCOL_ID -> splitCompound(frame, encrypted, sink);
            case Smb2Header.TRANSFORM_PROTOCOL_ID -> throw new SmbProtocolException("nested transform frame");
            case Smb2Header.SMB1_PROTOCOL_ID -> throw new SmbProtocolException("server answered with SMB1, which this client does not speak");
            case Smb2Header.COMPRESSION_PROTOCOL_ID -> throw new SmbProtocolException("server sent a compressed frame although compression was not negotiated");
            default -> throw new SmbProtocolException(String.format("not an SMB2 frame: ProtocolId 0x%08X", protocolId));
        }
    }

    /** MS-SMB2 3.2.5.1.9: walks a compound by NextCommand, narrowing a window over one buffer. */
    private static void splitCompound(ByteBuf frame, boolean encrypted, MessageSink sink) {
        int start = frame.readerIndex();
        int end = frame.writerIndex();
        while (true) {
            if (end - start < Smb2Header.SIZE) {
                throw new SmbProtocolException(new SmbDecodeException("SMB2 header", "header",
                        "needs 64 bytes, only " + (end - start) + " left").getMessage());
            }
            int next = frame.getIntLE(start + Smb2Header.OFFSET_NEXT_COMMAND);
            int messageEnd;
            if (next == 0) {
                messageEnd = end;
            } else if (next < Smb2Header.SIZE || (next & 7) != 0 || (long) start + next > end) {
                throw new SmbProtocolException("compound response: NextCommand " + next + " outside the frame");
            } else {
                messageEnd = start + next;
            }
            sink.onMessage(frame.retainedSlice(start, messageEnd - start), encrypted, start == frame.readerIndex() && next == 0);
            if (next == 0) {
                return;
            }
            start = messageEnd;
        }
    }

    /** Decodes a message's header (the message's indices untouched); it must be a response. */
    static Smb2Header responseHeader(ByteBuf message) {
        Smb2Header header;
        try {
            header = Smb2Header.decode(message.duplicate());
        } catch (SmbDecodeException e) {
            throw new SmbProtocolException("malformed response: " + e.getMessage(), e);
        }
        if (!header.isResponse()) {
            throw new SmbProtocolException("server sent a request (" + header.command() + "), not a response");
        }
        return header;
    }
}
