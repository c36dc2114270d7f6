package dev.smbco.protocol.smb2;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.Smb2Response;
import dev.smbco.protocol.SmbDecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Direct TCP framing, compound walking and building, zero-copy READ data. */
class FramingTest {
    static final FileId FID = new FileId(1, 2);

    @Test
    void directTcpHeader() {
        ByteBuf b = Unpooled.buffer();
        try {
            DirectTcp.writeHeader(b, 0x123456);
            assertThat(new byte[] {b.getByte(0), b.getByte(1), b.getByte(2), b.getByte(3)}).containsExactly(0, 0x12, 0x34, 0x56);
            assertThat(DirectTcp.readLength(b)).isEqualTo(0x123456);
            b.clear();
            int at = DirectTcp.reserveHeader(b);
            b.writeZero(300);
            DirectTcp.patchHeader(b, at);
            assertThat(DirectTcp.readLength(b)).isEqualTo(300);
            b.clear();
            DirectTcp.writeHeader(b, DirectTcp.MAX_LENGTH);
            assertThat(DirectTcp.readLength(b)).isEqualTo(0xFFFFFF);
            assertThatThrownBy(() -> DirectTcp.writeHeader(b, 0x1000000)).isInstanceOf(IllegalArgumentException.class);
            b.clear();
            b.writeInt(0x01000010);
            assertThatThrownBy(() -> DirectTcp.readLength(b)).isInstanceOf(SmbDecodeException.class).hasMessageContaining("Zero");
            b.clear();
            b.writeShort(0);
            assertThatThrownBy(() -> DirectTcp.readLength(b)).isInstanceOf(SmbDecodeException.class);
        } finally {
            b.release();
        }
    }

    /** A CREATE + READ + CLOSE compound built, then walked: parts are padded, chained, related, and windows of one buffer. */
    @Test
    void compoundBuildAndWalkWithoutCopying() {
        ByteBuf frame = Unpooled.buffer();
        try {
            Compound.Builder builder = Compound.builder()
                    .add(Frames.requestHeader(Command.CREATE), new CreateRequest(0, 2, AccessMask.GENERIC_READ, 0, ShareAccess.READ,
                            CreateDisposition.OPEN, 0, "a.txt", List.of()))
                    .addRelated(Frames.requestHeader(Command.READ), ReadRequest.of(FileId.RELATED, 0, 4096))
                    .addRelated(Frames.requestHeader(Command.CLOSE), new CloseRequest(0, FileId.RELATED));
            int[] starts = builder.encode(frame);
            assertThat(starts).hasSize(3);
            for (int s : starts) {
                assertThat(s % 8).isZero();
            }
            List<ByteBuf> parts = Compound.split(frame);
            assertThat(parts).hasSize(3);
            List<Command> commands = new ArrayList<>();
            for (int i = 0; i < parts.size(); i++) {
                ByteBuf part = parts.get(i);
                Smb2Header h = Smb2Header.decode(part);
                commands.add(h.command());
                assertThat(h.isRelated()).isEqualTo(i > 0);
                assertThat(h.nextCommand()).isEqualTo(i < 2 ? part.capacity() : 0);
                if (i < 2) {
                    assertThat(part.capacity() % 8).isZero();
                }
                // the part is a window over the frame's memory: a write to the frame shows in the part
                assertThat(part.unwrap()).isSameAs(frame);
                byte old = frame.getByte(starts[i] + 63);
                frame.setByte(starts[i] + 63, 0x5A);
                assertThat(part.getByte(63)).isEqualTo((byte) 0x5A);
                frame.setByte(starts[i] + 63, old);
            }
            assertThat(commands).containsExactly(Command.CREATE, Command.READ, Command.CLOSE);
            parts.get(1).readerIndex(Smb2Header.SIZE);
            assertThat(RequestDecoder.decode(Command.READ, parts.get(1))).isEqualTo(ReadRequest.of(FileId.RELATED, 0, 4096));

            // forEach narrows the frame itself and restores its indices
            int reader = frame.readerIndex();
            int writer = frame.writerIndex();
            List<Integer> sizes = new ArrayList<>();
            Compound.forEach(frame, m -> {
                assertThat(m).isSameAs(frame);
                sizes.add(m.readableBytes());
                Smb2Header.decode(m);
            });
            assertThat(sizes).hasSize(3);
            assertThat(sizes.stream().mapToInt(Integer::intValue).sum()).isEqualTo(writer - reader);
            assertThat(frame.readerIndex()).isEqualTo(reader);
            assertThat(frame.writerIndex()).isEqualTo(writer);
        } finally {
            frame.release();
        }
    }

