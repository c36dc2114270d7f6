package dev.smbco.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SmbPathsTest {
    @Test
    void slashesAndBackslashesBecomeOneBackslashWithoutLeadingSeparator() {
        assertThat(SmbPaths.normalize("/a//b\\c/")).isEqualTo("a\\b\\c");
        assertThat(SmbPaths.normalize("./a/./b")).isEqualTo("a\\b");
        assertThat(SmbPaths.normalize("")).isEmpty();
        assertThat(SmbPaths.normalize("/")).isEmpty();
        assertThat(SmbPaths.normalize("Ünïcødé 日本語 🎉.txt")).isEqualTo("Ünïcødé 日本語 🎉.txt");
    }

    @Test
    void forbiddenCharactersAndDotDotAreRefusedReadably() {
        assertThatThrownBy(() -> SmbPaths.normalize("a/b?.txt")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'?'").hasMessageContaining("a/b?.txt");
        assertThatThrownBy(() -> SmbPaths.normalize("x\u0001y")).hasMessageContaining("U+0001");
        assertThatThrownBy(() -> SmbPaths.normalize("a/../b")).hasMessageContaining("'..'");
        assertThatThrownBy(() -> SmbPaths.normalize(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void parentNameAndChild() {
        assertThat(SmbPaths.parent("a\\b\\c")).isEqualTo("a\\b");
        assertThat(SmbPaths.parent("a")).isEmpty();
        assertThat(SmbPaths.name("a\\b\\c")).isEqualTo("c");
        assertThat(SmbPaths.child("", "x")).isEqualTo("x");
        assertThat(SmbPaths.child("a", "x")).isEqualTo("a\\x");
    }
}
