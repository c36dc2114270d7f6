package dev.smbco.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smbco.testcontainers.SambaContainer;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A JUnit test against a real Samba server from {@code smbco-testcontainers}: the two other
 * examples run against it.
 */
class SambaContainerExampleTest {
    static SambaContainer samba = new SambaContainer().withShare("data").withUser("alice", "pw");

    @BeforeAll
    static void start() {
        samba.start();
    }

    @AfterAll
    static void stop() {
        samba.stop();
    }

    @Test
    void copyATreeThenWalkIt(@TempDir Path local) throws Exception {
        Files.createDirectories(local.resolve("docs/2026"));
        Files.writeString(local.resolve("readme.txt"), "hello");
        Files.write(local.resolve("docs/2026/report.bin"), new byte[100_000]);

        long copied = CopyTree.copy(local, URI.create(samba.uri("data") + "/backup"), samba.user(), samba.password());
        assertEquals(100_005, copied);

        List<String> lines = WalkShare.walk(samba.uri("data"), samba.user(), samba.password());
        assertTrue(lines.contains("5\t/backup/readme.txt"), lines.toString());
        assertTrue(lines.contains("100000\t/backup/docs/2026/report.bin"), lines.toString());
        assertTrue(lines.contains("dir\t/backup/docs"), lines.toString());
    }
}
