package dev.smbco.it.dfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.Credentials;
import dev.smbco.client.DirEntry;
import dev.smbco.client.SmbProtocolException;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbDfsException;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbStatusException;
import dev.smbco.client.dfs.DfsPolicy;
import dev.smbco.protocol.status.NtStatus;
import dev.smbco.testserver.DfsExtension;
import dev.smbco.testserver.DfsNamespace;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.Frames;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * DFS (#13 item 3) against two real smbds ({@link DfsNamespace}): the root server's share
 * {@code dfsroot} holds msdfs links to {@code share2} on the server at 127.0.0.2:445. Opens go
 * through {@code SmbClient.open(URI, ...)}, i.e. the pool and its DFS resolver.
 */
@ExtendWith(DfsExtension.class)
class DfsTest {
    /** MS-SMB2 2.2.31: IOCTL request, CtlCode at offset 4 of the body (after the 64-byte header). */
    private static final int IOCTL = 0x000B;

    private static Credentials user(DfsNamespace dfs) {
        return Credentials.ntlm(dfs.rootServer().user(), dfs.rootServer().password().toCharArray(), dfs.rootServer().domain());
    }

    private static String sha256(byte[] data) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    }

    private static byte[] readAll(SmbFile f) {
        ByteBuf b = f.read(0, (int) f.size());
        try {
            return ByteBufUtil.getBytes(b);
        } finally {
            b.release();
        }
    }

    /** A file made straight in the target server's share directory. */
    private static String targetFile(DfsNamespace dfs, String text) throws Exception {
        String name = "dfs-" + UUID.randomUUID() + ".txt";
        Files.writeString(dfs.targetShareDir().resolve(name), text);
        return name;
    }

    private static boolean isReferralRequest(byte[] frame) {
        return Frames.isSmb2(frame) && Frames.command(frame) == IOCTL && (frame[16] & 1) == 0 && frame.length >= 72
                && ByteBuffer.wrap(frame, 68, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() == 0x00060194;
    }

    @Test
    void writesAndReadsThroughALinkOnTheSecondServer(DfsNamespace dfs) throws Exception {
        byte[] data = new byte[3 * 1024 * 1024 + 17];
        new Random(13).nextBytes(data);
        String name = "dfs-" + UUID.randomUUID() + ".bin";
        URI uri = URI.create(dfs.rootUri(DfsNamespace.LINK + "/" + name));
        try (SmbClient client = SmbClient.create()) {
            try (SmbFile f = client.open(uri, user(dfs), OpenOptions.write())) {
                f.write(0, data);
                assertThat(f.tree().session().connection().host()).isEqualTo(DfsNamespace.TARGET_ADDR);
            }
            Path onServer2 = dfs.targetShareDir().resolve(name);
            assertThat(sha256(Files.readAllBytes(onServer2))).isEqualTo(sha256(data));
            assertThat(dfs.rootServer().shareDir(DfsNamespace.ROOT_SHARE).resolve(name)).doesNotExist();
            try (SmbFile f = client.open(uri, user(dfs), OpenOptions.read())) {
                assertThat(sha256(readAll(f))).isEqualTo(sha256(data));
            }
        }
    }

    @Test
    void failsOverToTheSecondTargetWhenTheFirstIsDown(DfsNamespace dfs) throws Exception {
        String name = targetFile(dfs, "reached through the second target");
        try (SmbClient client = SmbClient.create();
             SmbFile f = client.open(URI.create(dfs.rootUri(DfsNamespace.FAILOVER_LINK + "/" + name)), user(dfs), OpenOptions.read())) {
            assertThat(new String(readAll(f))).isEqualTo("reached through the second target");
            assertThat(f.tree().session().connection().host()).isEqualTo(DfsNamespace.TARGET_ADDR);
        }
    }

    @Test
    void aSecondOpenUnderTheSameLinkAsksForNoNewReferral(DfsNamespace dfs) throws Exception {
        String a = targetFile(dfs, "a");
        String b = targetFile(dfs, "b");
        AtomicInteger referrals = new AtomicInteger();
        try (FaultProxy proxy = FaultProxy.start(dfs.rootServer().address());
             SmbClient client = SmbClient.create()) {
            proxy.clientToServer().rewrite(DfsTest::isReferralRequest, 0, frame -> {
                referrals.incrementAndGet();
                return frame;
            });
            String root = "smb://" + proxy.host() + ":" + proxy.port() + "/" + DfsNamespace.ROOT_SHARE + "/" + DfsNamespace.LINK + "/";
            try (SmbFile f = client.open(URI.create(root + a), user(dfs), OpenOptions.read())) {
                assertThat(new String(readAll(f))).isEqualTo("a");
            }
            assertThat(referrals).hasValue(1);
            try (SmbFile f = client.open(URI.create(root + b), user(dfs), OpenOptions.read())) {
                assertThat(new String(readAll(f))).isEqualTo("b");
            }
            assertThat(referrals).as("the cached referral serves the second open").hasValue(1);
        }
    }

    /** README.md "DFS namespaces": its block with fs1 the root server, projects the link and plan.txt a fresh file. */
    @Test
    void theReadmeExampleRunsAndRunSendListsThroughALink(DfsNamespace dfs) throws Exception {
        String plan = targetFile(dfs, "listed");
        String fs1 = dfs.rootServer().host() + ":" + dfs.rootServer().port();
        String unc;
        List<DirEntry> entries;
        // ---- README.md "DFS namespaces"
        try (SmbClient client = SmbClient.create()) {
            Credentials alice = user(dfs);
            // dfsroot is a DFS root on fs1; "projects" is a link to \\fs2\projects
            try (SmbFile f = client.open(URI.create("smb://" + fs1 + "/dfsroot/link/" + plan), alice, OpenOptions.read())) {
                System.out.println("opened on " + f.tree().unc());   // \\fs2\projects
                unc = f.tree().unc();
            }
            // any tree operation, where the URI leads
            entries = client.pool()
                    .runSend(URI.create("smb://" + fs1 + "/dfsroot/link/"), alice, (tree, path) -> tree.listSend(path))
                    .await();
            // ---- end of the README block
            URI file = URI.create(dfs.rootUri(DfsNamespace.LINK + "/" + plan));
            assertThat(client.pool().runSend(file, alice, (tree, path) -> tree.statSend(path)).await().size()).isEqualTo(6);
        }
        assertThat(unc).isEqualTo("\\\\" + DfsNamespace.TARGET_ADDR + "\\" + DfsNamespace.TARGET_SHARE);
        assertThat(entries).extracting(DirEntry::name).contains(plan);
    }

    @Test
    void aMalformedReferralIsAProtocolErrorAndTheConnectionLivesOn(DfsNamespace dfs) throws Exception {
        String name = targetFile(dfs, "after the bad referral");
        try (FaultProxy proxy = FaultProxy.start(dfs.rootServer().address());
             SmbClient client = SmbClient.create()) {
            // the first referral response: NumberOfReferrals (output + 2) made far too large
            proxy.serverToClient().rewrite(f -> Frames.isSmb2(f) && Frames.command(f) == IOCTL && Frames.status(f) == 0, 1, frame -> {
                int output = ByteBuffer.wrap(frame, 64 + 32, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                byte[] bad = frame.clone();
                bad[output + 2] = (byte) 0xFF;
                bad[output + 3] = (byte) 0x7F;
                return bad;
            });
            String root = "smb://" + proxy.host() + ":" + proxy.port() + "/" + DfsNamespace.ROOT_SHARE + "/" + DfsNamespace.LINK + "/";
            assertThatThrownBy(() -> client.open(URI.create(root + name), user(dfs), OpenOptions.read()))
                    .isInstanceOf(SmbProtocolException.class)
                    .hasMessageContaining("malformed referral")
                    .hasMessageContaining("NumberOfReferrals");
            try (SmbFile f = client.open(URI.create(root + name), user(dfs), OpenOptions.read())) {
                assertThat(new String(readAll(f))).isEqualTo("after the bad referral");
            }
            assertThat(proxy.acceptedConnections()).as("the root server's connection survived the bad referral").isEqualTo(1);
        }
    }

    @Test
    void aReferralLoopIsATypedError(DfsNamespace dfs) {
        try (SmbClient client = SmbClient.create()) {
            URI uri = URI.create(dfs.rootUri(DfsNamespace.LOOP_LINK + "/x.txt"));
            assertThatThrownBy(() -> client.open(uri, user(dfs), OpenOptions.read()))
                    .isInstanceOf(SmbDfsException.class)
                    .hasMessageContaining("loop")
                    .hasMessageContaining("\\\\127.0.0.2\\dfs2\\back\\x.txt")
                    .satisfies(e -> assertThat(((SmbDfsException) e).chain()).hasSizeGreaterThanOrEqualTo(2));
        }
    }

    @Test
    void moreReferralsThanTheHopLimitIsATypedError(DfsNamespace dfs) {
        // the loop link takes a referral on the root server and another on the target server
        try (SmbClient client = SmbClient.create(SmbConfig.builder().dfs(DfsPolicy.on().withMaxHops(1)).build())) {
            URI uri = URI.create(dfs.rootUri(DfsNamespace.LOOP_LINK + "/x.txt"));
            assertThatThrownBy(() -> client.open(uri, user(dfs), OpenOptions.read()))
                    .isInstanceOf(SmbDfsException.class)
                    .hasMessageContaining("more than 1 DFS referrals")
                    .hasMessageContaining("path chain: \\\\127.0.0.1\\dfsroot\\loop\\x.txt (port " + dfs.rootServer().port()
                            + ") -> \\\\127.0.0.2\\dfs2\\back\\x.txt");
        }
    }

    @Test
    void aTargetThePolicyRefusesIsATypedError(DfsNamespace dfs) {
        SmbConfig config = SmbConfig.builder().dfs(DfsPolicy.on().allowing(t -> !t.host().equals(DfsNamespace.TARGET_ADDR))).build();
        try (SmbClient client = SmbClient.create(config)) {
            URI uri = URI.create(dfs.rootUri(DfsNamespace.LINK + "/x.txt"));
            assertThatThrownBy(() -> client.open(uri, user(dfs), OpenOptions.read()))
                    .isInstanceOf(SmbDfsException.class)
                    .hasMessageContaining("refuses")
                    .hasMessageContaining("\\\\127.0.0.2\\share2");
        }
    }

    @Test
    void withDfsOffTheLinkIsNotFollowed(DfsNamespace dfs) throws Exception {
        String name = targetFile(dfs, "not reached");
        try (SmbClient client = SmbClient.create(SmbConfig.builder().dfs(DfsPolicy.off()).build())) {
            URI uri = URI.create(dfs.rootUri(DfsNamespace.LINK + "/" + name));
            assertThatThrownBy(() -> client.open(uri, user(dfs), OpenOptions.read()))
                    .isInstanceOfSatisfying(SmbStatusException.class,
                            e -> assertThat(e.status()).isEqualTo(NtStatus.STATUS_PATH_NOT_COVERED));
        }
    }
}
