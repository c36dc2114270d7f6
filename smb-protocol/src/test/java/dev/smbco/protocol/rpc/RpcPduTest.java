package dev.smbco.protocol.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.protocol.SmbDecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The connection-oriented PDUs against byte vectors built from C706 / MS-RPCE and captured from Samba. */
class RpcPduTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void bindOfSrvsvcIsTheSpecifiedLayout() {
        byte[] bind = RpcSamples.bytes(BindRequest.of(1, Srvsvc.INTERFACE)::encode);
        String expected = "05000b03" + "10000000" + "4800" + "0000" + "01000000"   // header: v5.0 bind, first|last, LE, 72 bytes, call 1
                + "b810" + "b810" + "00000000"                                      // max_xmit/max_recv 4280, new association group
                + "01" + "00" + "0000"                                              // one context
                + "0000" + "01" + "00"                                              // context 0, one transfer syntax
                + "c84f324b" + "7016" + "d301" + "12785a47bf6ee188" + "0300" + "0000" // srvsvc 4b324fc8-1670-01d3-1278-5a47bf6ee188 v3.0
                + "045d888a" + "eb1c" + "c911" + "9fe808002b104860" + "0200" + "0000"; // NDR 8a885d04-1ceb-11c9-9fe8-08002b104860 v2.0
        assertThat(HEX.formatHex(bind)).isEqualTo(expected);
    }

    @Test
    void sambasBindAckAcceptsNdr20() {
        BindAck ack = (BindAck) decode(RpcSamples.sambaBindAck());
        assertThat(ack.header().callId()).isEqualTo(1);
        assertThat(ack.maxXmitFrag()).isEqualTo(4280);
        assertThat(ack.maxRecvFrag()).isEqualTo(4280);
        assertThat(ack.secondaryAddr()).isEqualTo("\\pipe\\srvsvc");
        assertThat(ack.results()).containsExactly(new BindAck.Result(BindAck.ACCEPTANCE, 0, SyntaxId.NDR20));
        assertThat(ack.accepted(0)).isTrue();
        assertThat(ack.accepted(1)).isFalse();
    }

    @Test
    void requestCarriesOpnumContextAndStub() {
        byte[] pdu = RpcSamples.bytes(out -> new RequestPdu(7, 0, 15, new byte[] {1, 2, 3, 4}).encode(out, 4280));
        assertThat(HEX.formatHex(pdu)).isEqualTo("05000003" + "10000000" + "1c00" + "0000" + "07000000"
                + "04000000" + "0000" + "0f00" + "01020304");
    }

    @Test
    void aRequestLargerThanTheFragmentSizeIsRefused() {
        ByteBuf out = Unpooled.buffer();
        try {
            assertThatThrownBy(() -> new RequestPdu(1, 0, 15, new byte[100]).encode(out, 64))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fragment size");
        } finally {
            out.release();
        }
    }

    @Test
    void sambasResponseIsOneWholeFragment() {
        ResponsePdu r = (ResponsePdu) decode(RpcSamples.sambaShareEnumResponse());
        assertThat(r.header().callId()).isEqualTo(2);
        assertThat(r.header().isFirst()).isTrue();
        assertThat(r.header().isLast()).isTrue();
        assertThat(r.stub()).isEqualTo(RpcSamples.sambaShareEnumStub());
    }

    @Test
    void faultAndBindNakDecode() {
        FaultPdu f = (FaultPdu) decode(RpcSamples.fault(3, FaultPdu.NCA_S_OP_RNG_ERROR));
        assertThat(f.status()).isEqualTo(FaultPdu.NCA_S_OP_RNG_ERROR);
        assertThat(f.describe()).isEqualTo("nca_s_op_rng_error (0x1C010002)");
        BindNak nak = (BindNak) decode(RpcSamples.bindNak(1, 4));
        assertThat(nak.reason()).isEqualTo(4);
    }

    @Test
    void anAuthVerifierIsNotPartOfTheStub() {
        byte[] plain = RpcSamples.response(2, 3, 0, new byte[] {9, 9, 9, 9});
        byte[] withAuth = Arrays.copyOf(plain, plain.length + 8 + 16); // sec_trailer + 16-byte verifier
        withAuth[8] = (byte) withAuth.length;
        withAuth[10] = 16;
        assertThat(((ResponsePdu) decode(withAuth)).stub()).containsExactly(9, 9, 9, 9);
    }

    @Test
    void headerErrorsAreDecodeErrors() {
        byte[] ack = RpcSamples.sambaBindAck();
        byte[] badVersion = ack.clone();
        badVersion[0] = 4;
        assertThatThrownBy(() -> decode(badVersion)).isInstanceOf(SmbDecodeException.class).hasMessageContaining("rpc_vers");
        byte[] bigEndian = ack.clone();
        bigEndian[4] = 0;
        assertThatThrownBy(() -> decode(bigEndian)).isInstanceOf(SmbDecodeException.class).hasMessageContaining("packed_drep");
        byte[] longer = Arrays.copyOf(ack, ack.length + 4);
        assertThatThrownBy(() -> decode(longer)).isInstanceOf(SmbDecodeException.class).hasMessageContaining("frag_length");
        byte[] request = RpcSamples.bytes(out -> new RequestPdu(1, 0, 15, new byte[0]).encode(out, 4280));
        assertThatThrownBy(() -> decode(request)).isInstanceOf(SmbDecodeException.class).hasMessageContaining("request");
        byte[] hugeAuth = ack.clone();
        hugeAuth[10] = (byte) 0xF0;
        assertThatThrownBy(() -> decode(hugeAuth)).isInstanceOf(SmbDecodeException.class).hasMessageContaining("auth_length");
    }

    @Test
    void framerCutsAStreamIntoPdus() {
        byte[] a = RpcSamples.sambaBindAck();
        byte[] b = RpcSamples.sambaShareEnumResponse();
        ByteBuf stream = Unpooled.buffer();
        try {
            stream.writeBytes(a).writeBytes(b, 0, 10);
            assertThat(ByteBufUtil.getBytes(PduFramer.next(stream, 0xFFFF))).isEqualTo(a);
            assertThat(PduFramer.next(stream, 0xFFFF)).isNull(); // 10 bytes: not even a header
            stream.writeBytes(b, 10, 20);
            assertThat(PduFramer.next(stream, 0xFFFF)).isNull(); // header, but not the whole PDU
            stream.writeBytes(b, 30, b.length - 30);
            assertThat(ByteBufUtil.getBytes(PduFramer.next(stream, 0xFFFF))).isEqualTo(b);
            assertThat(stream.isReadable()).isFalse();
            stream.writeBytes(b);
            assertThatThrownBy(() -> PduFramer.next(stream, 100)).isInstanceOf(SmbDecodeException.class).hasMessageContaining("frag_length");
        } finally {
            stream.release();
        }
    }

    static ServerPdu decode(byte[] pdu) {
        ByteBuf in = Unpooled.wrappedBuffer(pdu);
        try {
            ServerPdu p = ServerPdu.decode(in);
            assertThat(in.isReadable()).isFalse();
            return p;
        } finally {
            in.release();
        }
    }
}
