package dev.smbco.it.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.Credentials;
import dev.smbco.client.DirEntry;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConnection;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbSession;
import dev.smbco.client.SmbTree;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Request;
import dev.smbco.coro.RequestState;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java examples of README.md's "Using the library", as they stand there: only the server
 * (host, port, credentials, share), the directory ("2026" becomes a fresh directory per run) and
 * the local download target are the test server's. If this class stops compiling or passing, the
 * README is wrong.
 */
@ExtendWith(SambaExtension.class)
class ReadmeExampleTest {
    private static final byte[] REPORT = "not really a PDF, but 42 bytes of content.".getBytes(StandardCharsets.US_ASCII);

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private PrintStream realOut;
    private PrintStream realErr;

    /** The examples print; the test reads what they printed. */
    @BeforeEach
    void capture() {
        realOut = System.out;
        realErr = System.err;
        PrintStream both = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
    }

    @AfterEach
    void restore() {
        System.setOut(realOut);
        System.setErr(realErr);
        realOut.print(printed.toString(StandardCharsets.UTF_8));
    }

    /** Puts {@code dir/report.pdf} on the share, so the examples find a file to list and download. */
    private static void prepare(SambaServer server, String dir) {
        try (SmbClient client = SmbClient.create();
             SmbConnection conn = client.connect(server.host(), server.port())) {
            SmbTree tree = conn.sessionSetup(Credentials.ntlm(server.user(), server.password().toCharArray(), server.domain()))
                    .treeConnect(server.share());
            tree.mkdirs(dir);
            try (SmbFile f = tree.open(dir + "/report.pdf", OpenOptions.write())) {
                f.write(0, REPORT);
            }
        }
    }

    private static void cleanUp(SambaServer server, String dir) {
        try (SmbClient client = SmbClient.create();
             SmbConnection conn = client.connect(server.host(), server.port())) {
            conn.sessionSetup(Credentials.ntlm(server.user(), server.password().toCharArray(), server.domain()))
                    .treeConnect(server.share()).deleteTree(dir);
        }
    }

    private String printedText() {
        return printed.toString(StandardCharsets.UTF_8);
    }

    /** Waits (bounded) until the asynchronous callbacks have printed {@code text}. */
    private void awaitPrinted(String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!printedText().contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(printedText()).contains(text);
    }

    @Test
    void usingTheLibrary(SambaServer server, @TempDir Path downloads) throws Exception {
        String year = "readme-" + UUID.randomUUID().toString().substring(0, 8); // the README's "2026"
        prepare(server, year);
        char[] password = server.password().toCharArray();
        try {
            // ---- README.md "Using the library", first block
            try (SmbClient client = SmbClient.create()) {                       // owns the event loop group
                SmbConnection conn = client.connect(server.host(), server.port());
                SmbSession session = conn.sessionSetup(Credentials.ntlm(server.user(), password, server.domain()));
                SmbTree tree = session.treeConnect(server.share());

                // blocking twins for scripts and tests ...
                for (DirEntry e : tree.list(year)) {
                    System.out.println(e.name() + " " + e.size());
                }

                // ... and coroutines for real work: sequential code, asynchronous underneath
                Request<Long> copied = Coroutine.start(client.loop(), co -> {
                    try (SmbFile f = co.await(tree.openSend(year + "/report.pdf", OpenOptions.read()))) {
                        return co.await(f.downloadSend(downloads.resolve("report.pdf")));
                    }
                });
                long bytes = copied.await();
                // ---- end of the README block; what it did:
                assertThat(bytes).isEqualTo(REPORT.length);
            }
            assertThat(printedText()).contains("report.pdf " + REPORT.length);
            assertThat(Files.readAllBytes(downloads.resolve("report.pdf"))).isEqualTo(REPORT);
        } finally {
            cleanUp(server, year);
        }
    }

    @Test
    void callbacksAndCompletableFutures(SambaServer server) throws Exception {
        String year = "readme-" + UUID.randomUUID().toString().substring(0, 8);
        prepare(server, year);
        try (SmbClient client = SmbClient.create();
             SmbConnection conn = client.connect(server.host(), server.port())) {
            SmbTree tree = conn.sessionSetup(Credentials.ntlm(server.user(), server.password().toCharArray(), server.domain()))
                    .treeConnect(server.share());

            // ---- README.md "Using the library", second block
            tree.statSend(year + "/report.pdf").onDone(r -> {
                if (r.state() == RequestState.DONE) {
                    System.out.println("report.pdf has " + r.recv().size() + " bytes");
                } else {
                    System.err.println("stat failed: " + r.failure().getMessage());
                }
            });

            CompletableFuture<List<DirEntry>> listing = tree.listSend(year).toCompletableFuture();
            listing.thenAccept(entries -> System.out.println(entries.size() + " entries in 2026"));
            // ---- end of the README block

            awaitPrinted("report.pdf has " + REPORT.length + " bytes");
            awaitPrinted("1 entries in 2026");

            // the failure branch of the callback, for a file that is not there
            tree.statSend(year + "/missing.pdf").onDone(r -> {
                if (r.state() == RequestState.DONE) {
                    System.out.println("report.pdf has " + r.recv().size() + " bytes");
                } else {
                    System.err.println("stat failed: " + r.failure().getMessage());
                }
            });
            awaitPrinted("stat failed: CREATE \\\\" + server.host() + "\\" + server.share() + "\\" + year
                    + "\\missing.pdf: STATUS_OBJECT_NAME_NOT_FOUND (0xC0000034)");
        } finally {
            cleanUp(server, year);
        }
    }
}
