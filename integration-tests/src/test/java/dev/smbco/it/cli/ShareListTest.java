package dev.smbco.it.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.smbco.client.Credentials;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConnection;
import dev.smbco.client.SmbSession;
import dev.smbco.client.rpc.ShareInfo;
import dev.smbco.client.rpc.ShareType;
import dev.smbco.protocol.Command;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.FrameRule;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import dev.smbco.testserver.Smbclient;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code smbco ls smb://HOST/} and {@code SmbSession.listShares()} against Samba: the test server's
 * shares (share, public, enc, ro, IPC$) with the types and comments {@code smbclient -L} prints for
 * the same server; and a server that refuses gives one line and exit 1.
 */
@ExtendWith(SambaExtension.class)
class ShareListTest {
    /** One row of smbclient -L's table, as smbclient words it. */
    private record Row(String name, String type, String comment) {
        static Row of(ShareInfo s) {
            return new Row(s.name(), s.type().label(), s.comment());
        }
    }

    @Test
    void theLibraryListsWhatSmbclientLists(SambaServer server) throws Exception {
        List<Row> expected = smbclientList(server);
        assertThat(expected).extracting(Row::name).contains("share", "public", "enc", "ro", "IPC$");
        try (SmbClient client = SmbClient.create();
             SmbConnection conn = client.connect(server.host(), server.port());
             SmbSession session = conn.sessionSetup(Credentials.ntlm(server.user(), server.password().toCharArray(), server.domain()))) {
            List<ShareInfo> shares = session.listShares();
            assertThat(shares).extracting(Row::of).containsExactlyElementsOf(expected);
            ShareInfo ipc = shares.stream().filter(s -> s.name().equals("IPC$")).findFirst().orElseThrow();
            assertThat(ipc.type()).isEqualTo(ShareType.IPC);
            assertThat(ipc.isSpecial()).isTrue();
            assertThat(shares.stream().filter(s -> s.name().equals("share")).findFirst().orElseThrow().type()).isEqualTo(ShareType.DISK);
            // the pipe and IPC$ were closed: the session goes on as before
            assertThat(session.listShares()).isEqualTo(shares);
            assertThat(session.treeConnect(server.share()).list("")).isNotNull();
        }
    }

    @Test
    void theCliPrintsSmbclientsTable(SambaServer server) throws Exception {
        List<Row> expected = smbclientList(server);
        Cli cli = new Cli(server);
        for (String url : List.of(server(server.user() + "@", server) + "/", server(server.user() + "@", server))) {
            Cli.Result r = cli.run("ls", url);
            assertThat(r.status()).as(r.toString()).isZero();
            assertThat(r.err()).isEmpty();
            List<String> lines = r.out().lines().toList();
            assertThat(lines.subList(0, 2)).containsExactly("Sharename       Type      Comment", "---------       ----      -------");
            assertThat(lines.subList(2, lines.size())).containsExactlyElementsOf(smbclientLines(server));
            assertThat(lines).hasSize(2 + expected.size());
        }
    }

    @Test
    void jsonHasOneObjectPerShare(SambaServer server) throws Exception {
        Cli cli = new Cli(server);
        Cli.Result r = cli.run("ls", "--json", server(server.user() + "@", server) + "/");
        assertThat(r.status()).as(r.toString()).isZero();
        JsonNode array = new ObjectMapper().readTree(r.out());
        List<Row> rows = new ArrayList<>();
        array.forEach(n -> rows.add(new Row(n.get("name").asText(), n.get("type").asText(), n.get("comment").asText())));
        assertThat(rows).containsExactlyElementsOf(smbclientList(server));
        JsonNode ipc = array.get(rows.size() - 1);
        assertThat(ipc.get("typeHex").asText()).isEqualTo("0x80000003");
        assertThat(ipc.get("special").asBoolean()).isTrue();
        assertThat(array.get(0).get("url").asText()).isEqualTo(server("", server) + "/" + rows.get(0).name());
    }

