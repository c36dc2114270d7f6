package dev.smbco.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class CommandDeadlineTest {
    @Test
    void parsesUnitsTheirSumsPlainSecondsAndIso() {
        assertThat(CommandDeadline.parse("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(CommandDeadline.parse("1m30s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(CommandDeadline.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(CommandDeadline.parse("2h")).isEqualTo(Duration.ofHours(2));
        assertThat(CommandDeadline.parse("1h5m")).isEqualTo(Duration.ofMinutes(65));
        assertThat(CommandDeadline.parse("45")).isEqualTo(Duration.ofSeconds(45));
        assertThat(CommandDeadline.parse("PT1M30S")).isEqualTo(Duration.ofSeconds(90));
        assertThat(CommandDeadline.parse(" 10S ")).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void refusesAnythingElseAsAUsageError() {
        for (String bad : new String[] {"", "0", "0s", "soon", "10x", "5 s", "s", "1m30", "-5s", "PT-1S", "P"}) {
            assertThatThrownBy(() -> CommandDeadline.parse(bad)).as(bad)
                    .isInstanceOfSatisfying(CliException.class, e -> assertThat(e.status()).isEqualTo(ExitStatus.USAGE))
                    .hasMessageContaining("--deadline");
        }
    }

    @Test
    void aConnectionFailureAfterTheDeadlineIsTheDeadlines() {
        CommandDeadline passed = new CommandDeadline(Duration.ofSeconds(2), System.nanoTime() - Duration.ofSeconds(3).toNanos());
        CliException timedOut = new CliException(ExitStatus.CONNECTION, "smb://h/s/x: timed out");
        CliException e = passed.explain(timedOut);
        assertThat(e.status()).isEqualTo(ExitStatus.CONNECTION);
        assertThat(e.getMessage()).isEqualTo("deadline of 2 s exceeded: smb://h/s/x: timed out");
        assertThat(passed.explain(e)).as("said once").isSameAs(e);
        CliException refused = new CliException(ExitStatus.FAILED, "smb://h/s/x: access denied");
        assertThat(passed.explain(refused)).as("other failures stay what they are").isSameAs(refused);
        CommandDeadline running = new CommandDeadline(Duration.ofMinutes(1), System.nanoTime());
        assertThat(running.explain(timedOut)).as("before the deadline").isSameAs(timedOut);
        assertThat(running.remaining()).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(1));
        assertThat(passed.remaining()).isEqualTo(Duration.ofMillis(1));
    }
}
