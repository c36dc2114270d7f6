package dev.smbco.client.rpc.internal;

import dev.smbco.client.rpc.SmbRpcException;
import dev.smbco.client.rpc.ShareInfo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.NoLeaks;
import dev.smbco.client.SmbAccessDeniedException;
import dev.smbco.client.SmbProtocolException;
import dev.smbco.coro.Request;
import dev.smbco.coro.Requests;
import dev.smbco.coro.SingleThreadLoop;
import dev.smbco.protocol.rpc.FaultPdu;
import dev.smbco.protocol.rpc.NdrWriter;
import dev.smbco.protocol.rpc.PduHeader;
import dev.smbco.protocol.rpc.PduType;
import dev.smbco.protocol.rpc.Srvsvc;
import dev.smbco.protocol.rpc.SyntaxId;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The pipe binding over a scripted pipe: bind, call, READ continuation after STATUS_BUFFER_OVERFLOW,
 * responses in several fragments, and every way the server can refuse; the pipe is closed each time.
 */
@ExtendWith(NoLeaks.class)
class ShareEnumTest {
    private static final List<ShareInfo> EXPECTED = List.of(
            ShareInfo.of("share", 0, ""),
            ShareInfo.of("IPC$", 0x80000003, "IPC Service"));

    private final SingleThreadLoop loop = new SingleThreadLoop("share-enum-test");

    @AfterEach
    void close() {
        loop.close();
    }

    @Test
    void oneTransceiveAnswersBindAndCall() {
        ScriptedPipe pipe = new ScriptedPipe(loop).answer(4280, bindAck(1), response(2, 3, stub(0)));
        assertThat(list(pipe)).isEqualTo(EXPECTED);
        assertThat(pipe.written).hasSize(2);
        assertThat(pipe.written.get(0)[2]).isEqualTo((byte) PduType.BIND);
        assertThat(pipe.written.get(1)[2]).isEqualTo((byte) PduType.REQUEST);
        assertThat(pipe.reads).isZero();
        assertThat(pipe.closes).isEqualTo(1);
    }

    @Test
    void aBufferOverflowIsReadOnUntilThePduIsWhole() {
        ScriptedPipe pipe = new ScriptedPipe(loop).answer(7, bindAck(1), response(2, 3, stub(0)));
        assertThat(list(pipe)).isEqualTo(EXPECTED);
        assertThat(pipe.reads).isGreaterThan(10);
        assertThat(pipe.closes).isEqualTo(1);
    }

    @Test
    void fragmentsAreReadAndJoined() {
        byte[] stub = stub(0);
        ScriptedPipe pipe = new ScriptedPipe(loop).answer(4280, bindAck(1),
                response(2, PduHeader.FIRST_FRAG, Arrays.copyOfRange(stub, 0, 30)),
                response(2, 0, Arrays.copyOfRange(stub, 30, 60)),
                response(2, PduHeader.LAST_FRAG, Arrays.copyOfRange(stub, 60, stub.length)));
        assertThat(list(pipe)).isEqualTo(EXPECTED);
        assertThat(pipe.reads).isEqualTo(2);
    }

    @Test
    void errorAccessDeniedIsAnAccessDeniedException() {
        ScriptedPipe pipe = new ScriptedPipe(loop).answer(4280, bindAck(1), response(2, 3, stub(Srvsvc.ERROR_ACCESS_DENIED)));
        assertThatThrownBy(() -> list(pipe)).isInstanceOf(SmbAccessDeniedException.class)
                .hasMessageContaining("refused to list its shares");
        assertThat(pipe.closes).isEqualTo(1);
    }

    @Test
    void aFaultIsAnRpcException() {
        ScriptedPipe pipe = new ScriptedPipe(loop).answer(4280, bindAck(1), fault(2, FaultPdu.NCA_S_OP_RNG_ERROR));
        assertThatThrownBy(() -> list(pipe)).isInstanceOfSatisfying(SmbRpcException.class,
                e -> assertThat(e.code()).isEqualTo(FaultPdu.NCA_S_OP_RNG_ERROR)).hasMessageContaining("nca_s_op_rng_error");
        assertThat(pipe.closes).isEqualTo(1);
    }

