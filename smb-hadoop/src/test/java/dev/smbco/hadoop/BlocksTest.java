package dev.smbco.hadoop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

class BlocksTest {
    private static final URI SERVER = URI.create("smb://nas:4450");
    private static final long MIB = 1024 * 1024;

    private static FileStatus file(long length) {
        return new FileStatus(length, false, 1, 128 * MIB, 0, new Path("smb://nas:4450/share/f"));
    }

    @Test
    void aLargeFileIsSplitIntoBlocks() {
        BlockLocation[] blocks = Blocks.locations(file(1024 * MIB + 1), 0, Long.MAX_VALUE, 128 * MIB, SERVER);
        assertEquals(9, blocks.length);
        assertEquals(0, blocks[0].getOffset());
        assertEquals(128 * MIB, blocks[0].getLength());
        assertEquals(1024 * MIB, blocks[8].getOffset());
        assertEquals(1, blocks[8].getLength());
        assertArrayEquals(new String[] {"nas"}, uncheckedHosts(blocks[3]));
    }

    @Test
    void aRangeGetsOnlyTheBlocksItOverlaps() {
        BlockLocation[] blocks = Blocks.locations(file(100), 25, 30, 10, SERVER);
        assertEquals(4, blocks.length); // [20,30) [30,40) [40,50) [50,60)
        assertEquals(20, blocks[0].getOffset());
        assertEquals(50, blocks[3].getOffset());
    }

    @Test
    void nothingPastTheEndAndNoNegatives() {
        assertEquals(0, Blocks.locations(file(100), 100, 10, 10, SERVER).length);
        assertEquals(0, Blocks.locations(file(0), 0, 10, 10, SERVER).length);
        assertThrows(IllegalArgumentException.class, () -> Blocks.locations(file(100), -1, 10, 10, SERVER));
        assertThrows(IllegalArgumentException.class, () -> Blocks.locations(file(100), 0, -1, 10, SERVER));
    }

    private static String[] uncheckedHosts(BlockLocation b) {
        try {
            return b.getHosts();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
