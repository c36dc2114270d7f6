package dev.smbco.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.SmbException;
import dev.smbco.coro.Request;
import dev.smbco.testserver.FrameRule;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fault matrix, the phases before a tree is usable: the connection is cut (RST both ways) at the
 * NEGOTIATE, at each SESSION_SETUP leg and at the TREE_CONNECT. Reconnection re-establishes only
 * what was established before the cut (a negotiated connection, a session that had logged on), so
 * with it on or off the step in progress fails, typed, within {@link FaultMatrix#NOTICE} of the
 * cut, and nothing is left running; a connection that never negotiated is never tried again.
 */
@ExtendWith(SambaExtension.class)
class ConnectPhaseFaultsTest {
    @RegisterExtension
    static final FaultMatrix MATRIX = new FaultMatrix();

    private static final int NEGOTIATE = 0x0000;
    private static final int SESSION_SETUP = 0x0001;
    private static final int TREE_CONNECT = 0x0003;

    /** Cuts at the {@code nth} request of {@code command}, runs the phases up to it, checks the failure. */
    private static void cutAt(SambaServer server, boolean reconnect, String fault, int command, int nth,
            Function<Through, Request<?>> lastStep) throws Exception {
        MATRIX.cell(fault, reconnect, "typed failure of that step in <= 1 s");
        try (Through t = Through.start(server, reconnect)) {
            FrameRule rule = t.proxy.clientToServer().cutAt(Frames.command(command), nth);
            FaultMatrix.Outcome<?> o = FaultMatrix.outcome(lastStep.apply(t));
            assertThat(rule.fired()).as("the cut happened").isEqualTo(1);
            String seen = FaultMatrix.typedFailure(o, SmbException.class, rule.firstFiredNanos(), FaultMatrix.NOTICE);
            if (command == NEGOTIATE || !reconnect) {
                assertThat(t.proxy.acceptedConnections()).as("no second connection").isEqualTo(1);
            } else if (t.proxy.acceptedConnections() > 1) {
                // the connection had negotiated: reconnecting it for later requests is allowed (not the failed step)
                seen += "; connection re-established underneath";
            }
            MATRIX.observed(seen);
        }
    }

    @ParameterizedTest(name = "reconnect {0}")
    @ValueSource(booleans = {false, true})
    void cutAtNegotiate(boolean reconnect, SambaServer server) throws Exception {
        cutAt(server, reconnect, "cut at NEGOTIATE", NEGOTIATE, 1, t -> t.client.connectSend(t.proxy.host(), t.proxy.port()));
    }

    @ParameterizedTest(name = "reconnect {0}")
    @ValueSource(booleans = {false, true})
    void cutAtFirstSessionSetupLeg(boolean reconnect, SambaServer server) throws Exception {
        cutAt(server, reconnect, "cut at SESSION_SETUP leg 1", SESSION_SETUP, 1, t -> {
            t.conn = t.client.connect(t.proxy.host(), t.proxy.port());
            return t.conn.sessionSetupSend(Through.credentials(server));
        });
    }

    @ParameterizedTest(name = "reconnect {0}")
    @ValueSource(booleans = {false, true})
    void cutAtSecondSessionSetupLeg(boolean reconnect, SambaServer server) throws Exception {
        cutAt(server, reconnect, "cut at SESSION_SETUP leg 2", SESSION_SETUP, 2, t -> {
            t.conn = t.client.connect(t.proxy.host(), t.proxy.port());
            return t.conn.sessionSetupSend(Through.credentials(server));
        });
    }

    @ParameterizedTest(name = "reconnect {0}")
    @ValueSource(booleans = {false, true})
    void cutAtTreeConnect(boolean reconnect, SambaServer server) throws Exception {
        cutAt(server, reconnect, "cut at TREE_CONNECT", TREE_CONNECT, 1, t -> {
            t.conn = t.client.connect(t.proxy.host(), t.proxy.port());
            t.session = t.conn.sessionSetup(Through.credentials(server));
            return t.session.treeConnectSend(server.share());
        });
    }
}
