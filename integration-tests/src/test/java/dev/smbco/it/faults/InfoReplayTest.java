package dev.smbco.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbFile;
import dev.smbco.protocol.dtyp.SecurityDescriptor;
import dev.smbco.protocol.dtyp.SecurityInformation;
import dev.smbco.protocol.smb2.AccessMask;
import dev.smbco.protocol.fscc.FileRenameInformation;
import dev.smbco.testserver.FrameRule;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * QUERY_INFO and SET_INFO through a durable handle whose answer was lost with the connection:
 * with reconnection on, the client sends the request again on the new connection to the reopened
 * handle (with its ChannelSequence, without SMB2_FLAGS_REPLAY_OPERATION: Resend says why), and the
 * caller gets its answer (the list of requests safe to replay). A rename is not safe to send twice: it fails
 * typed, telling that it was sent, and is never sent again.
 */
@ExtendWith(SambaExtension.class)
class InfoReplayTest {
    @RegisterExtension
    static final FaultMatrix MATRIX = new FaultMatrix();

    private static final int QUERY_INFO = 0x0010;
    private static final int SET_INFO = 0x0011;

    @Test
    void aSetInfoWhoseAnswerWasLostIsSentAgain(SambaServer server) throws Exception {
        MATRIX.cell("cut after SET_INFO reached the server", true, "success, the server holds what was set (SET_INFO sent again)");
        String name = Through.unique("setinfo") + ".bin";
        try (Through t = Through.start(server, true).connected()) {
            FrameRule sets = t.proxy.clientToServer().rewrite(Frames.command(SET_INFO), 0, f -> f);
            try (SmbFile f = t.tree.open(name, OpenOptions.readWrite())) {
                assertThat(f.isDurable()).isTrue();
                f.write(0, "twelve bytes".getBytes(StandardCharsets.US_ASCII));
                FaultMatrix.Outcome<Void> o = answerCut(t, SET_INFO, () -> f.setLengthSend(4096));
                assertThat(sets.fired()).as("SET_INFOs sent: before the cut and again after it").isEqualTo(2);
            }
            assertThat(t.tree.stat(name).size()).as("the size the server holds").isEqualTo(4096);
            t.tree.delete(name);
            MATRIX.observed("set, SET_INFO sent again once, size 4096 on the server");
        }
    }

    @Test
    void aQueryInfoWhoseAnswerWasLostIsSentAgain(SambaServer server) throws Exception {
        MATRIX.cell("cut after QUERY_INFO reached the server", true, "success, the server's answer (QUERY_INFO sent again)");
        String name = Through.unique("queryinfo") + ".bin";
        try (Through t = Through.start(server, true).connected()) {
            FrameRule queries = t.proxy.clientToServer().rewrite(Frames.command(QUERY_INFO), 0, f -> f);
            try (SmbFile f = t.tree.open(name, OpenOptions.readWrite())) {
                assertThat(f.isDurable()).isTrue();
                SecurityDescriptor before = f.security(SecurityInformation.OWNER_SECURITY_INFORMATION);
                FaultMatrix.Outcome<SecurityDescriptor> o = answerCut(t, QUERY_INFO,
                        () -> f.securitySend(SecurityInformation.OWNER_SECURITY_INFORMATION));
                assertThat(o.value().owner()).as("the owner, as before the cut").isNotNull().isEqualTo(before.owner());
                assertThat(queries.fired()).as("QUERY_INFOs sent: one before, the cut one, and it again after the cut").isEqualTo(3);
            }
            t.tree.delete(name);
            MATRIX.observed("answered, QUERY_INFO sent again once");
        }
    }

    /** Cuts the connection at the first answer to {@code command}, makes {@code call}, and expects it to succeed anyway. */
    private static <T> FaultMatrix.Outcome<T> answerCut(Through t, int command, java.util.function.Supplier<dev.smbco.coro.Request<T>> call) {
        FrameRule cut = t.proxy.serverToClient().cutAt(Frames.finalResponse(command), 1);
        FaultMatrix.Outcome<T> o = FaultMatrix.outcome(call.get());
        assertThat(cut.fired()).as("the answer to command 0x%04x was cut off", command).isEqualTo(1);
        assertThat(o.failure()).as("the request whose answer was cut").isNull();
        return o;
    }

    @Test
    void aRenameWhoseAnswerWasLostFailsTypedAndIsNotSentAgain(SambaServer server) throws Exception {
        MATRIX.cell("cut after a rename (SET_INFO) reached the server", true, "typed failure in <= 1 s, never sent twice");
        String name = Through.unique("rename") + ".bin";
        String renamed = Through.unique("renamed") + ".bin";
        try (Through t = Through.start(server, true).connected()) {
            int[] renames = {0};
            t.proxy.clientToServer().watch(frame -> {
                if (Frames.command(SET_INFO).test(frame)) {
                    renames[0]++;
                }
            });
            try (SmbFile f = t.tree.open(name, OpenOptions.readWrite().withAccess(OpenOptions.readWrite().access() | AccessMask.DELETE))) {
                assertThat(f.isDurable()).isTrue();
                FrameRule cut = t.proxy.serverToClient().cutAt(Frames.finalResponse(SET_INFO), 1);

                FaultMatrix.Outcome<Void> o = FaultMatrix.outcome(f.setInfoSend(FileRenameInformation.of(renamed, false)));

                assertThat(cut.fired()).as("the rename's answer was cut off").isEqualTo(1);
                String seen = FaultMatrix.typedFailure(o, SmbConnectionLostException.class, cut.firstFiredNanos(), FaultMatrix.NOTICE);
                assertThat(((SmbConnectionLostException) o.failure()).wasSent()).as("wasSent()").isTrue();
                assertThat(renames[0]).as("renames sent").isEqualTo(1);
                MATRIX.observed(seen + ", sent once");
            }
            assertThat(t.tree.exists(renamed)).as("the rename reached the server").isTrue();
            t.tree.delete(renamed);
        }
    }
}
