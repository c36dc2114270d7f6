package dev.smbco.it.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbProtocolException;
import dev.smbco.client.SmbTree;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.Dialect;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.FrameRule;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import dev.smbco.testserver.SambaVariant;
import dev.smbco.testserver.UseSamba;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A man in the middle ({@link FaultProxy}) that flips bytes of signed or encrypted responses, or
 * rewrites the unsigned NEGOTIATE response to lower the dialect or alter capabilities: each is
 * detected, the request fails with {@link SmbProtocolException}, the connection is closed and
 * nothing of the tampered data reaches the caller.
 */
@ExtendWith(SambaExtension.class)
class TamperTest {
    /** Offset of DialectRevision in a NEGOTIATE response (after the 64-byte header). */
    private static final int DIALECT_OFFSET = 64 + 4;
    /** Offset of Capabilities in a NEGOTIATE response. */
    private static final int CAPABILITIES_OFFSET = 64 + 24;

    private static final byte[] SECRET_LOOKING = "the quick brown fox jumps over the lazy dog".getBytes(StandardCharsets.US_ASCII);

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SMB2_10", "SMB3_02", "SMB3_11"})
    void aFlippedByteInASignedReadResponseFailsTheReadAndClosesTheConnection(Dialect dialect, SambaServer server) {
        SmbConfig config = SmbConfig.builder().dialect(dialect).signing(SmbConfig.Policy.REQUIRED).build();
        try (FaultProxy proxy = FaultProxy.start(server); Sec s = Sec.open(proxy.front(server), config)) {
            SmbTree tree = s.session.treeConnect(server.share());
            // the final READ response's data starts at 64 + 16: flip its first byte (an interim STATUS_PENDING
            // response, which Samba sends when it is slow, has no data and is let through). Installed before the
            // CREATE, so the proxy is reading whole frames by the time the READ response comes.
            FrameRule rule = proxy.serverToClient().corrupt(Frames.finalResponse(Command.READ.code()), 1, 64 + 16);
            String name = Sec.unique("tamper") + ".txt";
            SmbFile f = tree.open(name, OpenOptions.write());
            f.write(0, SECRET_LOOKING);
            AtomicReference<Object> leaked = new AtomicReference<>();
            Throwable thrown = catchThrowable(() -> leaked.set(f.read(0, 4096)));
            assertThat(thrown).as("rule matched %d fired %d; read returned %s", rule.matched(), rule.fired(),
                            leaked.get() instanceof io.netty.buffer.ByteBuf b ? b.toString(StandardCharsets.US_ASCII) : leaked.get())
                    .isInstanceOf(SmbProtocolException.class)
                    .hasMessageContaining("READ")
                    .hasMessageContaining("bad signature on response");
            assertThat(leaked.get()).isNull();
            assertThatThrownBy(f::close).isInstanceOf(SmbConnectionLostException.class);
            assertThat(s.conn.isOpen()).isFalse();
            assertThatThrownBy(s.conn::echo).isInstanceOf(SmbConnectionLostException.class);
        }
    }

    /** A large signed READ (GMAC, body checked off the event loop) with one flipped byte deep in its data. */
    @Test
    void aFlippedByteInALargeSignedReadResponseFailsTheReadAndClosesTheConnection(SambaServer server) {
        SmbConfig config = SmbConfig.builder().dialect(Dialect.SMB3_11).signing(SmbConfig.Policy.REQUIRED).build();
        try (FaultProxy proxy = FaultProxy.start(server); Sec s = Sec.open(proxy.front(server), config)) {
            SmbTree tree = s.session.treeConnect(server.share());
            FrameRule rule = proxy.serverToClient().corrupt(Frames.finalResponse(Command.READ.code()), 1, 64 + 16 + 200_000);
            SmbFile f = tree.open(Sec.unique("tamper-large") + ".bin", OpenOptions.write());
            f.write(0, new byte[300_000]);
            AtomicReference<Object> leaked = new AtomicReference<>();
            Throwable thrown = catchThrowable(() -> leaked.set(f.read(0, 300_000)));
            assertThat(thrown).as("rule matched %d fired %d", rule.matched(), rule.fired())
                    .isInstanceOf(SmbProtocolException.class)
                    .hasMessageContaining("READ")
                    .hasMessageContaining("bad signature on response");
            assertThat(leaked.get()).isNull();
            assertThat(s.conn.isOpen()).isFalse();
            assertThatThrownBy(s.conn::echo).isInstanceOf(SmbConnectionLostException.class);
        }
    }