    @Test
    void aRefusedBindIsAnRpcException() {
        byte[] nak = pdu(PduType.BIND_NAK, 3, 1, out -> out.writeShortLE(4).writeByte(1).writeByte(5));
        ScriptedPipe pipe = new ScriptedPipe(loop).answer(4280, nak);
        assertThatThrownBy(() -> list(pipe)).isInstanceOf(SmbRpcException.class).hasMessageContaining("bind_nak");
        assertThat(pipe.closes).isEqualTo(1);
    }

    @Test
    void malformedAnswersAreProtocolErrors() {
        ScriptedPipe truncatedStub = new ScriptedPipe(loop).answer(4280, bindAck(1), response(2, 3, Arrays.copyOf(stub(0), 40)));
        assertThatThrownBy(() -> list(truncatedStub)).isInstanceOf(SmbProtocolException.class).hasMessageContaining("NetrShareEnum");
        byte[] otherCall = response(9, 3, stub(0));
        ScriptedPipe wrongCall = new ScriptedPipe(loop).answer(4280, bindAck(1), otherCall);
        assertThatThrownBy(() -> list(wrongCall)).isInstanceOf(SmbProtocolException.class).hasMessageContaining("call_id");
        byte[] garbage = new byte[40];
        ScriptedPipe notRpc = new ScriptedPipe(loop).answer(4280, garbage);
        assertThatThrownBy(() -> list(notRpc)).isInstanceOf(SmbProtocolException.class).hasMessageContaining("rpc_vers");
        assertThat(truncatedStub.closes + wrongCall.closes + notRpc.closes).isEqualTo(3);
    }

    private List<ShareInfo> list(ScriptedPipe pipe) {
        Request<List<ShareInfo>> r = ShareEnum.listSend(loop, "test", () -> Requests.completed(loop, pipe));
        return r.await();
    }

    /** A bind_ack accepting NDR 2.0, fragments of 4280 both ways (C706 12.6.4.4). */
    private static byte[] bindAck(int callId) {
        return pdu(PduType.BIND_ACK, 3, callId, out -> {
            out.writeShortLE(4280).writeShortLE(4280).writeIntLE(0x1234);
            byte[] addr = "\\pipe\\srvsvc\0".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            out.writeShortLE(addr.length).writeBytes(addr);
            while (out.writerIndex() % 4 != 0) {
                out.writeByte(0);
            }
            out.writeByte(1).writeByte(0).writeShortLE(0);
            out.writeShortLE(0).writeShortLE(0);
            SyntaxId.NDR20.encode(out);
        });
    }

    private static byte[] response(int callId, int flags, byte[] stub) {
        return pdu(PduType.RESPONSE, flags, callId, out -> out.writeIntLE(stub.length).writeShortLE(0).writeShortLE(0).writeBytes(stub));
    }

    private static byte[] fault(int callId, int status) {
        return pdu(PduType.FAULT, 3, callId, out -> out.writeIntLE(0).writeShortLE(0).writeShortLE(0).writeIntLE(status).writeIntLE(0));
    }

    /** A NetrShareEnum level-1 answer with the two {@link #EXPECTED} shares (none when {@code status} is non-zero). */
    private static byte[] stub(int status) {
        return bytes(out -> {
            NdrWriter w = new NdrWriter(out).u32(1).u32(1).pointer(true);
            if (status != 0) {
                w.u32(0).pointer(false).u32(0).pointer(false).u32(status);
                return;
            }
            w.u32(2).pointer(true).u32(2);
            w.pointer(true).u32(0).pointer(true);
            w.pointer(true).u32(0x80000003).pointer(true);
            w.string("share").string("").string("IPC$").string("IPC Service");
            w.u32(2).pointer(true).u32(0).u32(0);
        });
    }

    private static byte[] pdu(int type, int flags, int callId, Consumer<ByteBuf> body) {
        return bytes(out -> {
            new PduHeader(type, flags, 0, 0, callId).encode(out);
            body.accept(out);
            PduHeader.patchLength(out, 0);
        });
    }

    private static byte[] bytes(Consumer<ByteBuf> writer) {
        ByteBuf out = Unpooled.buffer();
        try {
            writer.accept(out);
            return ByteBufUtil.getBytes(out);
        } finally {
            out.release();
        }
    }
}
