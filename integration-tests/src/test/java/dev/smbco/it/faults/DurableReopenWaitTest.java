package dev.smbco.it.faults;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.ConnectionState;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbFile;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Samba 4.17 refuses a durable reconnect (DH2C) with STATUS_OBJECT_NAME_NOT_FOUND while the smbd
 * of the lost connection has not yet marked the open disconnected; it deletes the lost session
 * (letting the new SESSION_SETUP through) before it does, so a quick reconnection can meet that
 * refusal for a handle that comes free a moment later. The client asks again for up to 5 s
 * (a third of the request timeout at most).
 * Here the proxy makes Samba's first answer that refusal for real: it alters the CreateGuid of
 * the first DH2C, which Samba then does not recognise (MS-SMB2 3.3.5.9.12).
 */
@ExtendWith(SambaExtension.class)
class DurableReopenWaitTest {
    private static final int STATUS_OBJECT_NAME_NOT_FOUND = 0xC0000034;

    @Test
    void aReconnectRefusedAsNotFoundAtFirstIsAskedAgainAndTheFileGoesOn(SambaServer server) throws Exception {
        reopensAfterRefusals(server, 1, Through.REQUEST_TIMEOUT);
    }

    /**
     * A smbd still busy with the WRITEs queued before the cut may hold the open for well over a
     * second (ReconnectTest's 64 MiB upload lost its handle so on a loaded CI machine, after 0.8 s
     * of asking): eight refusals in a row, about 1.6 s, and the client still reopens the file.
     */
    @Test
    void refusalsForMoreThanASecondAreWaitedOut(SambaServer server) throws Exception {
        reopensAfterRefusals(server, 8, java.time.Duration.ofSeconds(15));
    }

    /**
     * Cuts the connection under an open durable file and has Samba refuse the first {@code
     * refusals} reconnects as not found; the file must go on, its data intact.
     */
    private static void reopensAfterRefusals(SambaServer server, int refusals, java.time.Duration requestTimeout) throws Exception {
        String name = Through.unique("refused-" + refusals) + ".txt";
        try (Through t = Through.start(server, true, requestTimeout).connected()) {
            SmbFile f = t.tree.open(name, OpenOptions.readWrite());
            assertThat(f.isDurable()).isTrue();
            f.write(0, "before the cut".getBytes(StandardCharsets.UTF_8));
            List<Integer> reconnectAnswers = new CopyOnWriteArrayList<>();
            t.proxy.serverToClient().watch(frame -> {
                if (Frames.finalResponse(0x0005).test(frame)) {
                    reconnectAnswers.add(Frames.status(frame));
                }
            });
            java.util.concurrent.atomic.AtomicInteger sent = new java.util.concurrent.atomic.AtomicInteger();
            t.proxy.clientToServer().rewrite(DurableReopenWaitTest::isDh2c, 0,
                    frame -> sent.getAndIncrement() < refusals ? otherCreateGuid(frame) : frame);

            assertThat(t.proxy.cut()).isEqualTo(1);
            ByteBuf b = f.read(0, 64);
            try {
                assertThat(b.toString(StandardCharsets.UTF_8)).isEqualTo("before the cut");
            } finally {
                b.release();
            }
            assertThat(sent.get()).as("reconnects sent: %d altered, then one as the client made it", refusals).isEqualTo(refusals + 1);
            assertThat(reconnectAnswers).as("CREATE answers after the cut: refused %d times, then reopened", refusals)
                    .startsWith(java.util.Collections.nCopies(refusals, STATUS_OBJECT_NAME_NOT_FOUND).toArray(Integer[]::new))
                    .hasSize(refusals + 1).endsWith(0);
            assertThat(t.conn.state()).isEqualTo(ConnectionState.UP);
            f.write(14, ", and after".getBytes(StandardCharsets.UTF_8));
            f.close();
            assertThat(t.tree.stat(name).size()).isEqualTo(25);
            t.tree.delete(name);
        }
    }

    /** A CREATE request carrying a DH2C create context (MS-SMB2 2.2.13.2.12). */
    private static boolean isDh2c(byte[] frame) {
        return Frames.command(frame) == 0x0005 && (frame[Frames.FLAGS_OFFSET] & 1) == 0 && dh2cData(frame) >= 0;
    }

    /** The offset of the DH2C context's data in {@code frame}, or -1. */
    private static int dh2cData(byte[] frame) {
        for (int i = 64 + 16; i + 4 <= frame.length; i++) {
            if (frame[i] == 'D' && frame[i + 1] == 'H' && frame[i + 2] == '2' && frame[i + 3] == 'C') {
                int context = i - 16; // Next, NameOffset, NameLength, Reserved, DataOffset, DataLength come first (2.2.13.2)
                int dataOffset = (frame[context + 10] & 0xFF) | (frame[context + 11] & 0xFF) << 8;
                return context + dataOffset;
            }
        }
        return -1;
    }

    /** The same DH2C with one byte of its CreateGuid (after the 16-byte FileId) changed. */
    private static byte[] otherCreateGuid(byte[] frame) {
        byte[] altered = frame.clone();
        altered[dh2cData(frame) + 16] ^= 0x5A;
        return altered;
    }
}
