package dev.smbco.it.client;

import static dev.smbco.it.client.CompoundTest.framesEachWay;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.DirEntry;
import dev.smbco.client.DirectoryPages;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbClosedException;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbSharingViolationException;
import dev.smbco.client.SmbTree;
import dev.smbco.protocol.Command;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.FrameRule;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link SmbTree#listPagesSend}: a directory of more entries than one page, listed one
 * QUERY_DIRECTORY per {@link DirectoryPages#next()}, against real Samba; the directory handle is
 * closed when the listing ends, when it is closed early, and when the caller drops it half way.
 * "Closed" is what the server says: only then may the directory be opened with no sharing at all.
 */
@ExtendWith(SambaExtension.class)
class DirectoryPagesTest {
    private static final int FILES = 150;
    /** Room for ~15 entries of ~60-character names (MS-FSCC 2.4.17: 104 bytes + the name in UTF-16). */
    private static final int PAGE = 4096;

    private static String fill(SmbTree tree, String prefix) {
        String dir = Smb.uniqueDir(prefix);
        tree.mkdir(dir);
        for (int i = 0; i < FILES; i++) {
            tree.writeFile(dir + "/" + String.format("entry-%04d-", i) + "x".repeat(48), OpenOptions.write(),
                    Unpooled.wrappedBuffer(new byte[i]));
        }
        return dir;
    }

    /** Whether nothing holds the directory open: an open that shares nothing succeeds only then. */
    private static boolean nobodyHoldsOpen(SmbTree tree, String dir) {
        try (SmbFile d = tree.open(dir, OpenOptions.directory().withShareAccess(0))) {
            return d.isOpen();
        } catch (SmbSharingViolationException held) {
            return false;
        }
    }

    @Test
    void eachPageIsOneQueryDirectoryAndTheEndClosesTheHandle(SambaServer server) {
        try (FaultProxy proxy = FaultProxy.start(server);
             Smb smb = Smb.open(proxy.front(server))) {
            String dir = fill(smb.tree, "pages");
            List<String> all = smb.tree.list(dir).stream().map(DirEntry::name).sorted().toList();
            assertThat(all).hasSize(FILES);

            FrameRule queries = proxy.clientToServer().rewrite(Frames.command(Command.QUERY_DIRECTORY.code()), 0, f -> f);
            DirectoryPages pages = smb.tree.listPages(dir, "*", PAGE);
            List<String> seen = new ArrayList<>();
            List<DirEntry> first = pages.next();
            assertThat(first).isNotEmpty().hasSizeLessThan(FILES);
            first.forEach(e -> seen.add(e.name()));
            assertThat(queries.fired()).as("the first page came with the open (compounded) or right after it").isLessThanOrEqualTo(1);
            int pagesAfterFirst = 0;
            while (true) {
                int before = queries.fired();
                List<DirEntry> page = pages.next();
                assertThat(queries.fired() - before).as("QUERY_DIRECTORY requests for one page").isEqualTo(1);
                if (page.isEmpty()) {
                    break;
                }
                page.forEach(e -> seen.add(e.name()));
                pagesAfterFirst++;
                assertThat(pages.isExhausted()).isFalse();
            }
            queries.remove();
            assertThat(pagesAfterFirst).as("more entries than one page").isGreaterThanOrEqualTo(2);
            assertThat(seen).hasSize(FILES);
            assertThat(seen.stream().sorted().toList()).isEqualTo(all);
            assertThat(pages.isExhausted()).isTrue();
            assertThat(pages.next()).as("an ended listing stays ended").isEmpty();
            assertThat(nobodyHoldsOpen(smb.tree, dir)).as("the end of the listing closed the handle").isTrue();
            pages.close(); // closing an ended listing is harmless
            smb.tree.deleteTree(dir);
        }
    }

    @Test
    void closingEarlyClosesTheHandleAndEndsTheListing(SambaServer server) {
        try (Smb smb = Smb.open(server)) {
            String dir = fill(smb.tree, "pages-early");
            DirectoryPages pages = smb.tree.listPages(dir, "*", PAGE);
            assertThat(pages.next()).isNotEmpty();
            assertThat(pages.next()).isNotEmpty();
            assertThat(nobodyHoldsOpen(smb.tree, dir)).as("the listing holds the handle").isFalse();
            pages.close();
            assertThat(nobodyHoldsOpen(smb.tree, dir)).isTrue();
            assertThatThrownBy(pages::next).isInstanceOf(SmbClosedException.class).hasMessageContaining("QUERY_DIRECTORY");
            pages.close();
            smb.tree.deleteTree(dir);
        }
    }

    @Test
    void aListingThatEndsOnItsFirstPageHasClosedItsHandleAlready(SambaServer server) {
        try (Smb smb = Smb.open(server)) {
            String dir = Smb.uniqueDir("pages-empty");
            smb.tree.mkdir(dir);
            smb.tree.writeFile(dir + "/a", OpenOptions.write(), Unpooled.wrappedBuffer(new byte[1]));
            DirectoryPages none = smb.tree.listPages(dir, "zz*", Integer.MAX_VALUE);
            assertThat(none.isExhausted()).isTrue();
            assertThat(nobodyHoldsOpen(smb.tree, dir)).isTrue();
            assertThat(none.next()).isEmpty();
            assertThatThrownBy(() -> smb.tree.listPages(dir, "*", 100)).isInstanceOf(IllegalArgumentException.class);
            smb.tree.deleteTree(dir);
        }
    }

    /** Lists one page and drops the listing: nothing of the caller's refers to it afterwards. */
    private static void listOnePageAndForget(SmbTree tree, String dir) {
        DirectoryPages pages = tree.listPages(dir, "*", PAGE);
        assertThat(pages.next()).isNotEmpty();
        assertThat(pages.isExhausted()).isFalse();
    }

    @Test
    void aListingDroppedHalfWayClosesItsHandleOnceItIsGarbage(SambaServer server) throws InterruptedException {
        try (Smb smb = Smb.open(server)) {
            String dir = fill(smb.tree, "pages-dropped");
            listOnePageAndForget(smb.tree, dir);
            assertThat(nobodyHoldsOpen(smb.tree, dir)).as("the dropped listing still holds the handle").isFalse();
            boolean closed = false;
            for (int i = 0; i < 100 && !closed; i++) { // the cleaner runs after a collection finds the listing
                System.gc();
                Thread.sleep(50);
                closed = nobodyHoldsOpen(smb.tree, dir);
            }
            assertThat(closed).as("the handle of the dropped listing was closed").isTrue();
            smb.tree.deleteTree(dir);
        }
    }
}
