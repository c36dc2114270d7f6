package dev.smbco.cli;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PrewarmTest {
    @Test
    void warmsUpOnlyForCommandsThatNameAServer() {
        assertTrue(Prewarm.namesServer(new String[] {"ls", "smb://host/share/"}));
        assertTrue(Prewarm.namesServer(new String[] {"get", "SMB://HOST/share/a", "a"}));
        assertTrue(Prewarm.namesServer(new String[] {"cp", "local", "//host/share/dir"}));
        assertTrue(Prewarm.namesServer(new String[] {"stat", "\\\\host\\share\\a"}));
        assertFalse(Prewarm.namesServer(new String[] {"--version"}));
        assertFalse(Prewarm.namesServer(new String[] {"help", "ls"}));
        assertFalse(Prewarm.namesServer(new String[] {"cp", "a/smb://b", "c"}));
        assertFalse(Prewarm.namesServer(new String[0]));
    }
}
