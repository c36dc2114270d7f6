package dev.smbco.it.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.Credentials;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbAccessDeniedException;
import dev.smbco.client.SmbAuthenticationException;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbClosedException;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbConnection;
import dev.smbco.client.SmbConnectionLostException;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbNotFoundException;
import dev.smbco.client.SmbProtocolException;
import dev.smbco.client.SmbSession;
import dev.smbco.client.SmbTree;
import dev.smbco.protocol.Command;
import dev.smbco.protocol.Dialect;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import dev.smbco.testserver.SambaVariant;
import dev.smbco.testserver.UseSamba;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Negotiate, authentication, signing, encryption and tree connect across dialects. */
@ExtendWith(SambaExtension.class)
class SessionTest {

    /** Writes and reads back a small file, and provokes an error response: signing/encryption on real traffic. */
    private static void roundTrip(SmbTree tree) {
        assertThatThrownBy(() -> tree.stat("no-such-file-" + System.nanoTime()))
                .isInstanceOf(SmbNotFoundException.class);
        String name = Smb.uniqueDir("rt") + ".txt";
        byte[] data = ("hello over " + tree).getBytes(StandardCharsets.UTF_8);
        try (SmbFile f = tree.open(name, OpenOptions.write())) {
            f.write(0, data);
            ByteBuf back = f.read(0, 1000);
            try {
                assertThat(back.toString(StandardCharsets.UTF_8)).isEqualTo(new String(data, StandardCharsets.UTF_8));
            } finally {
                back.release();
            }
        }
        tree.delete(name);
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    @UseSamba(variant = SambaVariant.SIGNING_REQUIRED)
    void serverRequiredSigningWorksOnEveryDialect(Dialect dialect, SambaServer server) {
        try (Smb smb = Smb.open(server, dialect)) {
            assertThat(smb.conn.negotiated().signingRequired()).isTrue();
            assertThat(smb.session.isSigned()).isTrue();
            roundTrip(smb.tree);
            smb.conn.echo();
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SMB3_11", "SMB3_02", "SMB2_10", "SMB2_02"})
    void clientRequiredSigningWorks(Dialect dialect, SambaServer server) {
        try (Smb smb = Smb.open(server, SmbConfig.builder().dialect(dialect).signing(SmbConfig.Policy.REQUIRED).build(), server.share())) {
            assertThat(smb.session.isSigned()).isTrue();
            roundTrip(smb.tree);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SMB3_11", "SMB3_02", "SMB3_00"})
    void clientRequestedEncryptionWorks(Dialect dialect, SambaServer server) {
        try (Smb smb = Smb.open(server, SmbConfig.builder().dialect(dialect).encryption(SmbConfig.Policy.REQUIRED).build(), server.share())) {
            assertThat(smb.session.isEncrypted()).isTrue();
            assertThat(smb.tree.isEncrypted()).isTrue();
            roundTrip(smb.tree);
        }
    }

    @Test
    void aShareThatRequiresEncryptionIsEncrypted(SambaServer server) {
        try (Smb smb = Smb.open(server, SmbConfig.defaults(), server.encryptedShare())) {
            assertThat(smb.session.isEncrypted()).isFalse();
            assertThat(smb.tree.isEncrypted()).isTrue();
            roundTrip(smb.tree);
        }
    }

    @Test
    void anEncryptedShareOnSmb2IsAccessDenied(SambaServer server) {
        try (Smb smb = Smb.open(server, Dialect.SMB2_10)) {
            assertThatThrownBy(() -> smb.session.treeConnect(server.encryptedShare()))
                    .isInstanceOf(SmbAccessDeniedException.class)
                    .hasMessageContaining(server.encryptedShare());
        }
    }

    @ParameterizedTest
    @EnumSource(value = Dialect.class, names = {"SMB3_11", "SMB2_02"})
    void guestSessionsWorkOnThePublicShare(Dialect dialect, SambaServer server) {
        try (SmbClient client = SmbClient.create(SmbConfig.builder().dialect(dialect).build())) {
            SmbConnection conn = client.connect(server.host(), server.port());
            SmbSession guest = conn.sessionSetup(Credentials.guest());
            assertThat(guest.isGuest()).isTrue();
            assertThat(guest.isSigned()).isFalse();
            roundTrip(guest.treeConnect(server.publicShare()));
            guest.logoff();
            conn.close();
        }
    }

    @Test
    void anonymousSessionsCanBeSetUp(SambaServer server) {
        try (SmbClient client = SmbClient.create()) {
            SmbConnection conn = client.connect(server.host(), server.port());
            SmbSession anonymous = conn.sessionSetup(Credentials.anonymous());
            assertThat(anonymous.isAnonymous()).isTrue();
            conn.close();
        }
    }

    @Test
    void aWrongPasswordIsAnAuthenticationFailureNamingTheStatus(SambaServer server) {
        try (SmbClient client = SmbClient.create()) {
            SmbConnection conn = client.connect(server.host(), server.port());
            assertThatThrownBy(() -> conn.sessionSetup(Credentials.ntlm(server.user(), "wrong".toCharArray(), server.domain())))
                    .isInstanceOf(SmbAuthenticationException.class)
                    .hasMessageContaining("SESSION_SETUP")
                    .hasMessageContaining("STATUS_LOGON_FAILURE (0xC000006D)");
            // the connection is still good for another attempt
            assertThat(conn.sessionSetup(Smb.user(server)).isGuest()).isFalse();
            conn.close();
        }
    }

    @Test
    void anUnknownShareIsNotFoundNamingBadNetworkName(SambaServer server) {
        try (Smb smb = Smb.open(server)) {
            assertThatThrownBy(() -> smb.session.treeConnect("no-such-share"))
                    .isInstanceOf(SmbNotFoundException.class)
                    .hasMessage("TREE_CONNECT \\\\" + server.host() + "\\no-such-share: STATUS_BAD_NETWORK_NAME (0xC00000CC)");
        }
    }

    @Test
    void afterTreeDisconnectTheTreeFailsButTheSessionLivesOn(SambaServer server) {
        try (Smb smb = Smb.open(server)) {
            smb.tree.list("");
            smb.tree.disconnect();
            assertThatThrownBy(() -> smb.tree.list("")).isInstanceOf(SmbClosedException.class)
                    .hasMessage("CREATE " + smb.tree.unc() + ": tree " + smb.tree.unc() + " is disconnected");
            assertThat(smb.session.treeConnect(server.share()).list("")).isNotNull();
        }
    }

    @Test
    void afterLogoffTheSessionsTreesFail(SambaServer server) {
        try (Smb smb = Smb.open(server)) {
            smb.tree.list("");
            smb.session.logoff();
            assertThatThrownBy(() -> smb.tree.list("")).isInstanceOf(SmbClosedException.class).hasMessageEndingWith("is logged off");
            smb.conn.echo();
        }
    }

    @Test
    void aBadSignatureIsAProtocolErrorAndTearsTheConnectionDown(SambaServer server) {
        SmbConfig signed = SmbConfig.builder().signing(SmbConfig.Policy.REQUIRED).build();
        try (FaultProxy proxy = FaultProxy.start(server)) {
            SambaServer via = proxy.front(server);
            try (Smb smb = Smb.open(via, signed, server.share())) {
                proxy.serverToClient().corrupt(Frames.finalResponse(Command.CREATE.code()), 1, 64 + 10);
                assertThatThrownBy(() -> smb.tree.stat(""))
                        .isInstanceOf(SmbProtocolException.class)
                        .hasMessageContaining("bad signature");
                assertThatThrownBy(smb.conn::echo).isInstanceOf(SmbConnectionLostException.class);
                assertThat(smb.conn.isOpen()).isFalse();
            }
        }
    }
}
