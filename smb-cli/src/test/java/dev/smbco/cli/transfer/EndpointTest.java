package dev.smbco.cli.transfer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.smbco.cli.CliException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class EndpointTest {
    @Test
    void kinds() {
        assertThat(Endpoint.parse("-")).isInstanceOf(Endpoint.Stdio.class);
        assertThat(Endpoint.parse("smb://h/s/f")).isInstanceOfSatisfying(Endpoint.Smb.class,
                s -> assertThat(s.url().path()).isEqualTo("f"));
        assertThat(Endpoint.parse("/tmp/a/")).isEqualTo(new Endpoint.Local(Path.of("/tmp/a"), true));
        assertThat(Endpoint.parse("/tmp/a/../b")).isEqualTo(new Endpoint.Local(Path.of("/tmp/b"), false));
        assertThat(((Endpoint.Local) Endpoint.parse("rel")).path()).isAbsolute();
    }

    @Test
    void emptyAndMalformedAreUsageErrors() {
        assertThatThrownBy(() -> Endpoint.parse("")).isInstanceOf(CliException.class);
        assertThatThrownBy(() -> Endpoint.parse("smb://h")).isInstanceOf(CliException.class).hasMessageContaining("missing share");
    }
}
