package dev.smbco.it.nio;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * README.md's "java.nio.file" example as it stands there: only the server, the credentials, the
 * directory ("2026" becomes a fresh one) and the local target are the test's.
 */
@ExtendWith(SambaExtension.class)
class ReadmeNioExampleTest {

    @Test
    void theReadmeExampleRuns(SambaServer server, @TempDir Path tmp) throws Exception {
        String dirName = "readme-nio-" + UUID.randomUUID().toString().substring(0, 8);
        char[] password = server.password().toCharArray();
        String base = "smb://" + server.host() + ":" + server.port() + "/" + server.share();
        Path local = tmp.resolve("report.pdf");
        List<String> printed = new ArrayList<>();
        try (FileSystem setup = FileSystems.newFileSystem(URI.create(base), NioShare.env(server))) {
            Files.createDirectory(setup.getPath("/" + dirName));
            Files.writeString(setup.getPath("/" + dirName + "/report.pdf"), "%PDF-1.7 not really");
        }

        // ---- README
        Map<String, Object> env = Map.of("user", server.user(), "password", password, "domain", server.domain());
        try (FileSystem share = FileSystems.newFileSystem(URI.create(base), env)) {
            Path dir = share.getPath("/" + dirName);                       // the share root is "/"
            try (Stream<Path> files = Files.walk(dir)) {
                files.filter(Files::isRegularFile).forEach(p -> printed.add(p + " " + p.toUri()));
            }
            Files.copy(dir.resolve("report.pdf"), dir.resolve("report-copy.pdf"));      // server-side copy
            Files.copy(dir.resolve("report.pdf"), local, StandardCopyOption.REPLACE_EXISTING);
            Path same = Path.of(URI.create("smb://" + server.domain() + ";" + server.user() + "@" + server.host() + ":"
                    + server.port() + "/" + server.share() + "/" + dirName + "/report.pdf")); // while open
            // ---- end of README
            assertThat(same).isEqualTo(dir.resolve("report.pdf"));
            assertThat(Files.readString(dir.resolve("report-copy.pdf"))).isEqualTo("%PDF-1.7 not really");
            NioShare.deleteTree(dir);
        }
        assertThat(printed).singleElement().asString().startsWith("/" + dirName + "/report.pdf smb://");
        assertThat(Files.readString(local)).isEqualTo("%PDF-1.7 not really");
    }
}
