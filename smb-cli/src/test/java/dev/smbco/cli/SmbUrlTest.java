package dev.smbco.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SmbUrlTest {

    @Test
    void parsesEveryPart() {
        SmbUrl url = SmbUrl.parse("smb://CORP;alice:s3cret@files.example.com:1445/data/reports/2026/q3.pdf");
        assertThat(url.domain()).isEqualTo("CORP");
        assertThat(url.user()).isEqualTo("alice");
        assertThat(url.password()).isEqualTo("s3cret");
        assertThat(url.host()).isEqualTo("files.example.com");
        assertThat(url.port()).isEqualTo(1445);
        assertThat(url.share()).isEqualTo("data");
        assertThat(url.segments()).containsExactly("reports", "2026", "q3.pdf");
        assertThat(url.path()).isEqualTo("reports/2026/q3.pdf");
        assertThat(url.name()).isEqualTo("q3.pdf");
        assertThat(url.into()).isFalse();
    }

    @Test
    void minimalUrlIsTheShareRoot() {
        SmbUrl url = SmbUrl.parse("smb://host/share");
        assertThat(url.user()).isNull();
        assertThat(url.password()).isNull();
        assertThat(url.domain()).isNull();
        assertThat(url.port()).isEqualTo(-1);
        assertThat(url.portOr(-1)).isEqualTo(445);
        assertThat(url.portOr(4455)).isEqualTo(4455);
        assertThat(url.isRoot()).isTrue();
        assertThat(url.path()).isEmpty();
        assertThat(url.name()).isEqualTo("share");
        assertThat(SmbUrl.parse("smb://host/share/").into()).as("the share root is a directory anyway").isFalse();
    }

    @Test
    void schemeIsCaseInsensitive() {
        assertThat(SmbUrl.isUrl("SMB://h/s")).isTrue();
        assertThat(SmbUrl.parse("SMB://h/s/x").name()).isEqualTo("x");
        assertThat(SmbUrl.isUrl("/tmp/x")).isFalse();
        assertThat(SmbUrl.isUrl("-")).isFalse();
    }

    @Test
    void trailingSlashMeansInto() {
        SmbUrl url = SmbUrl.parse("smb://h/s/dir/sub/");
        assertThat(url.into()).isTrue();
        assertThat(url.segments()).containsExactly("dir", "sub");
        assertThat(url.toString()).isEqualTo("smb://h/s/dir/sub/");
    }

    @Test
    void percentDecodesEveryPartAsUtf8() {
        SmbUrl url = SmbUrl.parse("smb://DOM%3Bx;us%40er:p%3Aa%2Fss%40@host/my%20share/d%C3%A9j%C3%A0%20vu/%E6%97%A5%E6%9C%AC.txt");
        assertThat(url.domain()).isEqualTo("DOM;x");
        assertThat(url.user()).isEqualTo("us@er");
        assertThat(url.password()).isEqualTo("p:a/ss@");
        assertThat(url.share()).isEqualTo("my share");
        assertThat(url.segments()).containsExactly("déjà vu", "日本.txt");
    }

    @ParameterizedTest
    @ValueSource(strings = {"smb://CORP;alice@host:1445/", "smb://CORP;alice@host:1445", "smb://CORP;alice@host:1445//"})
    void aServerUrlHasNoShareWhereOneIsOptional(String text) {
        SmbUrl url = SmbUrl.parseServerOrShare(text);
        assertThat(url.isServer()).isTrue();
        assertThat(url.share()).isEmpty();
        assertThat(url.segments()).isEmpty();
        assertThat(url.user()).isEqualTo("alice");
        assertThat(url.domain()).isEqualTo("CORP");
        assertThat(url.portOr(445)).isEqualTo(1445);
        assertThat(url.toString()).isEqualTo("smb://host:1445/");
        assertThatThrownBy(() -> SmbUrl.parse(text)).isInstanceOf(CliException.class).hasMessageContaining("missing share");
    }

    @Test
    void aShareUrlIsNoServerUrl() {
        SmbUrl url = SmbUrl.parseServerOrShare("smb://host/share/dir/");
        assertThat(url.isServer()).isFalse();
        assertThat(url).isEqualTo(SmbUrl.parse("smb://host/share/dir/"));
        assertThatThrownBy(() -> SmbUrl.parseServerOrShare("smb:///")).isInstanceOf(CliException.class).hasMessageContaining("missing host");
    }

    @Test
    void rawNonAsciiIsAccepted() {
        SmbUrl url = SmbUrl.parse("smb://h/s/Ünïcødé/файл.txt");
        assertThat(url.segments()).containsExactly("Ünïcødé", "файл.txt");
    }

    @Test
    void encodeRoundTripsThroughParse() {
        String name = "a b%c#d?é日本/x";
        String encoded = SmbUrl.encode(name.replace("/", ""));
        assertThat(encoded).matches("[A-Za-z0-9%._~-]+");
        assertThat(SmbUrl.parse("smb://h/s/" + encoded).name()).isEqualTo(name.replace("/", ""));
    }

    @Test
    void ipv6Literals() {
        SmbUrl url = SmbUrl.parse("smb://u:p@[fe80::1%25eth0]:8445/s/f");
        assertThat(url.host()).isEqualTo("fe80::1%eth0");
        assertThat(url.port()).isEqualTo(8445);
        SmbUrl loop = SmbUrl.parse("smb://[::1]/s");
        assertThat(loop.host()).isEqualTo("::1");
        assertThat(loop.port()).isEqualTo(-1);
        assertThat(loop.toString()).isEqualTo("smb://[::1]/s");
    }

    @Test
    void emptySegmentsCollapse() {
        assertThat(SmbUrl.parse("smb://h//s//a///b").segments()).containsExactly("a", "b");
    }

    @Test
    void toStringHidesCredentials() {
        SmbUrl url = SmbUrl.parse("smb://D;u:topsecret@h:99/s/a%20b");
        assertThat(url.toString()).isEqualTo("smb://h:99/s/a b").doesNotContain("topsecret");
    }

    @Test
    void navigation() {
        SmbUrl url = SmbUrl.parse("smb://u@h/s/a/b");
        assertThat(url.parent().segments()).containsExactly("a");
        assertThat(url.parent().parent().isRoot()).isTrue();
        assertThat(url.parent().parent().parent().isRoot()).isTrue();
        assertThat(url.child("c").segments()).containsExactly("a", "b", "c");
        assertThat(url.withPath("x/y/").segments()).containsExactly("x", "y");
        assertThat(url.child("c").user()).isEqualTo("u");
    }

    @Test
    void sameServerAndShare() {
        SmbUrl a = SmbUrl.parse("smb://u@Host/s/a");
        assertThat(a.sameServer(SmbUrl.parse("smb://u@host:445/t/b"), -1)).isTrue();
        assertThat(a.sameShare(SmbUrl.parse("smb://u@host/S/b"), -1)).isTrue();
        assertThat(a.sameShare(SmbUrl.parse("smb://u@host/t/b"), -1)).isFalse();
        assertThat(a.sameServer(SmbUrl.parse("smb://u@host:446/s/b"), -1)).isFalse();
        assertThat(a.sameServer(SmbUrl.parse("smb://v@host/s/b"), -1)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "http://h/s", "smb://", "smb://h", "smb://h/", "smb://:445/s", "smb://h:0/s", "smb://h:65536/s",
        "smb://h:12x/s", "smb://@h/s", "smb://;u@h/s", "smb://[::1/s", "smb://[::1]x/s", "smb://[nothex]/s",
        "smb://h/s/bad%2", "smb://h/s/bad%zz", "smb://h/s/%C3%28", "smb://h/s/a%2Fb", "smb://h/s/a%5Cb",
        "smb://h/s/../x", "smb://h/s/./x", "smb://ho st/s", "smb://h%2Fx/s"})
    void malformedUrlsAreUsageErrors(String text) {
        assertThatThrownBy(() -> SmbUrl.parse(text))
                .isInstanceOfSatisfying(CliException.class, e -> {
                    assertThat(e.status()).isEqualTo(ExitStatus.USAGE);
                    assertThat(e.getMessage()).startsWith("malformed URL '");
                });
    }

    @Test
    void malformedUrlMessageHidesThePassword() {
        assertThatThrownBy(() -> SmbUrl.parse("smb://u:hunter2@h:99999/s"))
                .hasMessageContaining("u:***@h:99999")
                .hasMessageNotContaining("hunter2")
                .hasMessageContaining("port '99999'");
    }

    @Test
    void segmentsAreImmutable() {
        SmbUrl url = SmbUrl.parse("smb://h/s/a");
        assertThatThrownBy(() -> url.segments().add("x")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(new SmbUrl(null, null, null, "h", -1, "s", List.of("a"), false)).isEqualTo(url);
    }
}
