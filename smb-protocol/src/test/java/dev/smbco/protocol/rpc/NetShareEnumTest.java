package dev.smbco.protocol.rpc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.protocol.SmbDecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** MS-SRVS NetrShareEnum level 1 in NDR 2.0, and the reassembly of its response from fragments. */
class NetShareEnumTest {
    private static final HexFormat HEX = HexFormat.of();

    @Test
    void requestIsTheNdrOfTheSpecifiedParameters() {
        byte[] stub = RpcSamples.bytes(new NetShareEnumRequest("\\\\h", NetShareEnumRequest.MAX_PREFERRED_LENGTH, 0)::encode);
        assertThat(HEX.formatHex(stub)).isEqualTo(
                "00000200"                              // ServerName: unique pointer
                + "04000000" + "00000000" + "04000000"  //   conformant varying string: max 4, offset 0, actual 4
                + "5c005c0068000000"                    //   "\\h" and NUL, UTF-16LE
                + "01000000"                            // InfoStruct.Level 1
                + "01000000"                            // union discriminant 1
                + "04000200"                            // Level1: unique pointer
                + "00000000" + "00000000"               //   EntriesRead 0, Buffer null
                + "ffffffff"                            // PreferedMaximumLength
                + "08000200" + "00000000");             // ResumeHandle: pointer to 0
    }

    @Test
    void sambasAnswerListsTheTestServersShares() {
        NetShareEnumResponse r = decode(RpcSamples.sambaShareEnumStub());
        assertThat(r.shares()).containsExactly(
                new ShareInfo1("share", 0, ""),
                new ShareInfo1("public", 0, ""),
                new ShareInfo1("enc", 0, ""),
                new ShareInfo1("ro", 0, ""),
                new ShareInfo1("IPC$", 0x80000003, "IPC Service (smbco test server (default))"));
        assertThat(r.totalEntries()).isEqualTo(5);
        assertThat(r.resumeHandle()).isZero();
        assertThat(r.status()).isZero();
    }

    @Test
    void aRefusalDecodesWithItsStatusAndNoEntries() {
        byte[] stub = RpcSamples.bytes(out -> new NdrWriter(out)
                .u32(1).u32(1).pointer(true)            // InfoStruct, level 1, container present
                .u32(0).pointer(false)                  // no entries
                .u32(0)                                 // TotalEntries
                .pointer(false)                         // ResumeHandle null
                .u32(Srvsvc.ERROR_ACCESS_DENIED));
        NetShareEnumResponse r = decode(stub);
        assertThat(r.shares()).isEmpty();
        assertThat(r.resumeHandle()).isEqualTo(-1);
        assertThat(r.status()).isEqualTo(Srvsvc.ERROR_ACCESS_DENIED);
    }

    @Test
    void nullStringPointersAndStringsWithoutNulAreAccepted() {
        byte[] stub = RpcSamples.bytes(out -> {
            NdrWriter w = new NdrWriter(out).u32(1).u32(1).pointer(true).u32(1).pointer(true)
                    .u32(1)                             // maximum_count
                    .pointer(true).u32(0).pointer(false); // netname, type, remark null
            w.u32(2).u32(0).u32(2);                     // "ab" without a NUL
            out.writeShortLE('a').writeShortLE('b');
            w.u32(1).pointer(false).u32(0);
        });
        NetShareEnumResponse r = decode(stub);
        assertThat(r.shares()).containsExactly(new ShareInfo1("ab", 0, ""));
    }

    @Test
    void inconsistentCountsAreDecodeErrors() {
        byte[] stub = RpcSamples.sambaShareEnumStub();
        byte[] entries = stub.clone();
        entries[12] = 6;                                // EntriesRead 6, array of 5
        assertThatThrownBy(() -> decode(entries)).isInstanceOf(SmbDecodeException.class).hasMessageContaining("EntriesRead");
        byte[] huge = stub.clone();
        huge[12] = huge[20] = (byte) 0xFF;              // EntriesRead and maximum_count 0x...FF
        huge[13] = huge[21] = (byte) 0xFF;
        huge[14] = huge[22] = (byte) 0xFF;
        huge[15] = huge[23] = (byte) 0x7F;
        assertThatThrownBy(() -> decode(huge)).isInstanceOf(SmbDecodeException.class).hasMessageContaining("cannot fit");
        byte[] string = stub.clone();
        string[0x60 - 24 + 12 + 8] = 9;                 // the first name's actual_count beyond its maximum_count
        assertThatThrownBy(() -> decode(string)).isInstanceOf(SmbDecodeException.class).hasMessageContaining("maximum_count");
        for (int cut = 0; cut < stub.length; cut += 3) {
            byte[] shortStub = Arrays.copyOf(stub, cut);
            assertThatThrownBy(() -> decode(shortStub)).isInstanceOf(SmbDecodeException.class);
        }
    }

