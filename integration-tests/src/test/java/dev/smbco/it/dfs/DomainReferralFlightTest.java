package dev.smbco.it.dfs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.client.Credentials;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbFile;
import dev.smbco.client.dfs.DfsPolicy;
import dev.smbco.coro.Coroutine;
import dev.smbco.coro.Request;
import dev.smbco.testserver.AdDc;
import dev.smbco.testserver.AdDcExtension;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.Frames;
import io.netty.buffer.ByteBuf;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Domain-based names opened by many coroutines at once on a fresh client share the domain and DC
 * referrals (#13 follow-up), against the Samba AD DC fixture: the configured DC is reached through
 * a {@link FaultProxy} that counts FSCTL_DFS_GET_REFERRALS requests (as {@code DomainDfsTest}
 * does) and sees one domain referral and one DC referral. The SYSVOL referral goes to the DC the
 * DC referral names (dc1.smbco.test:445), past the proxy, so it is not counted here.
 */
@ExtendWith(AdDcExtension.class)
class DomainReferralFlightTest {
    private static final int IOCTL = 0x000B;
    private static final int OPENS = 16;

    private static boolean isReferralRequest(byte[] frame) {
        return Frames.isSmb2(frame) && Frames.command(frame) == IOCTL && (frame[16] & 1) == 0 && frame.length >= 72
                && ByteBuffer.wrap(frame, 68, 4).order(ByteOrder.LITTLE_ENDIAN).getInt() == 0x00060194;
    }

    @Test
    void opensOfADomainNameAtOnceAskTheDomainAndDcReferralsOnce(AdDc dc) throws Exception {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < OPENS; i++) {
            String name = "flight-" + i + "-" + UUID.randomUUID().toString().substring(0, 8) + ".txt";
            Path file = dc.sysvolDir().resolve(name);
            Files.writeString(file, "sysvol " + i);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
            names.add(name);
        }
        AtomicInteger referrals = new AtomicInteger();
        try (FaultProxy proxy = FaultProxy.start(dc.address());
             SmbClient client = SmbClient.create(SmbConfig.builder().signing(SmbConfig.Policy.REQUIRED)
                     .connectTimeout(Duration.ofSeconds(10))
                     .dfs(DfsPolicy.on().withDomainControllers(proxy.host() + ":" + proxy.port())).build())) {
            proxy.clientToServer().rewrite(DomainReferralFlightTest::isReferralRequest, 0, frame -> {
                referrals.incrementAndGet();
                return frame;
            });
            Credentials bob = Credentials.ntlm(dc.user(), dc.password().toCharArray(), dc.domain());
            String sysvol = "smb://" + dc.realm() + "/sysvol/" + dc.realm().toLowerCase() + "/";
            List<Request<String>> opens = new ArrayList<>();
            for (String name : names) {
                URI uri = URI.create(sysvol + name);
                opens.add(Coroutine.start(client.loop(), co -> {
                    try (SmbFile f = co.await(client.pool().openSend(uri, bob, OpenOptions.read()))) {
                        ByteBuf b = co.await(f.readSend(0, (int) f.size()));
                        try {
                            return b.toString(StandardCharsets.UTF_8);
                        } finally {
                            b.release();
                        }
                    }
                }).withTimeout(Duration.ofMinutes(2)));
            }
            for (int i = 0; i < OPENS; i++) {
                assertThat(opens.get(i).await()).as(names.get(i)).isEqualTo("sysvol " + i);
            }
            assertThat(referrals).as("a domain referral and a DC referral, from %d opens at once", OPENS).hasValue(2);
        }
    }
}
