package dev.smbco.hadoop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.PathIOException;
import org.junit.jupiter.api.Test;

class SmbLocationTest {
    @Test
    void firstComponentIsTheShare() throws IOException {
        SmbLocation loc = SmbLocation.of(new Path("smb://host:4450/share/a/b.txt"));
        assertEquals("share", loc.share());
        assertEquals("a\\b.txt", loc.path());
        assertEquals("b.txt", loc.name());
        assertEquals("a", loc.parentPath());
        assertEquals(new SmbLocation("share", "a\\.b.tmp"), loc.sibling(".b.tmp"));
    }

    @Test
    void rootsHaveNoPath() throws IOException {
        SmbLocation server = SmbLocation.of(new Path("smb://host/"));
        assertTrue(server.isServerRoot());
        assertNull(server.share());
        SmbLocation share = SmbLocation.of(new Path("smb://host/share/"));
        assertTrue(share.isShareRoot());
        assertEquals("", share.path());
        assertEquals("", SmbLocation.of(new Path("smb://host/share/top")).parentPath());
    }

    @Test
    void relativePathsAreRefused() {
        assertThrows(PathIOException.class, () -> SmbLocation.of(new Path("relative/x")));
    }

    @Test
    void containsMatchesWholeComponentsIgnoringCase() throws IOException {
        SmbLocation dir = SmbLocation.of(new Path("/share/Dir"));
        assertTrue(dir.contains(SmbLocation.of(new Path("/SHARE/dir/x"))));
        assertTrue(dir.contains(dir));
        assertFalse(dir.contains(SmbLocation.of(new Path("/share/Dirt"))));
        assertFalse(dir.contains(SmbLocation.of(new Path("/other/Dir/x"))));
        assertTrue(SmbLocation.of(new Path("/share")).contains(dir));
    }
}
