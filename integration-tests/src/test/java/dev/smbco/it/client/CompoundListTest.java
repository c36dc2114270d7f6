package dev.smbco.it.client;

import static dev.smbco.it.client.CompoundTest.assertFrames;
import static dev.smbco.it.client.CompoundTest.framesEachWay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.DirEntry;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbException;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbNotFoundException;
import dev.smbco.protocol.Command;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.FrameRule;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A listing's first page comes with the open: CREATE + QUERY_DIRECTORY as one related compound
 * (MS-SMB2 3.2.4.1.4, FileId 0xFFFFFFFFFFFFFFFF) where the connection compounds, against real
 * Samba: the same list as the separate requests, one round trip fewer, a failed CREATE fails the
 * listing with the CREATE's own status, and a listing that ends on its first page (an empty
 * match) is an empty list.
 */
@ExtendWith(SambaExtension.class)
class CompoundListTest {

    private static List<String> describe(List<DirEntry> entries) {
        return entries.stream().sorted(Comparator.comparing(DirEntry::name))
                .map(e -> e.name() + " " + e.stat().size() + " " + e.stat().attributes() + " " + e.stat().lastWriteTime()).toList();
    }

    @ParameterizedTest
    @EnumSource(CompoundTest.Mode.class)
    void theCompoundedListingEqualsTheSeparateOne(CompoundTest.Mode mode, SambaServer server) {
        String dir = Smb.uniqueDir("compound-list");
        try (Smb on = Smb.open(server, mode.config(true), mode.share(server));
             Smb off = Smb.open(server, mode.config(false), mode.share(server))) {
            on.tree.mkdir(dir);
            on.tree.mkdir(dir + "/sub");
            on.tree.mkdir(dir + "/empty");
            for (int i = 0; i < 40; i++) {
                on.tree.writeFile(dir + "/file-" + i + ".txt", OpenOptions.write(), Unpooled.wrappedBuffer(new byte[i * 10]));
            }
            List<DirEntry> compounded = on.tree.list(dir);
            assertThat(compounded).hasSize(42);
            assertThat(describe(compounded)).isEqualTo(describe(off.tree.list(dir)));
            assertThat(describe(on.tree.list(dir, "file-1*"))).isEqualTo(describe(off.tree.list(dir, "file-1*"))).hasSize(11);
            // an empty directory; a pattern that matches nothing (STATUS_NO_SUCH_FILE on the first page)
            assertThat(on.tree.list(dir + "/empty")).isEmpty();
            assertThat(on.tree.list(dir, "nothing-like-this*")).isEmpty();
            assertThat(off.tree.list(dir, "nothing-like-this*")).isEmpty();
            on.tree.deleteTree(dir);
        }
    }

    @Test
    void aFailedCreateFailsTheListingWithItsOwnStatus(SambaServer server) {
        String dir = Smb.uniqueDir("compound-list-missing");
        try (Smb on = Smb.open(server, SmbConfig.defaults(), server.share());
             Smb off = Smb.open(server, SmbConfig.builder().compounding(false).build(), server.share())) {
            assertThatThrownBy(() -> on.tree.list(dir)).isInstanceOf(SmbNotFoundException.class).hasMessageContaining("CREATE");
            // a file is no directory: the CREATE (FILE_DIRECTORY_FILE) fails, with the same error either way
            String file = dir + ".txt";
            on.tree.writeFile(file, OpenOptions.write(), Unpooled.wrappedBuffer(new byte[3]));
            Throwable compounded = org.assertj.core.api.Assertions.catchThrowable(() -> on.tree.list(file));
            Throwable separate = org.assertj.core.api.Assertions.catchThrowable(() -> off.tree.list(file));
            assertThat(compounded).isInstanceOf(SmbException.class).hasMessageContaining("CREATE");
            assertThat(compounded.getClass()).isEqualTo(separate.getClass());
            assertThat(on.tree.list("").stream().map(DirEntry::name)).contains(file); // the connection lists on
            on.tree.delete(file);
        }
    }