    @Test
    void compoundRejectsBadNextCommand() {
        ByteBuf frame = Unpooled.buffer();
        try {
            Compound.builder().add(Frames.requestHeader(Command.ECHO), new EchoRequest())
                    .add(Frames.requestHeader(Command.ECHO), new EchoRequest()).encode(frame);
            assertThat(Compound.split(frame)).hasSize(2);
            for (int bad : new int[] {4, 60, 68, 1 << 20, -8}) {
                frame.setIntLE(Smb2Header.OFFSET_NEXT_COMMAND, bad);
                assertThatThrownBy(() -> Compound.split(frame)).isInstanceOf(SmbDecodeException.class).hasMessageContaining("NextCommand");
            }
            frame.setIntLE(Smb2Header.OFFSET_NEXT_COMMAND, 72);
            frame.writerIndex(72 + 10);
            assertThatThrownBy(() -> Compound.split(frame)).isInstanceOf(SmbDecodeException.class);
            frame.writerIndex(0);
            assertThatThrownBy(() -> Compound.split(frame)).isInstanceOf(SmbDecodeException.class);
        } finally {
            frame.release();
        }
    }

    /** READ data is a retained slice of the frame: same memory, own reference released by the response's holder. */
    @Test
    void readDataSharesMemoryWithTheFrame() {
        byte[] payload = "zero copy read payload".getBytes(StandardCharsets.US_ASCII);
        ByteBuf frame = Frames.response(Command.READ, 0, new ReadResponse(Unpooled.wrappedBuffer(payload), 0, 0)::encode);
        Smb2Header h = Smb2Header.decode(frame);
        Smb2Response decoded = ResponseDecoder.decode(h, frame);
        assertThat(decoded).isInstanceOf(ReadResponse.class);
        ReadResponse read = (ReadResponse) decoded;
        assertThat(frame.refCnt()).isEqualTo(2);              // the frame's owner + the response's slice
        assertThat(read.data().unwrap()).isSameAs(frame.unwrap() == null ? frame : frame.unwrap());
        int dataIndex = 64 + 16;
        frame.setByte(dataIndex, 'Z');
        assertThat(read.data().getByte(read.data().readerIndex())).isEqualTo((byte) 'Z');
        assertThat(read.data().hasArray() && read.data().array() == frame.array()).isTrue();
        assertThat(read.data().arrayOffset() + read.data().readerIndex()).isEqualTo(frame.arrayOffset() + dataIndex);
        frame.release();                                       // the frame's owner is done
        assertThat(read.refCnt()).isEqualTo(1);
        assertThat(read.data().readableBytes()).isEqualTo(payload.length);
        assertThat(read.release()).isTrue();                   // the holder releases; memory is freed
        assertThat(frame.refCnt()).isZero();
    }

    /** WRITE without copying: header + fixed part in one buffer, the caller's data appended as a composite component. */
    @Test
    void writeCanBeSentWithoutCopyingTheData() {
        ByteBuf data = Unpooled.directBuffer(100_000);
        for (int i = 0; i < 100_000; i++) {
            data.writeByte(i * 31);
        }
        WriteRequest w = WriteRequest.of(FID, 1 << 20, data);
        ByteBuf copied = Frames.request(w);
        io.netty.buffer.CompositeByteBuf composite = Unpooled.compositeBuffer();
        try {
            ByteBuf head = Unpooled.buffer(Smb2Header.SIZE + WriteRequest.FIXED_SIZE);
            Frames.requestHeader(Command.WRITE).encode(head);
            w.encodeFixed(head);
            composite.addComponent(true, head);
            composite.addComponent(true, data.retainedSlice());
            assertThat(io.netty.buffer.ByteBufUtil.equals(composite, copied)).isTrue(); // same bytes as the copying encode
            data.setByte(0, 0x77);                                        // the payload is the caller's memory:
            assertThat(composite.getByte(Smb2Header.SIZE + WriteRequest.FIXED_SIZE)).isEqualTo((byte) 0x77);
            assertThat(data.readerIndex()).isZero();                      // indices untouched by encoding
            assertThat(w.creditPayloadSize()).isEqualTo(100_000);
            assertThat(w.creditCharge()).isEqualTo(2);
        } finally {
            composite.release();
            copied.release();
            assertThat(data.refCnt()).isEqualTo(1);                       // the caller still owns its reference
            data.release();
        }
    }