    /** A large encrypted READ response (decrypted off the event loop) with its last byte flipped. */
    @Test
    void aFlippedByteInALargeEncryptedResponseIsADecryptionFailureThatClosesTheConnection(SambaServer server) {
        SmbConfig config = SmbConfig.builder().encryption(SmbConfig.Policy.REQUIRED).build();
        try (FaultProxy proxy = FaultProxy.start(server); Sec s = Sec.open(proxy.front(server), config)) {
            SmbTree tree = s.session.treeConnect(server.share());
            SmbFile f = tree.open(Sec.unique("tamper-large-enc") + ".bin", OpenOptions.write());
            f.write(0, new byte[300_000]);
            FrameRule rule = proxy.serverToClient().rewrite(frame -> Frames.isTransform(frame) && frame.length > 200_000, 1,
                    Frames.flipLastByte());
            AtomicReference<Object> leaked = new AtomicReference<>();
            Throwable thrown = catchThrowable(() -> leaked.set(f.read(0, 300_000)));
            assertThat(thrown).as("rule matched %d fired %d", rule.matched(), rule.fired())
                    .isInstanceOf(SmbConnectionLostException.class)
                    .hasCauseInstanceOf(SmbProtocolException.class)
                    .hasMessageContaining("cannot decrypt frame")
                    .hasMessageContaining("does not authenticate");
            assertThat(leaked.get()).isNull();
            assertThat(s.conn.isOpen()).isFalse();
        }
    }

    @Test
    void aFlippedByteInAnEncryptedResponseIsADecryptionFailureThatClosesTheConnection(SambaServer server) {
        SmbConfig config = SmbConfig.builder().dialect(Dialect.SMB3_11).encryption(SmbConfig.Policy.REQUIRED).build();
        try (FaultProxy proxy = FaultProxy.start(server); Sec s = Sec.open(proxy.front(server), config)) {
            SmbTree tree = s.session.treeConnect(server.share());
            String name = Sec.unique("tamper") + ".txt";
            SmbFile f = tree.open(name, OpenOptions.write());
            f.write(0, SECRET_LOOKING);
            // the next encrypted frame is the answer to the READ (its final response, or an interim one that
            // Samba sends first when it is slow): flip its last byte, sealed data either way. Nothing else is
            // pending, and the proxy judges every frame whose prefix it reads after this rule is installed.
            proxy.serverToClient().rewrite(Frames::isTransform, 1, Frames.flipLastByte());
            AtomicReference<Object> leaked = new AtomicReference<>();
            // a frame that does not decrypt cannot be matched to a request (its message id is sealed): the
            // connection fails, and every pending request with it, naming the protocol error as the cause
            assertThatThrownBy(() -> leaked.set(f.read(0, 4096)))
                    .isInstanceOf(SmbConnectionLostException.class)
                    .hasCauseInstanceOf(SmbProtocolException.class)
                    .hasMessageContaining("cannot decrypt frame")
                    .hasMessageContaining("does not authenticate");
            assertThat(leaked.get()).isNull();
            assertThat(s.conn.isOpen()).isFalse();
            assertThatThrownBy(s.conn::echo).isInstanceOf(SmbConnectionLostException.class);
        }
    }

