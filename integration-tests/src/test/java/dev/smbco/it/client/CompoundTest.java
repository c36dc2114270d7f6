package dev.smbco.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.FileContent;
import dev.smbco.client.FileStat;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbNotFoundException;
import dev.smbco.client.SmbTimeoutException;
import dev.smbco.client.SmbTree;
import dev.smbco.coro.Request;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.FrameRule;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The small composites (stat, delete, rename, small reads and writes) sent as related compounds
 * (MS-SMB2 3.2.4.1.4) against real Samba, plain, signed and encrypted: the same results as the
 * separate requests, the same typed errors when the CREATE fails, one frame each way, and a server
 * that rejects compounds costs nothing but the round trip.
 */
@ExtendWith(SambaExtension.class)
class CompoundTest {
    private static final Duration WAIT = Duration.ofSeconds(20);

    enum Mode {
        PLAIN, SIGNED, ENCRYPTED;

        SmbConfig config(boolean compounding) {
            SmbConfig.Builder b = SmbConfig.builder().compounding(compounding);
            return switch (this) {
                case PLAIN -> b.build();
                case SIGNED -> b.signing(SmbConfig.Policy.REQUIRED).build();
                case ENCRYPTED -> b.encryption(SmbConfig.Policy.REQUIRED).build();
            };
        }

        String share(SambaServer server) {
            return this == ENCRYPTED ? server.encryptedShare() : server.share();
        }
    }