    @Test
    void creditChargeFollowsMsSmb2_3_1_5_2() {
        assertThat(new EchoRequest().creditCharge()).isEqualTo(1);
        assertThat(ReadRequest.of(FID, 0, 1).creditCharge()).isEqualTo(1);
        assertThat(ReadRequest.of(FID, 0, 65536).creditCharge()).isEqualTo(1);
        assertThat(ReadRequest.of(FID, 0, 65537).creditCharge()).isEqualTo(2);
        assertThat(ReadRequest.of(FID, 0, 8 << 20).creditCharge()).isEqualTo(128);
        assertThat(new QueryDirectoryRequest(37, 0, 0, FID, "*", 131072).creditCharge()).isEqualTo(2);
    }

    @Test
    void errorRuleOfMsSmb2_3_3_4_4() {
        ByteBuf nine = Unpooled.buffer().writeShortLE(9);
        ByteBuf read = Unpooled.buffer().writeShortLE(17);
        ByteBuf ioctl = Unpooled.buffer().writeShortLE(49);
        try {
            assertThat(ResponseDecoder.isErrorResponse(Command.CREATE, 0, nine)).isFalse();
            assertThat(ResponseDecoder.isErrorResponse(Command.READ, 0x00000103, read)).isTrue(); // STATUS_PENDING
            assertThat(ResponseDecoder.isErrorResponse(Command.CREATE, 0xC0000034, nine)).isTrue();
            assertThat(ResponseDecoder.isErrorResponse(Command.SESSION_SETUP, 0xC0000016, nine)).isFalse();
            assertThat(ResponseDecoder.isErrorResponse(Command.SESSION_SETUP, 0xC000006D, nine)).isTrue();
            assertThat(ResponseDecoder.isErrorResponse(Command.QUERY_INFO, 0x80000005, nine)).isFalse();
            assertThat(ResponseDecoder.isErrorResponse(Command.READ, 0x80000005, read)).isFalse();
            assertThat(ResponseDecoder.isErrorResponse(Command.READ, 0x80000005, nine)).isTrue();
            assertThat(ResponseDecoder.isErrorResponse(Command.IOCTL, 0x80000005, ioctl)).isFalse();
            assertThat(ResponseDecoder.isErrorResponse(Command.IOCTL, 0xC000000D, ioctl)).isFalse();
            assertThat(ResponseDecoder.isErrorResponse(Command.IOCTL, 0xC000000D, nine)).isTrue();
            assertThat(ResponseDecoder.isErrorResponse(Command.IOCTL, 0xC0000022, ioctl)).isTrue();
            assertThat(ResponseDecoder.isErrorResponse(Command.CHANGE_NOTIFY, 0x0000010C, nine)).isFalse(); // NOTIFY_ENUM_DIR
            assertThat(ResponseDecoder.isErrorResponse(Command.QUERY_DIRECTORY, 0x80000006, nine)).isTrue(); // NO_MORE_FILES
            assertThat(ResponseDecoder.isErrorResponse(Command.CREATE, 0x8000002D, nine)).isTrue(); // STOPPED_ON_SYMLINK
            assertThat(ResponseDecoder.isErrorResponse(Command.QUERY_DIRECTORY, 0x80000005, nine)).isTrue();
        } finally {
            nine.release();
            read.release();
            ioctl.release();
        }
    }

    @Test
    void cancelHasNoResponse() {
        ByteBuf frame = Frames.response(Command.CANCEL, 0, b -> b.writeShortLE(4).writeShortLE(0));
        try {
            Smb2Header h = Smb2Header.decode(frame);
            assertThatThrownBy(() -> ResponseDecoder.decode(h, frame)).isInstanceOf(SmbDecodeException.class);
        } finally {
            frame.release();
        }
    }
}
