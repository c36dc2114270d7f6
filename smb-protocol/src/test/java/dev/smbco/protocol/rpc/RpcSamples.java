package dev.smbco.protocol.rpc;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.function.Consumer;

/** PDUs captured from Samba 4.17 (resources under {@code rpc/}) and PDUs built from the specification. */
final class RpcSamples {
    private RpcSamples() {
    }

    /** Samba's bind_ack to a bind of srvsvc v3.0 in NDR 2.0 (call_id 1). */
    static byte[] sambaBindAck() {
        return resource("rpc/samba-4.17-bind-ack-srvsvc.bin");
    }

    /**
     * Samba's response PDU (call_id 2, one fragment) to NetrShareEnum level 1 on the smbco test
     * server: share, public, enc, ro (Disk, no comment) and IPC$ (0x80000003, "IPC Service (smbco
     * test server (default))").
     */
    static byte[] sambaShareEnumResponse() {
        return resource("rpc/samba-4.17-netshareenum-response.bin");
    }

    /** The stub data of {@link #sambaShareEnumResponse()} (after its 24-byte header). */
    static byte[] sambaShareEnumStub() {
        byte[] pdu = sambaShareEnumResponse();
        return Arrays.copyOfRange(pdu, 24, pdu.length);
    }

    /** A response PDU built field by field (C706 12.6.4.10). */
    static byte[] response(int callId, int flags, int contextId, byte[] stub) {
        return bytes(out -> {
            new PduHeader(PduType.RESPONSE, flags, 24 + stub.length, 0, callId).encode(out);
            out.writeIntLE(stub.length);    // alloc_hint
            out.writeShortLE(contextId);    // p_cont_id
            out.writeByte(0);               // cancel_count
            out.writeByte(0);               // reserved
            out.writeBytes(stub);
        });
    }

    /** A fault PDU built field by field (C706 12.6.4.7). */
    static byte[] fault(int callId, int status) {
        return bytes(out -> {
            new PduHeader(PduType.FAULT, PduHeader.FIRST_FRAG | PduHeader.LAST_FRAG, 32, 0, callId).encode(out);
            out.writeIntLE(0);              // alloc_hint
            out.writeShortLE(0);            // p_cont_id
            out.writeByte(0);               // cancel_count
            out.writeByte(0);               // reserved
            out.writeIntLE(status);         // status
            out.writeIntLE(0);              // reserved
        });
    }

    /** A bind_nak built field by field (C706 12.6.4.5). */
    static byte[] bindNak(int callId, int reason) {
        return bytes(out -> {
            new PduHeader(PduType.BIND_NAK, PduHeader.FIRST_FRAG | PduHeader.LAST_FRAG, 20, 0, callId).encode(out);
            out.writeShortLE(reason);
            out.writeByte(1);               // n_protocols
            out.writeByte(5);               // 5.0
        });
    }

    static byte[] bytes(Consumer<ByteBuf> writer) {
        ByteBuf out = Unpooled.buffer();
        try {
            writer.accept(out);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    private static byte[] resource(String name) {
        try (InputStream in = RpcSamples.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
