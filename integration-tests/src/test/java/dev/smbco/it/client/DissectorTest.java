package dev.smbco.it.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.FileContent;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbConfig;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.FrameRule;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.PcapWriter;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import dev.smbco.testserver.Tshark;
import io.netty.buffer.Unpooled;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Wireshark's SMB2 dissector (tshark) reads every compound the client sends, and the server's
 * answers, without a malformed packet or an expert warning or error: the frames that crossed a
 * {@link FaultProxy} are written to a pcap ({@link PcapWriter}) and dissected. Plain and signed
 * sessions; an encrypted session is left out because its compounds travel inside transform
 * frames (MS-SMB2 2.2.41) that tshark cannot open without the session keys, so it would check
 * only the transform header.
 */
@ExtendWith(SambaExtension.class)
class DissectorTest {
    /** MS-SMB2 2.2.1.2 Command: the commands the compounds carry. */
    private static final Set<Integer> CHAINED = Set.of(5, 6, 8, 9, 14, 17); // CREATE CLOSE READ WRITE QUERY_DIRECTORY SET_INFO

    enum Mode {
        PLAIN, SIGNED;

        SmbConfig config() {
            return this == PLAIN ? SmbConfig.defaults() : SmbConfig.builder().signing(SmbConfig.Policy.REQUIRED).build();
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void everyCompoundDissectsWithoutMalformedPacketsOrExpertWarnings(Mode mode, SambaServer server) throws Exception {
        Path pcap = Files.createTempFile("smbco-compounds-", ".pcap");
        try (FaultProxy proxy = FaultProxy.start(server); PcapWriter out = new PcapWriter(pcap)) {
            FrameRule up = proxy.clientToServer().rewrite(Frames.any(), 0, f -> record(out, true, f));
            FrameRule down = proxy.serverToClient().rewrite(Frames.any(), 0, f -> record(out, false, f));
            String dir = Smb.uniqueDir("dissect");
            try (Smb smb = Smb.open(proxy.front(server), mode.config(), server.share())) {
                smb.tree.mkdir(dir);
                byte[] data = new byte[4096];
                Arrays.fill(data, (byte) 'x');
                smb.tree.writeFile(dir + "/a.txt", OpenOptions.write(), Unpooled.wrappedBuffer(data)); // CREATE+WRITE+CLOSE
                FileContent c = smb.tree.readFile(dir + "/a.txt", 1 << 16);                          // CREATE+READ+CLOSE
                try {
                    assertThat(c.data().readableBytes()).isEqualTo(4096);
                } finally {
                    c.release();
                }
                assertThat(smb.tree.stat(dir + "/a.txt").size()).isEqualTo(4096);                    // CREATE+CLOSE
                smb.tree.rename(dir + "/a.txt", dir + "/b.txt", false);                              // CREATE+SET_INFO+CLOSE
                assertThat(smb.tree.list(dir)).hasSize(1);                                           // CREATE+QUERY_DIRECTORY
                smb.tree.delete(dir + "/b.txt");                                                     // CREATE+SET_INFO+CLOSE
                smb.tree.rmdir(dir);
            } finally {
                up.remove();
                down.remove();
            }
        }
        try {
            String bad = Tshark.read(pcap, "-Y", "_ws.malformed || _ws.expert.severity >= 0x00600000 || smb2.invalid_length", "-V");
            assertThat(bad).as("frames tshark finds malformed or warns about").isEmpty();
            // a part the dissector cannot find ("Invalid header", "Bad SMB2 Header") is text only, no field: read the summaries
            String info = Tshark.read(pcap, "-T", "fields", "-e", "_ws.col.Info");
            assertThat(info).doesNotContainIgnoringCase("invalid").doesNotContainIgnoringCase("bad").doesNotContainIgnoringCase("unknown");
            String chained = Tshark.read(pcap, "-Y", "smb2.flags.chained == 1 && tcp.srcport == 50000", "-T", "fields", "-e", "smb2.cmd");
            Set<Integer> commands = new TreeSet<>();
            for (String c : chained.split("[,\\s]+")) {
                if (!c.isEmpty()) {
                    commands.add(Integer.parseInt(c));
                }
            }
            assertThat(commands).as("commands tshark decoded in the client's compounds").containsAll(CHAINED);
        } finally {
            Files.deleteIfExists(pcap);
        }
    }

    private static byte[] record(PcapWriter out, boolean fromClient, byte[] frame) {
        synchronized (out) {
            try {
                out.message(fromClient, frame);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return frame;
    }
}