    @Test
    void aGuestListsTheSharesToo(SambaServer server) {
        assumeTrue(server.guestAllowed(), "the server takes no guests");
        Cli.Result r = new Cli(server).withoutEnvironment().run("--guest", "ls", server("", server) + "/");
        assertThat(r.status()).as(r.toString()).isZero();
        assertThat(r.out()).contains("IPC$").contains(server.publicShare());
    }

    /**
     * A server that refuses the srvsvc pipe (as Windows does for a guest it does not trust): the open
     * of the pipe is answered STATUS_ACCESS_DENIED by the proxy. One line on stderr, exit 1, nothing on stdout.
     */
    @Test
    void aRefusalIsOneLineAndExitOne(SambaServer server) {
        assumeTrue(server.guestAllowed(), "the server takes no guests");
        try (FaultProxy proxy = FaultProxy.start(server)) {
            SambaServer front = proxy.front(server);
            // a guest session is not signed, so a rewritten reply is taken as the server's
            FrameRule refuse = proxy.serverToClient().rewrite(Frames.finalResponse(Command.CREATE.code()), 1, ShareListTest::accessDenied);
            Cli.Result r = new Cli(front).withoutEnvironment().run("--guest", "ls", server("", front) + "/");
            assertThat(refuse.fired()).isEqualTo(1);
            assertThat(r.status()).as(r.toString()).isEqualTo(1);
            assertThat(r.out()).isEmpty();
            assertThat(r.err()).isEqualTo("smbco: " + server("", front) + "/: the server refused to list its shares (STATUS_ACCESS_DENIED)\n");
        }
    }

    /** The same SMB2 header with Status STATUS_ACCESS_DENIED and an ERROR response body (MS-SMB2 2.2.2). */
    private static byte[] accessDenied(byte[] frame) {
        byte[] out = Arrays.copyOf(frame, 64 + 9);
        int status = 0xC0000022;
        for (int i = 0; i < 4; i++) {
            out[Frames.STATUS_OFFSET + i] = (byte) (status >>> (8 * i));
        }
        out[Frames.FLAGS_OFFSET] &= ~0x08;              // not signed
        Arrays.fill(out, 48, 64, (byte) 0);             // no signature
        Arrays.fill(out, 64, out.length, (byte) 0);
        out[64] = 9;                                    // StructureSize 9, ErrorContextCount 0, ByteCount 0, one byte of ErrorData
        return out;
    }

    private static String server(String user, SambaServer server) {
        return "smb://" + user + server.host() + ":" + server.port();
    }

    /** smbclient -L's table rows (name, type, comment), tabs and trailing blanks dropped. */
    private static List<String> smbclientLines(SambaServer server) throws IOException, InterruptedException {
        List<String> rows = new ArrayList<>();
        boolean inTable = false;
        for (String line : smbclientOutput(server).lines().toList()) {
            String l = line.strip();
            if (l.startsWith("---------")) {
                inTable = true;
                continue;
            }
            if (inTable) {
                if (l.isEmpty() || !line.startsWith("\t")) {
                    break;
                }
                rows.add(String.format("%-15s %-10s%s", line.substring(1, Math.min(line.length(), 16)).strip(),
                        line.length() > 17 ? line.substring(17, Math.min(line.length(), 27)).strip() : "",
                        line.length() > 27 ? line.substring(27) : "").stripTrailing());
            }
        }
        assertThat(rows).as("smbclient -L printed a share table").isNotEmpty();
        return rows;
    }

    /** smbclient -L's rows as (name, type, comment); smbclient prints "\t%-15s %-10s%s". */
    private static List<Row> smbclientList(SambaServer server) throws IOException, InterruptedException {
        List<Row> rows = new ArrayList<>();
        for (String l : smbclientLines(server)) {
            String padded = String.format("%-26s", l);
            rows.add(new Row(padded.substring(0, 15).strip(), padded.substring(16, 26).strip(), padded.substring(26)));
        }
        return rows;
    }

    private static String smbclientOutput(SambaServer server) throws IOException, InterruptedException {
        Smbclient.Result r = Smbclient.listShares(server);
        assertThat(r.exitCode()).as(r.output()).isZero();
        return r.output();
    }
}