    private static byte[] data(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static byte[] bytes(ByteBuf b) {
        return ByteBufUtil.getBytes(b);
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void compositesGiveTheSameResultsAsSeparateRequests(Mode mode, SambaServer server) {
        String dir = Smb.uniqueDir("compound");
        byte[] content = data(4096, mode.ordinal());
        try (Smb on = Smb.open(server, mode.config(true), mode.share(server));
             Smb off = Smb.open(server, mode.config(false), mode.share(server))) {
            on.tree.mkdir(dir);
            String a = dir + "/a.bin";
            String b = dir + "/b.bin";
            assertThat(on.tree.writeFile(a, OpenOptions.write(), Unpooled.wrappedBuffer(content))).isEqualTo(4096L);
            assertThat(off.tree.writeFile(b, OpenOptions.write(), Unpooled.wrappedBuffer(content))).isEqualTo(4096L);

            FileStat sa = on.tree.stat(a);
            FileStat sb = off.tree.stat(a);
            assertThat(sa.size()).isEqualTo(sb.size());
            assertThat(sa.attributes()).isEqualTo(sb.attributes());
            assertThat(sa.lastWriteTime()).isEqualTo(sb.lastWriteTime());
            assertThat(sa.creationTime()).isEqualTo(sb.creationTime());
            assertThat(sa.size()).isEqualTo(4096);
            assertThat(on.tree.stat(b).size()).isEqualTo(4096);
            assertThat(on.tree.stat(dir).isDirectory()).isTrue();

            for (SmbTree t : new SmbTree[] {on.tree, off.tree}) {
                FileContent read = t.readFile(b, 1 << 20);
                try {
                    assertThat(read.isWhole()).isTrue();
                    assertThat(bytes(read.data())).isEqualTo(content);
                    assertThat(read.stat().size()).isEqualTo(4096);
                } finally {
                    read.release();
                }
            }
            // an empty file: the READ answers STATUS_END_OF_FILE
            on.tree.writeFile(dir + "/empty", OpenOptions.write(), Unpooled.EMPTY_BUFFER);
            FileContent empty = on.tree.readFile(dir + "/empty", 4096);
            assertThat(empty.isWhole()).isTrue();
            assertThat(empty.data().readableBytes()).isZero();
            empty.release();
            // a file larger than what was asked: the first bytes, not whole
            FileContent head = on.tree.readFile(a, 1000);
            try {
                assertThat(head.isWhole()).isFalse();
                assertThat(bytes(head.data())).isEqualTo(java.util.Arrays.copyOf(content, 1000));
            } finally {
                head.release();
            }

            on.tree.rename(a, dir + "/c.bin", false);
            assertThat(off.tree.exists(a)).isFalse();
            assertThat(off.tree.stat(dir + "/c.bin").size()).isEqualTo(4096);
            on.tree.delete(dir + "/c.bin");
            on.tree.delete(dir + "/empty");
            off.tree.delete(b);
            assertThat(off.tree.list(dir)).isEmpty();
            on.tree.rmdir(dir);
            assertThat(off.tree.exists(dir)).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void aFailedCreateFailsTheChainWithItsOwnStatus(Mode mode, SambaServer server) {
        try (Smb smb = Smb.open(server, mode.config(true), mode.share(server))) {
            String missing = Smb.uniqueDir("missing");
            assertThatThrownBy(() -> smb.tree.stat(missing)).isInstanceOf(SmbNotFoundException.class).hasMessageContaining("CREATE");
            assertThatThrownBy(() -> smb.tree.delete(missing)).isInstanceOf(SmbNotFoundException.class);
            assertThatThrownBy(() -> smb.tree.rename(missing, missing + "2", false)).isInstanceOf(SmbNotFoundException.class);
            assertThatThrownBy(() -> smb.tree.readFile(missing, 100)).isInstanceOf(SmbNotFoundException.class);
            assertThatThrownBy(() -> smb.tree.writeFile(missing + "/x", OpenOptions.write(), Unpooled.wrappedBuffer(new byte[10])))
                    .isInstanceOf(SmbNotFoundException.class);
            // the connection is fine afterwards
            assertThat(smb.tree.exists(missing)).isFalse();
        }
    }

    /** Counts frames through the proxy while {@code op} runs. */
    static int[] framesEachWay(FaultProxy proxy, Runnable op) {
        FrameRule up = proxy.clientToServer().rewrite(Frames.any(), 0, f -> f);
        FrameRule down = proxy.serverToClient().rewrite(Frames.any(), 0, f -> f);
        try {
            op.run();
            return new int[] {up.fired(), down.fired()};
        } finally {
            up.remove();
            down.remove();
        }
    }

    @Test
    void aStatAndASmallUploadAreOneFrameEachWayAndSeparateRequestsWhenSwitchedOff(SambaServer server) {
        String name = Smb.uniqueDir("one-frame") + ".bin";
        ByteBuf data = Unpooled.wrappedBuffer(data(4096, 7));
        try (FaultProxy proxy = FaultProxy.start(server);
             Smb on = Smb.open(proxy.front(server), SmbConfig.defaults(), server.share());
             Smb off = Smb.open(proxy.front(server), SmbConfig.builder().compounding(false).build(), server.share())) {
            assertFrames(framesEachWay(proxy, () -> on.tree.writeFile(name, OpenOptions.write(), data)), 1, 1);
            assertFrames(framesEachWay(proxy, () -> on.tree.stat(name)), 1, 1);
            assertFrames(framesEachWay(proxy, () -> on.tree.readFile(name, 8192).release()), 1, 1);
            assertFrames(framesEachWay(proxy, () -> off.tree.writeFile(name, OpenOptions.write(), data)), 3, 3);
            assertFrames(framesEachWay(proxy, () -> off.tree.stat(name)), 2, 2);
            assertFrames(framesEachWay(proxy, () -> on.tree.delete(name)), 1, 1);
        }
    }

    /**
     * Exactly {@code up} frames went up; {@code down} final frames came down, and at most as many
     * again: a busy smbd may send an interim STATUS_PENDING ahead of a final response (MS-SMB2
     * 3.3.4.2), which is one more frame but no more round trips of ours.
     */
    static void assertFrames(int[] got, int up, int down) {
        assertThat(got[0]).as("frames sent").isEqualTo(up);
        assertThat(got[1]).as("frames received").isBetween(down, down * 2);
    }

    /** MS-ERREF STATUS_INVALID_PARAMETER. */
    private static final int STATUS_INVALID_PARAMETER = 0xC000000D;

    /** Rewrites every part of a compound response (NextCommand of the first part non-zero) to {@code status}. */
    private static byte[] rejectCompound(byte[] frame, int status) {
        if (!Frames.isSmb2(frame)) {
            return frame;
        }
        ByteBuffer b = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(20) == 0) {
            return frame;
        }
        int start = 0;
        while (true) {
            b.putInt(start + Frames.STATUS_OFFSET, status);
            int next = b.getInt(start + 20);
            if (next == 0) {
                return frame;
            }
            start += next;
        }
    }

    @Test
    void aServerThatRejectsCompoundsGetsSeparateRequestsAndNothingIsLost(SambaServer server) {
        String name = Smb.uniqueDir("rejected") + ".bin";
        byte[] content = data(3000, 11);
        try (FaultProxy proxy = FaultProxy.start(server);
             Smb smb = Smb.open(proxy.front(server), SmbConfig.defaults(), server.share())) {
            // (the first rule that matches a frame takes it: this one also counts what comes down)
            FrameRule reject = proxy.serverToClient().rewrite(Frames.any(), 0, f -> rejectCompound(f, STATUS_INVALID_PARAMETER));
            int[] frames = framesEachWay(proxy, () -> assertThat(smb.tree.writeFile(name, OpenOptions.write(),
                    Unpooled.wrappedBuffer(content))).isEqualTo(3000L));
            assertThat(frames[0]).as("the compound, then CREATE, WRITE, CLOSE").isEqualTo(4);
            int down = reject.fired();
            assertThat(down).as("a busy smbd may add an interim response").isGreaterThanOrEqualTo(4);
            // from now on separate requests: a stat is CREATE + CLOSE
            assertThat(framesEachWay(proxy, () -> assertThat(smb.tree.stat(name).size()).isEqualTo(3000))[0]).isEqualTo(2);
            assertThat(reject.fired()).isGreaterThanOrEqualTo(down + 2);
            reject.remove();
            FileContent back = smb.tree.readFile(name, 8192);
            try {
                assertThat(bytes(back.data())).isEqualTo(content);
            } finally {
                back.release();
            }
            smb.tree.delete(name);
        }
    }

    /** In a compound response, sets the EndOfFile of its CLOSE part (MS-SMB2 2.2.16: at 48 in the body). */
    private static byte[] closeEndOfFile(byte[] frame, long endOfFile) {
        if (!Frames.isSmb2(frame)) {
            return frame;
        }
        ByteBuffer b = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
        int start = 0;
        while (true) {
            if (b.getShort(start + Frames.COMMAND_OFFSET) == dev.smbco.protocol.Command.CLOSE.code() && start > 0) {
                b.putLong(start + 64 + 48, endOfFile);
            }
            int next = b.getInt(start + 20);
            if (next == 0) {
                return frame;
            }
            start += next;
        }
    }

    @Test
    void aCompoundUploadWhoseCloseReportsAnotherSizeFailsWithBothSizes(SambaServer server) {
        String name = Smb.uniqueDir("mismatch") + ".bin";
        try (FaultProxy proxy = FaultProxy.start(server);
             Smb smb = Smb.open(proxy.front(server), SmbConfig.defaults(), server.share())) {
            FrameRule lie = proxy.serverToClient().rewrite(Frames.any(), 0, f -> closeEndOfFile(f, 65_424));
            assertThatThrownBy(() -> smb.tree.writeFile(name, OpenOptions.write(), Unpooled.wrappedBuffer(new byte[5000])))
                    .isInstanceOf(dev.smbco.client.SmbSizeMismatchException.class)
                    .hasMessageContaining("the server holds 65424 bytes, 5000 were written");
            lie.remove();
            assertThat(smb.tree.exists(name)).isTrue(); // the handle was closed; the caller decides what to do with the file
            smb.tree.delete(name);
        }
    }

    /**
     * A chain whose caller gave up (timed out) while the server answered: the chain's own CLOSE
     * closed the handle, so nothing is undone (no further frame), and the file is free for an
     * exclusive open.
     */
    @Test
    void aTimedOutChainWhoseCloseSucceededLeavesNothingOpenAndSendsNoUndo(SambaServer server) throws Exception {
        String name = Smb.uniqueDir("late-chain") + ".bin";
        try (FaultProxy proxy = FaultProxy.start(server);
             Smb smb = Smb.open(proxy.front(server), SmbConfig.builder().requestTimeout(Duration.ofSeconds(2)).build(), server.share())) {
            FrameRule held = proxy.serverToClient().hold(Frames.any(), 1);
            Request<Long> r = smb.tree.writeFileSend(name, OpenOptions.write(), Unpooled.wrappedBuffer(new byte[100]));
            assertThatThrownBy(r::await).isInstanceOf(SmbTimeoutException.class);
            FrameRule up = proxy.clientToServer().rewrite(Frames.command(dev.smbco.protocol.Command.CLOSE.code()), 0, f -> f);
            held.release();
            // a round trip after the late answer: anything the client sent for it has gone out by now
            assertThat(smb.tree.stat(name).size()).isEqualTo(100);
            assertThat(smb.tree.stat(name).size()).isEqualTo(100); // sent after anything the late answer caused
            assertThat(up.fired()).as("no CLOSE (undo) sent").isZero();
            try (Smb other = Smb.open(server);
                 SmbFile f = other.tree.open(name, OpenOptions.readWrite().withShareAccess(0))) {
                assertThat(f.isOpen()).isTrue();
            }
            smb.tree.delete(name);
        }
    }
}
