package dev.smbco.it.dfs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.smbco.client.Credentials;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbProtocolException;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Request;
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
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Many opens that miss the referral cache at the same moment share one referral request (#13
 * follow-up): on a fresh client, 32 coroutines open 32 files under one link of the root server at
 * once; the {@link FaultProxy} in front of the root server counts FSCTL_DFS_GET_REFERRALS
 * requests as {@link DfsTest} does, and sees exactly one.
 */
@ExtendWith(DfsExtension.class)
class DfsReferralFlightTest {
    private static final int IOCTL = 0x000B;
    private static final int OPENS = 32;
    private static final int CREATE = 0x0005;

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static boolean isReferralRequest(byte[] frame) {
        return Frames.isSmb2(frame) && Frames.command(frame) == IOCTL && (frame[16] & 1) == 0 && frame.length >= 72
                && ByteBuffer.wrap(frame, 68, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() == 0x00060194;
    }

    @Test
    void opensUnderOneLinkAtOnceAskForOneReferral(DfsNamespace dfs) throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < OPENS; i++) {
            String name = "flight-" + i + "-" + UUID.randomUUID() + ".txt";
            Files.writeString(dfs.targetShareDir().resolve(name), "content of " + i);
            names.add(name);
        }
        // one Credentials object: the pool (and the resolver) share sessions and referrals by it
        Credentials user = Credentials.ntlm(dfs.rootServer().user(), dfs.rootServer().password().toCharArray(),
                dfs.rootServer().domain());
        AtomicInteger referrals = new AtomicInteger();
        try (FaultProxy proxy = FaultProxy.start(dfs.rootServer().address());
             SmbClient client = SmbClient.create()) {
            proxy.clientToServer().rewrite(DfsReferralFlightTest::isReferralRequest, 0, frame -> {
                referrals.incrementAndGet();
                return frame;
            });
            String root = "smb://" + proxy.host() + ":" + proxy.port() + "/" + DfsNamespace.ROOT_SHARE + "/" + DfsNamespace.LINK + "/";
            List<Request<String>> opens = new ArrayList<>();
            for (String name : names) {
                opens.add(Coroutine.start(client.loop(), co -> {
                    try (SmbFile f = co.await(client.pool().openSend(URI.create(root + name), user, OpenOptions.read()))) {
                        assertThat(f.tree().session().connection().host()).isEqualTo(DfsNamespace.TARGET_ADDR);
                        ByteBuf b = co.await(f.readSend(0, (int) f.size()));
                        try {
                            return new String(ByteBufUtil.getBytes(b), StandardCharsets.UTF_8);
                        } finally {
                            b.release();
                        }
                    }
                }).withTimeout(Duration.ofMinutes(2)));
            }
            for (int i = 0; i < OPENS; i++) {
                assertThat(opens.get(i).await()).as(names.get(i)).isEqualTo("content of " + i);
            }
            assertThat(referrals).as("referral requests for the link, from %d opens at once", OPENS).hasValue(1);
        }
    }

    @Test
    void aFailedSharedReferralFailsEveryOpenWithTheSameErrorAndCachesNothing(DfsNamespace dfs) throws Exception {
        String name = "flight-fail-" + UUID.randomUUID() + ".txt";
        Files.writeString(dfs.targetShareDir().resolve(name), "after the failed referral");
        Credentials user = Credentials.ntlm(dfs.rootServer().user(), dfs.rootServer().password().toCharArray(),
                dfs.rootServer().domain());
        AtomicInteger referrals = new AtomicInteger();
        try (FaultProxy proxy = FaultProxy.start(dfs.rootServer().address());
             SmbClient client = SmbClient.create()) {
            proxy.clientToServer().rewrite(DfsReferralFlightTest::isReferralRequest, 0, frame -> {
                referrals.incrementAndGet();
                return frame;
            });
            // the CREATE answers that send the opens for a referral: the bad referral is held back
            // until all 8 have passed (Samba answers in order, so they come before it unless an
            // open was so late that it asked after the referral request) and 2 s more, so every
            // open has taken its answer and joined the one shared referral when it fails (a
            // generous margin: on a loaded CI machine a virtual thread can wait for a core)
            AtomicInteger notCovered = new AtomicInteger();
            proxy.serverToClient().watch(f -> {
                if (Frames.isSmb2(f) && Frames.command(f) == CREATE && Frames.status(f) == NtStatus.STATUS_PATH_NOT_COVERED) {
                    notCovered.incrementAndGet();
                }
            });
            // the first referral response: NumberOfReferrals made far too large (as in DfsTest)
            proxy.serverToClient().rewrite(f -> Frames.isSmb2(f) && Frames.command(f) == IOCTL && Frames.status(f) == 0, 1, frame -> {
                long until = System.nanoTime() + Duration.ofSeconds(20).toNanos();
                while (notCovered.get() < 8 && System.nanoTime() - until < 0) {
                    sleep(10);
                }
                sleep(2000);
                int output = ByteBuffer.wrap(frame, 64 + 32, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                byte[] bad = frame.clone();
                bad[output + 2] = (byte) 0xFF;
                bad[output + 3] = (byte) 0x7F;
                return bad;
            });
            URI uri = URI.create("smb://" + proxy.host() + ":" + proxy.port() + "/" + DfsNamespace.ROOT_SHARE + "/" + DfsNamespace.LINK
                    + "/" + name);
            List<Request<SmbFile>> opens = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                opens.add(client.pool().openSend(uri, user, OpenOptions.read()).withTimeout(Duration.ofMinutes(2)));
            }
            Throwable first = null;
            for (Request<SmbFile> open : opens) {
                Throwable failure = catchThrowable(open::await);
                assertThat(failure).isInstanceOf(SmbProtocolException.class).hasMessageContaining("malformed referral");
                if (first == null) {
                    first = failure;
                }
                assertThat(failure).as("every open fails with the shared request's error").isSameAs(first);
            }
            assertThat(notCovered).as("every open was sent for a referral before the shared one failed").hasValue(8);
            assertThat(referrals).as("one referral request, failed, for 8 opens at once").hasValue(1);

            try (SmbFile f = client.open(uri, user, OpenOptions.read())) {
                ByteBuf b = f.read(0, (int) f.size());
                try {
                    assertThat(b.toString(StandardCharsets.UTF_8)).isEqualTo("after the failed referral");
                } finally {
                    b.release();
                }
            }
            assertThat(referrals).as("nothing was cached from the failure: the next open asked again").hasValue(2);
        }
    }

    @Test
    void opensUnderTwoLinksAtOnceAskOncePerLink(DfsNamespace dfs) throws Exception {
        Credentials user = Credentials.ntlm(dfs.rootServer().user(), dfs.rootServer().password().toCharArray(),
                dfs.rootServer().domain());
        AtomicInteger referrals = new AtomicInteger();
        try (FaultProxy proxy = FaultProxy.start(dfs.rootServer().address());
             SmbClient client = SmbClient.create()) {
            proxy.clientToServer().rewrite(DfsReferralFlightTest::isReferralRequest, 0, frame -> {
                referrals.incrementAndGet();
                return frame;
            });
            String root = "smb://" + proxy.host() + ":" + proxy.port() + "/" + DfsNamespace.ROOT_SHARE + "/";
            List<String> texts = new ArrayList<>();
            List<URI> uris = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                // the same share behind both links; "two" fails over from 127.0.0.3 to 127.0.0.2
                String link = i % 2 == 0 ? DfsNamespace.LINK : DfsNamespace.FAILOVER_LINK;
                String name = "flight-two-" + i + "-" + UUID.randomUUID() + ".txt";
                Files.writeString(dfs.targetShareDir().resolve(name), link + " " + i);
                texts.add(link + " " + i);
                uris.add(URI.create(root + link + "/" + name));
            }
            List<Request<String>> opens = new ArrayList<>();
            for (URI uri : uris) {
                opens.add(Coroutine.start(client.loop(), co -> {
                    try (SmbFile f = co.await(client.pool().openSend(uri, user, OpenOptions.read()))) {
                        ByteBuf b = co.await(f.readSend(0, (int) f.size()));
                        try {
                            return b.toString(StandardCharsets.UTF_8);
                        } finally {
                            b.release();
                        }
                    }
                }).withTimeout(Duration.ofMinutes(2)));
            }
            for (int i = 0; i < opens.size(); i++) {
                assertThat(opens.get(i).await()).isEqualTo(texts.get(i));
            }
            assertThat(referrals).as("one referral request per link, the second asked once the first did not cover it")
                    .hasValue(2);
        }
    }
}
