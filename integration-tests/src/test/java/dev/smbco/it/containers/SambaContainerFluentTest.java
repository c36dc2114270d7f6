package dev.smbco.it.containers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.client.Credentials;
import dev.smbco.client.DirEntry;
import dev.smbco.client.SmbAccessDeniedException;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConnection;
import dev.smbco.client.SmbSession;
import dev.smbco.client.SmbTree;
import dev.smbco.client.rpc.ShareInfo;
import dev.smbco.testcontainers.SambaContainer;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaUnavailableException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/**
 * The published {@code smbco-testcontainers} container as a user writes it: the fluent settings
 * of the example each take effect on the real server (an extra share, another user,
 * signing required, an extra encrypted share).
 */
class SambaContainerFluentTest {

    @Test
    void fluentSettingsReachTheServer() throws Exception {
        if (!engineAnswers()) {
            throw SambaExtension.skipOrFail(new SambaUnavailableException("no container engine answers (DOCKER_HOST)"));
        }
        try (SambaContainer samba = new SambaContainer()
                .withShare("data").withUser("alice", "pw").withSigningRequired().withEncryptedShare("secret")) {
            samba.start();
            assertThat(samba.shares()).containsExactly("share", "public", "enc", "ro", "data", "secret");
            assertThat(samba.uri("data")).isEqualTo(URI.create("smb://" + samba.host() + ":" + samba.port() + "/data"));

            try (SmbClient client = SmbClient.create()) {
                SmbConnection conn = client.connect(samba.host(), samba.port());
                assertThat(conn.negotiated().signingRequired()).as("withSigningRequired").isTrue();
                SmbSession alice = conn.sessionSetup(Credentials.ntlm("alice", "pw".toCharArray(), samba.domain()));
                assertThat(alice.listShares()).extracting(ShareInfo::name).contains("data", "secret");

                SmbTree data = alice.treeConnect("data");
                assertThat(data.isEncrypted()).isFalse();
                SmbTree secret = alice.treeConnect("secret");
                assertThat(secret.isEncrypted()).as("withEncryptedShare").isTrue();

                // the default user is gone (an unknown user is mapped to the guest), so only alice gets in
                SmbSession other = client.connect(samba.host(), samba.port())
                        .sessionSetup(Credentials.ntlm(SambaContainer.DEFAULT_USER, SambaContainer.DEFAULT_PASSWORD.toCharArray(), samba.domain()));
                assertThatThrownBy(() -> other.treeConnect("data")).isInstanceOf(SmbAccessDeniedException.class);
            }

            // and through java.nio, as the examples do
            try (FileSystem fs = FileSystems.newFileSystem(samba.uri("data"), Map.of("user", samba.user(), "password", samba.password()))) {
                Files.writeString(fs.getPath("/hello.txt"), "hi");
                assertThat(Files.readString(fs.getPath("/hello.txt"))).isEqualTo("hi");
            }
            try (SmbClient client = SmbClient.create()) {
                SmbTree data = client.connect(samba.host(), samba.port())
                        .sessionSetup(Credentials.ntlm("alice", "pw".toCharArray(), samba.domain())).treeConnect("data");
                assertThat(data.list("")).extracting(DirEntry::name).contains("hello.txt");
            }
        }
    }

    private static boolean engineAnswers() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
