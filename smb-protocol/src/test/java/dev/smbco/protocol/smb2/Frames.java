package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.Smb2Request;
import dev.smbco.protocol.Smb2Response;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.function.Consumer;

/** Test helpers: build whole messages (header + body) and decode them back. */
final class Frames {
    private Frames() {
    }

    static Smb2Header requestHeader(Command command) {
        return new Smb2Header(1, 0, command, 31, 0, 0, 7, 0, 0xFEFF, 0x1234, 0x1122334455667788L, null);
    }

    static Smb2Header responseHeader(Command command, int status) {
        return new Smb2Header(1, status, command, 1, Smb2Header.FLAG_SERVER_TO_REDIR, 0, 7, 0, 0xFEFF, 0x1234,
                0x1122334455667788L, null);
    }

    /** A request message (header + body) in a new heap buffer; the caller releases it. */
    static ByteBuf request(Smb2Request r) {
        ByteBuf buf = Unpooled.buffer();
        requestHeader(r.command()).encode(buf);
        r.encode(buf);
        return buf;
    }

    /** A response message (header + body) in a new heap buffer; the caller releases it. */
    static ByteBuf response(Command command, int status, Consumer<ByteBuf> body) {
        ByteBuf buf = Unpooled.buffer();
        responseHeader(command, status).encode(buf);
        body.accept(buf);
        return buf;
    }

    /**
     * Encodes a request, decodes it back with {@link RequestDecoder} and hands the result to
     * {@code check} while the frame is still alive (a decoded WRITE holds a slice of it).
     */
    static void roundTrip(Smb2Request r, Consumer<Smb2Request> check) {
        ByteBuf buf = request(r);
        try {
            Smb2Header h = Smb2Header.decode(buf);
            check.accept(RequestDecoder.decode(h, buf));
        } finally {
            buf.release();
        }
    }

    /** Encodes a response body under a header with {@code status}, decodes it back with {@link ResponseDecoder}. */
    static Smb2Response roundTrip(Command command, int status, Consumer<ByteBuf> body) {
        ByteBuf buf = response(command, status, body);
        try {
            Smb2Header h = Smb2Header.decode(buf);
            return ResponseDecoder.decode(h, buf);
        } finally {
            buf.release();
        }
    }

    static byte[] hex(String s) {
        return java.util.HexFormat.of().parseHex(s);
    }
}
