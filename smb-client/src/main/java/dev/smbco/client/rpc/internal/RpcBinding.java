package dev.smbco.client.rpc.internal;

import dev.smbco.client.rpc.SmbRpcException;
import dev.smbco.client.SmbProtocolException;
import dev.smbco.coro.Co;
import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.rpc.BindAck;
import dev.smbco.protocol.rpc.BindNak;
import dev.smbco.protocol.rpc.BindRequest;
import dev.smbco.protocol.rpc.PduFramer;
import dev.smbco.protocol.rpc.RequestPdu;
import dev.smbco.protocol.rpc.ResponseAssembler;
import dev.smbco.protocol.rpc.RpcFaultException;
import dev.smbco.protocol.rpc.ServerPdu;
import dev.smbco.protocol.rpc.SyntaxId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;

/**
 * One interface bound on one pipe (MS-RPCE 3.3.3.5, C706 12.4): {@link #bind} once, then
 * {@link #call}s, one at a time, from a coroutine. A call's request travels in one
 * FSCTL_PIPE_TRANSCEIVE; its response comes back in that IOCTL's output and, when it does not fit
 * (STATUS_BUFFER_OVERFLOW) or spans several fragments, in READs that follow (MS-SMB2 3.2.4.20.4,
 * MS-RPCE 2.1.1.2). The bytes read are cut into PDUs by frag_length and the fragments joined.
 */
final class RpcBinding {
    /** The largest response stub accepted for one call, whatever the server's alloc_hint says. */
    static final int MAX_STUB = 16 << 20;
    /** Fragments per call at most (a server that never sets PFC_LAST_FRAG cannot keep us reading). */
    private static final int MAX_FRAGMENTS = 8192;

    private final PipeIo pipe;
    private final ByteBuf pending = Unpooled.buffer(0);
    private int nextCallId = 1;
    private int contextId;
    private int maxXmitFrag = BindRequest.DEFAULT_MAX_FRAG;
    private int maxRecvFrag = BindRequest.DEFAULT_MAX_FRAG;
    private boolean bound;

    RpcBinding(PipeIo pipe) {
        this.pipe = pipe;
    }

    /**
     * Binds {@code iface} in NDR 2.0; fails with {@link SmbRpcException} when the server refuses
     * (bind_nak, or the context not accepted).
     */
    void bind(Co co, SyntaxId iface) {
        BindRequest bind = BindRequest.of(nextCallId++, iface);
        ServerPdu reply = firstPdu(co, encode(bind::encode), 0xFFFF);
        switch (reply) {
            case BindAck ack -> {
                if (ack.header().callId() != bind.callId()) {
                    throw malformed(new SmbDecodeException("DCE/RPC bind_ack", "call_id", ack.header().callId() + " is not the bind's " + bind.callId()));
                }
                if (!ack.accepted(0)) {
                    int reason = ack.results().isEmpty() ? -1 : ack.results().get(0).reason();
                    throw new SmbRpcException(reason, "bind " + iface + " on " + pipe.name() + ": the server did not accept the interface (reason "
                            + reason + ")");
                }
                contextId = bind.contextId();
                // C706 12.6.3: each side sends at most what the other said it receives
                maxXmitFrag = Math.min(bind.maxXmitFrag(), ack.maxRecvFrag());
                maxRecvFrag = Math.max(bind.maxRecvFrag(), ack.maxXmitFrag());
                bound = true;
            }
            case BindNak nak -> throw new SmbRpcException(nak.reason(), "bind " + iface + " on " + pipe.name()
                    + ": refused by the server (bind_nak, reason " + nak.reason() + ")");
            default -> throw malformed(new SmbDecodeException("DCE/RPC bind_ack", "PTYPE", "a " + reply.getClass().getSimpleName()
                    + " where bind_ack was expected"));
        }
    }

    /**
     * Calls {@code opnum} with {@code stub} as its NDR [in] data and returns the whole [out] stub.
     * A fault PDU fails with {@link SmbRpcException} (its status as the code).
     */
    byte[] call(Co co, int opnum, byte[] stub) {
        if (!bound) {
            throw new IllegalStateException("call before bind");
        }
        RequestPdu request = new RequestPdu(nextCallId++, contextId, opnum, stub);
        ResponseAssembler assembler = new ResponseAssembler(request.callId(), contextId, MAX_STUB);
        try {
            ServerPdu pdu = firstPdu(co, encode(out -> request.encode(out, maxXmitFrag)), maxRecvFrag);
            int fragments = 1;
            while (!assembler.add(pdu)) {
                if (++fragments > MAX_FRAGMENTS) {
                    throw new SmbDecodeException("DCE/RPC response", "pfc_flags", "no PFC_LAST_FRAG after " + MAX_FRAGMENTS + " fragments");
                }
                pdu = nextPdu(co, maxRecvFrag, true);
            }
            return assembler.stub();
        } catch (RpcFaultException f) {
            throw new SmbRpcException(f.status(), "opnum " + opnum + " on " + pipe.name() + ": " + f.getMessage());
        } catch (SmbDecodeException e) {
            throw malformed(e);
        }
    }

    /** Sends one request PDU by TRANSCEIVE and returns the first PDU of the answer. */
    private ServerPdu firstPdu(Co co, byte[] request, int maxFrag) {
        try {
            pending.clear();
            PipeIo.Reply reply = co.await(pipe.transceiveSend(request, maxRecvFrag));
            pending.writeBytes(reply.data());
            return nextPdu(co, maxFrag, reply.more());
        } catch (SmbDecodeException e) {
            throw malformed(e);
        }
    }

    /** The next whole PDU of the pipe's answer, reading more when the bytes so far do not hold one. */
    private ServerPdu nextPdu(Co co, int maxFrag, boolean readFirst) {
        boolean read = readFirst && !pending.isReadable();
        while (true) {
            if (!read) {
                ByteBuf frame = PduFramer.next(pending, maxFrag);
                if (frame != null) {
                    ServerPdu pdu = ServerPdu.decode(frame);
                    pending.discardReadBytes();
                    return pdu;
                }
            }
            PipeIo.Reply more = co.await(pipe.readSend(maxRecvFrag));
            if (more.data().length == 0 && !more.more()) {
                throw new SmbDecodeException("DCE/RPC PDU", "frag_length", "the pipe ran dry in the middle of a PDU");
            }
            if (pending.readableBytes() + more.data().length > MAX_STUB) {
                throw new SmbDecodeException("DCE/RPC PDU", "frag_length", "more than " + MAX_STUB + " bytes pending");
            }
            pending.writeBytes(more.data());
            read = false;
        }
    }

    private SmbProtocolException malformed(SmbDecodeException e) {
        return new SmbProtocolException(pipe.name() + ": malformed DCE/RPC answer: " + e.getMessage(), e);
    }

    private static byte[] encode(java.util.function.Consumer<ByteBuf> writer) {
        ByteBuf out = Unpooled.buffer();
        try {
            writer.accept(out);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }

    /** Gives back the receive buffer. */
    void release() {
        pending.release();
    }
}
