package dev.smbco.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbProtocolException;
import dev.smbco.client.SmbTree;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.crypto.CipherId;
import dev.smbco.protocol.crypto.SigningAlgorithm;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.SambaBackend;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import dev.smbco.testserver.UseSamba;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A server (played by a proxy rewriting Samba's answers) that picks what we did not offer or
 * replays an encrypted frame: each is a protocol error naming what was wrong, and no secret
 * appears in the message.
 */
@ExtendWith(SambaExtension.class)
@UseSamba(backend = {SambaBackend.LOCAL, SambaBackend.CONTAINER})
class BadServerTest {
    private static final int CONTEXT_ENCRYPTION = 0x0002;
    private static final int CONTEXT_SIGNING = 0x0008;

    /** Sets the first id of a negotiate context's list in a 3.1.1 NEGOTIATE response (MS-SMB2 2.2.4, 2.2.3.1). */
    private static UnaryOperator<byte[]> setContextId(int contextType, int id) {
        return frame -> {
            byte[] copy = frame.clone();
            int count = u16(copy, 64 + 6);                 // NegotiateContextCount
            int offset = (int) u32(copy, 64 + 60);         // NegotiateContextOffset, from the header's start
            for (int i = 0; i < count && offset + 8 <= copy.length; i++) {
                int type = u16(copy, offset);
                int length = u16(copy, offset + 2);
                if (type == contextType) {
                    int at = offset + 8 + 2;               // after ContextType, DataLength, Reserved and the list's count
                    copy[at] = (byte) id;
                    copy[at + 1] = (byte) (id >> 8);
                    return copy;
                }
                offset = (offset + 8 + length + 7) & ~7;
            }
            throw new AssertionError("no negotiate context 0x" + Integer.toHexString(contextType) + " in the response");
        };
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xFF) | (b[at + 1] & 0xFF) << 8;
    }

    private static long u32(byte[] b, int at) {
        return u16(b, at) | (long) u16(b, at + 2) << 16;
    }

    private void refused(SambaServer server, SmbConfig config, int contextType, int id, String expected) {
        try (FaultProxy proxy = FaultProxy.start(server); SmbClient client = SmbClient.create(config)) {
            proxy.serverToClient().rewrite(Frames.response(Command.NEGOTIATE.code()), 1, setContextId(contextType, id));
            assertThatThrownBy(() -> client.connect(proxy.host(), proxy.port()))
                    .isInstanceOf(SmbProtocolException.class)
                    .hasMessageContaining(expected)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContainIgnoringCase(server.password()));
        }
    }

    @Test
    void aCipherWeDidNotOfferIsRefused(SambaServer server) {
        refused(server, SmbConfig.builder().dialect(Dialect.SMB3_11).ciphers(CipherId.AES_128_GCM).build(),
                CONTEXT_ENCRYPTION, CipherId.AES_256_GCM.wireId(), "server chose cipher AES_256_GCM (0x0004), which was not offered");
    }

    @Test
    void anUnknownCipherIdIsRefused(SambaServer server) {
        refused(server, SmbConfig.builder().dialect(Dialect.SMB3_11).build(), CONTEXT_ENCRYPTION, 0x0009,
                "server chose unknown cipher id 0x0009");
    }

    @Test
    void aSigningAlgorithmWeDidNotOfferIsRefused(SambaServer server) {
        refused(server, SmbConfig.builder().dialect(Dialect.SMB3_11).signingAlgorithms(SigningAlgorithm.AES_CMAC).build(),
                CONTEXT_SIGNING, SigningAlgorithm.AES_GMAC.wireId(), "server chose signing algorithm AES_GMAC (0x0002), which was not offered");
    }

    @Test
    void aReplayedEncryptedFrameIsANonceReuseThatClosesTheConnection(SambaServer server) {
        SmbConfig config = SmbConfig.builder().dialect(Dialect.SMB3_11).encryption(SmbConfig.Policy.REQUIRED).build();
        try (FaultProxy proxy = FaultProxy.start(server); Sec s = Sec.open(proxy.front(server), config)) {
            SmbTree tree = s.session.treeConnect(server.share());
            // from now on: the 1st encrypted frame (the CREATE's answer) is kept, and the first one after the
            // WRITE completed (the READ's answer, interim or final) is replaced by it
            AtomicInteger seen = new AtomicInteger();
            AtomicReference<byte[]> kept = new AtomicReference<>();
            AtomicBoolean replayNext = new AtomicBoolean();
            proxy.serverToClient().rewrite(Frames::isTransform, 0, frame -> {
                if (seen.incrementAndGet() == 1) {
                    kept.set(frame.clone());
                    return frame;
                }
                return replayNext.compareAndSet(true, false) ? kept.get() : frame;
            });
            SmbFile f = tree.open(Sec.unique("replay") + ".txt", OpenOptions.write());
            f.write(0, "replay me".getBytes(StandardCharsets.US_ASCII));
            replayNext.set(true);
            assertThatThrownBy(() -> f.read(0, 100))
                    .isInstanceOf(SmbConnectionLostException.class)
                    .hasCauseInstanceOf(SmbProtocolException.class)
                    .hasMessageContaining("reused a nonce");
            assertThat(s.conn.isOpen()).isFalse();
        }
    }
}
