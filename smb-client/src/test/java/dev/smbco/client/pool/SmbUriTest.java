package dev.smbco.client.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SmbUriTest {

    @Test
    void aFullUriGivesServerShareAndPath() {
        SmbUri u = SmbUri.parse("smb://alice@Files.Example:4445/data/reports/2026/q1.csv");
        assertThat(u.user()).isEqualTo("alice");
        assertThat(u.host()).isEqualTo("Files.Example");
        assertThat(u.port()).isEqualTo(4445);
        assertThat(u.share()).isEqualTo("data");
        assertThat(u.path()).isEqualTo("reports\\2026\\q1.csv");
        assertThat(u.serverKey()).isEqualTo("files.example:4445");
        assertThat(u).hasToString("smb://Files.Example:4445/data/reports/2026/q1.csv");
    }

    @Test
    void defaultsAndEncodings() {
        SmbUri u = SmbUri.parse("smb://[::1]/share%20one/a%2Bb+c/%C3%A9t%C3%A9.txt");
        assertThat(u.host()).isEqualTo("::1");
        assertThat(u.port()).isEqualTo(445);
        assertThat(u.share()).isEqualTo("share one");
        assertThat(u.path()).isEqualTo("a+b+c\\été.txt");
        assertThat(u.user()).isNull();
        assertThat(SmbUri.parse("smb://host/share").path()).isEmpty();
        assertThat(SmbUri.parse("smb://host/share/dir/").path()).isEqualTo("dir");
        assertThat(SmbUri.parse("SMB://host/share/x").share()).isEqualTo("share");
    }

    @Test
    void whatNamesNoFileOnAShareIsRefusedWithTheReason() {
        assertThatThrownBy(() -> SmbUri.parse("smb://host/")).hasMessageContaining("needs a share");
        assertThatThrownBy(() -> SmbUri.parse("smb://host")).hasMessageContaining("needs a share");
        assertThatThrownBy(() -> SmbUri.parse("file:///tmp/x")).hasMessageContaining("not an smb:// URI");
        assertThatThrownBy(() -> SmbUri.parse("smb:share/x")).hasMessageContaining("needs a host");
        assertThatThrownBy(() -> SmbUri.parse("smb://host/s/f?x=1")).hasMessageContaining("no query or fragment");
        assertThatThrownBy(() -> SmbUri.parse("smb://host/s/f#top")).hasMessageContaining("no query or fragment");
        assertThatThrownBy(() -> SmbUri.parse("smb://host/s/../f")).hasMessageContaining("'..' is not a file name");
        assertThatThrownBy(() -> SmbUri.parse("smb://host/s/a%2Fb")).hasMessageContaining("'a/b' is not a file name");
        assertThatThrownBy(() -> SmbUri.parse("smb://host/s/%zz")).hasMessageContaining("not a valid URI: Malformed escape pair");
        assertThatThrownBy(() -> SmbUri.parse("smb://host/ s")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not a valid URI");
    }

    @Test
    void aPasswordInTheUriIsRefusedWithoutRepeatingIt() {
        assertThatThrownBy(() -> SmbUri.parse("smb://alice:s3cret@host/s/f"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must not carry a password")
                .hasMessageNotContaining("s3cret");
    }
}