    @Test
    void fragmentsAreJoinedIntoOneStub() {
        byte[] stub = RpcSamples.sambaShareEnumStub();
        ResponseAssembler a = new ResponseAssembler(2, 0, 1 << 20);
        assertThat(a.add(RpcPduTest.decode(RpcSamples.response(2, PduHeader.FIRST_FRAG, 0, Arrays.copyOfRange(stub, 0, 100))))).isFalse();
        assertThat(a.add(RpcPduTest.decode(RpcSamples.response(2, 0, 0, Arrays.copyOfRange(stub, 100, 200))))).isFalse();
        assertThat(a.add(RpcPduTest.decode(RpcSamples.response(2, PduHeader.LAST_FRAG, 0, Arrays.copyOfRange(stub, 200, stub.length))))).isTrue();
        assertThat(a.stub()).isEqualTo(stub);
        assertThat(decode(a.stub()).shares()).hasSize(5);
    }

    @Test
    void fragmentsOutOfPlaceAreDecodeErrors() {
        byte[] part = new byte[8];
        ResponseAssembler noFirst = new ResponseAssembler(2, 0, 1 << 20);
        assertThatThrownBy(() -> noFirst.add(RpcPduTest.decode(RpcSamples.response(2, PduHeader.LAST_FRAG, 0, part))))
                .isInstanceOf(SmbDecodeException.class).hasMessageContaining("PFC_FIRST_FRAG");
        ResponseAssembler twoFirsts = new ResponseAssembler(2, 0, 1 << 20);
        twoFirsts.add(RpcPduTest.decode(RpcSamples.response(2, PduHeader.FIRST_FRAG, 0, part)));
        assertThatThrownBy(() -> twoFirsts.add(RpcPduTest.decode(RpcSamples.response(2, PduHeader.FIRST_FRAG, 0, part))))
                .isInstanceOf(SmbDecodeException.class).hasMessageContaining("PFC_FIRST_FRAG");
        ResponseAssembler otherCall = new ResponseAssembler(2, 0, 1 << 20);
        assertThatThrownBy(() -> otherCall.add(RpcPduTest.decode(RpcSamples.response(3, 3, 0, part))))
                .isInstanceOf(SmbDecodeException.class).hasMessageContaining("call_id");
        ResponseAssembler otherContext = new ResponseAssembler(2, 0, 1 << 20);
        assertThatThrownBy(() -> otherContext.add(RpcPduTest.decode(RpcSamples.response(2, 3, 1, part))))
                .isInstanceOf(SmbDecodeException.class).hasMessageContaining("p_cont_id");
        ResponseAssembler small = new ResponseAssembler(2, 0, 10);
        small.add(RpcPduTest.decode(RpcSamples.response(2, PduHeader.FIRST_FRAG, 0, part)));
        assertThatThrownBy(() -> small.add(RpcPduTest.decode(RpcSamples.response(2, 0, 0, part))))
                .isInstanceOf(SmbDecodeException.class).hasMessageContaining("more than 10 bytes");
        ResponseAssembler done = new ResponseAssembler(2, 0, 1 << 20);
        done.add(RpcPduTest.decode(RpcSamples.response(2, 3, 0, part)));
        assertThatThrownBy(() -> done.add(RpcPduTest.decode(RpcSamples.response(2, 3, 0, part))))
                .isInstanceOf(SmbDecodeException.class).hasMessageContaining("after the call's last fragment");
    }

    @Test
    void aFaultEndsTheCallWithItsStatus() {
        ResponseAssembler a = new ResponseAssembler(2, 0, 1 << 20);
        assertThatThrownBy(() -> a.add(RpcPduTest.decode(RpcSamples.fault(2, FaultPdu.ACCESS_DENIED))))
                .isInstanceOfSatisfying(RpcFaultException.class, f -> assertThat(f.status()).isEqualTo(5));
    }

    static NetShareEnumResponse decode(byte[] stub) {
        ByteBuf in = Unpooled.wrappedBuffer(stub);
        try {
            return NetShareEnumResponse.decode(in);
        } finally {
            in.release();
        }
    }
}
