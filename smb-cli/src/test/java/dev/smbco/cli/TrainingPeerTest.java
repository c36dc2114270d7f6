package dev.smbco.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up cache is only as good as its training: the scripted peer must carry the usual
 * commands to their end (a peer that broke would silently shrink the cache back to "up to the
 * first request"), and the modes it cannot serve must end in a plain error, not a hang.
 */
class TrainingPeerTest {
    private static final Map<String, String> ENV = Map.of("SMBCO_USER", "training", "SMBCO_PASSWORD", "training");

    private record Run(int status, String out, String err) {
    }

    private static Run smbco(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new Io(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), ENV, Terminal.NONE));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyTrainedCommandRunsToItsEndOnSmb21(@TempDir Path tmp) throws Exception {
        try (ServerSocket peer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().start(() -> TrainingPeer.serve(peer));
            String base = "smb://127.0.0.1:" + peer.getLocalPort() + "/share/";
            String[] v = {"--timeout", "10", "--max-protocol", "SMB2_10"};

            Run ls = smbco(concat(v, "ls", base));
            assertThat(ls.status()).as(ls.err()).isZero();
            assertThat(ls.out()).contains("dir/", "file.txt");
            Run list = smbco(concat(v, "ls", "--json", base + "dir/"));
            assertThat(list.status()).as(list.err()).isZero();
            assertThat(list.out()).contains("\"entry-39.txt\"");
            Run stat = smbco(concat(v, "stat", base + "file.txt"));
            assertThat(stat.out()).contains("65536");

            Path down = tmp.resolve("down.bin");
            Run get = smbco(concat(v, "get", base + "file.txt", down.toString()));
            assertThat(get.status()).as(get.err()).isZero();
            assertThat(Files.size(down)).isEqualTo(64 * 1024);
            Path up = Files.writeString(tmp.resolve("up.txt"), "training\n");
            Run put = smbco(concat(v, "put", up.toString(), base + "up.txt"));
            assertThat(put.status()).as(put.err()).isZero();
        }
    }

    /** The big file is what makes the copy loops hot in the training: it must come down whole and go up whole. */
    @Test
    void theBigFileOfTheTrainingCopiesBothWays(@TempDir Path tmp) throws Exception {
        try (ServerSocket peer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().start(() -> TrainingPeer.serve(peer));
            String base = "smb://127.0.0.1:" + peer.getLocalPort() + "/share/";
            String[] v = {"--timeout", "10", "--max-protocol", "SMB2_10", "-q"};

            Path down = tmp.resolve("big-down.bin");
            Run get = smbco(concat(v, "get", base + "big.bin", down.toString()));
            assertThat(get.status()).as(get.err()).isZero();
            assertThat(Files.size(down)).isEqualTo(TrainingPeer.BIG_SIZE);
            Run put = smbco(concat(v, "put", down.toString(), base + "big-up.bin"));
            assertThat(put.status()).as(put.err()).isZero();
            Run stat = smbco(concat(v, "stat", base + "file.txt"));
            assertThat(stat.out()).as("the small file keeps its size").contains("65536");
        }
    }

    @Test
    void aSignedLogonItCannotServeEndsInAnErrorNotAHang() throws Exception {
        try (ServerSocket peer = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofPlatform().daemon().start(() -> TrainingPeer.serve(peer));
            Run ls = smbco("--timeout", "10", "--signing", "required", "ls", "smb://127.0.0.1:" + peer.getLocalPort() + "/share/");
            assertThat(ls.status()).isNotZero();
            assertThat(ls.err()).isNotBlank();
        }
    }

    private static String[] concat(String[] head, String... tail) {
        String[] all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