    @Test
    void a311NegotiateLoweredTo302IsCaughtBeforeTheSessionIsUsable(SambaServer server) {
        try (FaultProxy proxy = FaultProxy.start(server)) {
            proxy.serverToClient().rewrite(Frames.response(Command.NEGOTIATE.code()), 1, setShort(DIALECT_OFFSET, 0x0302));
            assertThatThrownBy(() -> {
                try (Sec s = Sec.open(proxy.front(server), SmbConfig.defaults())) {
                    assertThat(s.conn.negotiated().dialect()).isEqualTo(Dialect.SMB3_02); // the lie took effect...
                    s.session.treeConnect(server.share()); // ...but cannot survive the signed checks
                }
            }).isInstanceOf(SmbProtocolException.class)
                    .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("bad signature", "VALIDATE_NEGOTIATE_INFO"));
        }
    }

    @Test
    @UseSamba(variant = SambaVariant.MAX_SMB3_00)
    void a30NegotiateLoweredTo21IsRefused(SambaServer server) {
        try (FaultProxy proxy = FaultProxy.start(server)) {
            proxy.serverToClient().rewrite(Frames.response(Command.NEGOTIATE.code()), 1, setShort(DIALECT_OFFSET, 0x0210));
            // Samba signs the final SESSION_SETUP response of a 3.0 session with 3.0 keys: the client, believing
            // 2.1, checks it with HMAC-SHA256 and fails; were it unsigned, VALIDATE_NEGOTIATE_INFO would catch it
            assertThatThrownBy(() -> {
                try (Sec s = Sec.open(proxy.front(server), SmbConfig.defaults())) {
                    assertThat(s.conn.negotiated().dialect()).isEqualTo(Dialect.SMB2_10);
                    s.session.treeConnect(server.share());
                }
            }).isInstanceOf(SmbProtocolException.class)
                    .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("bad signature on the final response", "VALIDATE_NEGOTIATE_INFO"));
        }
    }

    @Test
    void alteredCapabilitiesOn302AreCaughtByValidateNegotiate(SambaServer server) {
        SmbConfig config = SmbConfig.builder().maxDialect(Dialect.SMB3_02).build();
        try (FaultProxy proxy = FaultProxy.start(server)) {
            // toggles SMB2_GLOBAL_CAP_DFS (0x01) in the server's capabilities
            proxy.serverToClient().rewrite(Frames.response(Command.NEGOTIATE.code()), 1, frame -> {
                byte[] copy = frame.clone();
                copy[CAPABILITIES_OFFSET] ^= 0x01;
                return copy;
            });
            try (Sec s = Sec.open(proxy.front(server), config)) {
                assertThatThrownBy(() -> s.session.treeConnect(server.share()))
                        .isInstanceOf(SmbProtocolException.class)
                        .hasMessageContaining("NEGOTIATE was tampered with")
                        .hasMessageContaining("capabilities");
                assertThat(s.conn.isOpen()).isFalse();
            }
        }
    }

    @Test
    void anUntamperedProxyPassesValidateNegotiate(SambaServer server) {
        SmbConfig config = SmbConfig.builder().maxDialect(Dialect.SMB3_00).build();
        try (FaultProxy proxy = FaultProxy.start(server); Sec s = Sec.open(proxy.front(server), config)) {
            Sec.writeReadListDelete(s.session.treeConnect(server.share()));
        }
    }

    @Test
    @UseSamba(variant = SambaVariant.MAX_SMB2_10)
    void anHonest21ServerPassesValidateNegotiateForAClientOffering311(SambaServer server) {
        try (Sec s = Sec.open(server, SmbConfig.defaults())) {
            assertThat(s.conn.negotiated().dialect()).isEqualTo(Dialect.SMB2_10);
            Sec.writeReadListDelete(s.session.treeConnect(server.share()));
        }
    }

    @Test
    @UseSamba(variant = SambaVariant.MAX_SMB3_00)
    void anHonest30ServerPassesValidateNegotiateForAClientOffering311(SambaServer server) {
        try (Sec s = Sec.open(server, SmbConfig.defaults())) {
            assertThat(s.conn.negotiated().dialect()).isEqualTo(Dialect.SMB3_00);
            Sec.writeReadListDelete(s.session.treeConnect(server.share()));
            Sec.writeReadListDelete(s.session.treeConnect(server.encryptedShare()));
        }
    }

    private static UnaryOperator<byte[]> setShort(int offset, int value) {
        return frame -> {
            byte[] copy = frame.clone();
            copy[offset] = (byte) value;
            copy[offset + 1] = (byte) (value >> 8);
            return copy;
        };
    }
}