    @Test
    void theOpenAndTheFirstPageAreOneFrameEachWay(SambaServer server) {
        String dir = Smb.uniqueDir("compound-list-frames");
        try (FaultProxy proxy = FaultProxy.start(server);
             Smb on = Smb.open(proxy.front(server), SmbConfig.defaults(), server.share());
             Smb off = Smb.open(proxy.front(server), SmbConfig.builder().compounding(false).build(), server.share())) {
            on.tree.mkdir(dir);
            on.tree.writeFile(dir + "/a", OpenOptions.write(), Unpooled.wrappedBuffer(new byte[5]));
            // CREATE+QUERY_DIRECTORY, the QUERY_DIRECTORY that ends it (STATUS_NO_MORE_FILES), CLOSE
            assertFrames(framesEachWay(proxy, () -> assertThat(on.tree.list(dir)).hasSize(1)), 3, 3);
            // separately: CREATE, QUERY_DIRECTORY, QUERY_DIRECTORY, CLOSE
            assertFrames(framesEachWay(proxy, () -> assertThat(off.tree.list(dir)).hasSize(1)), 4, 4);
            // a pattern that matches nothing ends on the first page: the compound and the CLOSE
            assertFrames(framesEachWay(proxy, () -> assertThat(on.tree.list(dir, "zz*")).isEmpty()), 2, 2);
            on.tree.deleteTree(dir);
        }
    }

    /** In a compound response, sets the status of its QUERY_DIRECTORY part (after a good CREATE). */
    private static byte[] failQueryDirectory(byte[] frame, int status) {
        if (!Frames.isSmb2(frame)) {
            return frame;
        }
        ByteBuffer b = ByteBuffer.wrap(frame).order(ByteOrder.LITTLE_ENDIAN);
        if (b.getInt(20) == 0) {
            return frame;
        }
        int start = 0;
        while (true) {
            if (b.getShort(start + Frames.COMMAND_OFFSET) == Command.QUERY_DIRECTORY.code()) {
                b.putInt(start + Frames.STATUS_OFFSET, status);
            }
            int next = b.getInt(start + 20);
            if (next == 0) {
                return frame;
            }
            start += next;
        }
    }

    /**
     * The CREATE succeeds but its QUERY_DIRECTORY fails (here: access denied, rewritten in the
     * compound response): the listing fails with that typed error, and the handle the CREATE
     * opened is closed, so the directory can be removed at once.
     */
    @Test
    void aFailedFirstPageFailsTheListingAndClosesTheHandle(SambaServer server) {
        String dir = Smb.uniqueDir("compound-list-denied");
        try (FaultProxy proxy = FaultProxy.start(server);
             Smb smb = Smb.open(proxy.front(server), SmbConfig.defaults(), server.share())) {
            smb.tree.mkdir(dir);
            FrameRule deny = proxy.serverToClient().rewrite(Frames.any(), 0, f -> failQueryDirectory(f, 0xC0000022));
            FrameRule closes = proxy.clientToServer().rewrite(Frames.command(Command.CLOSE.code()), 0, f -> f);
            assertThatThrownBy(() -> smb.tree.list(dir)).isInstanceOf(dev.smbco.client.SmbAccessDeniedException.class)
                    .hasMessageContaining("QUERY_DIRECTORY");
            deny.remove();
            assertThat(smb.tree.list(dir)).isEmpty(); // a round trip after the undo went out
            assertThat(closes.fired()).as("the undo's CLOSE and the second listing's").isEqualTo(2);
            closes.remove();
            try (SmbFile d = smb.tree.open(dir, OpenOptions.directory().withShareAccess(0))) {
                assertThat(d.isOpen()).isTrue(); // nothing of ours holds it open any more
            }
            smb.tree.rmdir(dir);
        }
    }
}
