package dev.smbco.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.protocol.Command;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The CLI takes its connections, sessions and trees from the client's pool: a command that
 * touches two shares of one server goes over one TCP connection and one logon, connects each
 * share once, and on its way out disconnects both trees and logs off (the polite close), all
 * counted through a {@link FaultProxy}.
 */
@ExtendWith(SambaExtension.class)
class CliPooledConnectionTest {
    @AfterEach
    void removeTestDirectories() {
        Cli.removeCreated();
    }

    /** Counts, per command code, the client's requests and the server's successful final responses. */
    private static final class Counts {
        final Map<Integer, LongAdder> requests = new ConcurrentHashMap<>();
        final Map<Integer, LongAdder> succeeded = new ConcurrentHashMap<>();

        Counts(FaultProxy proxy) {
            proxy.clientToServer().rewrite(frame -> {
                if (Frames.isSmb2(frame)) {
                    requests.computeIfAbsent(Frames.command(frame), k -> new LongAdder()).increment();
                }
                return false;
            }, 0, frame -> frame);
            proxy.serverToClient().rewrite(frame -> {
                if (Frames.isSmb2(frame) && Frames.finalResponse(Frames.command(frame)).test(frame) && Frames.status(frame) == 0) {
                    succeeded.computeIfAbsent(Frames.command(frame), k -> new LongAdder()).increment();
                }
                return false;
            }, 0, frame -> frame);
        }

        long requests(Command c) {
            LongAdder n = requests.get(c.code());
            return n == null ? 0 : n.sum();
        }

        long succeeded(Command c) {
            LongAdder n = succeeded.get(c.code());
            return n == null ? 0 : n.sum();
        }

        void reset() {
            requests.clear();
            succeeded.clear();
        }
    }

    @Test
    void aCopyBetweenTwoSharesOfOneServerUsesOneConnectionAndOneLogon(SambaServer server) {
        try (FaultProxy proxy = FaultProxy.start(server)) {
            Counts counts = new Counts(proxy);
            Cli cli = new Cli(proxy.front(server)).mkdir();
            assertThat(cli.run(new ByteArrayInputStream("two shares, one logon\n".getBytes(StandardCharsets.UTF_8)),
                    "put", "-", cli.url("src.txt")).status()).isZero();

            int before = proxy.acceptedConnections();
            counts.reset();
            String other = cli.share(server.publicShare()) + "/" + cli.dir + "-pooled.txt";
            Cli.Result copy = cli.run("cp", cli.url("src.txt"), other);
            assertThat(copy.status()).as(copy.toString()).isZero();

            assertThat(proxy.acceptedConnections() - before).as("TCP connections for a copy between two shares").isEqualTo(1);
            assertThat(counts.succeeded(Command.SESSION_SETUP)).as("logons (successful SESSION_SETUPs)").isEqualTo(1);
            assertThat(counts.succeeded(Command.TREE_CONNECT)).as("tree connects: one per share").isEqualTo(2);
            assertThat(counts.requests(Command.TREE_DISCONNECT)).as("the polite close: TREE_DISCONNECT per tree").isEqualTo(2);
            assertThat(counts.requests(Command.LOGOFF)).as("the polite close: one LOGOFF").isEqualTo(1);

            Cli.Result cat = cli.run("cat", other);
            assertThat(cat.status()).as(cat.toString()).isZero();
            assertThat(cat.out()).isEqualTo("two shares, one logon\n");
            assertThat(cli.run("rm", other).status()).isZero();
        }
    }
}
