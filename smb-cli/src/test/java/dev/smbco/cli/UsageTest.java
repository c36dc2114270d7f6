package dev.smbco.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The usage of {@code smbco} and of each subcommand, byte for byte as recorded in
 * {@code src/test/resources/usage/} (recorded from the annotation-built models before they moved
 * into code, see {@link Bind}): option names, labels, descriptions, order, defaults and wrapping.
 */
class UsageTest {
    @ParameterizedTest
    @ValueSource(strings = {"smbco", "ls", "get", "put", "cp", "mv", "rm", "mkdir", "rmdir", "cat", "stat", "demo"})
    void usageIsAsRecorded(String command) throws IOException {
        String[] args = command.equals("smbco") ? new String[] {"--help"} : new String[] {"help", command};
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Terminal.NONE);
        int status = Main.run(args, io);
        assertThat(status).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(recorded(command));
    }

    private static String recorded(String command) throws IOException {
        try (InputStream in = UsageTest.class.getResourceAsStream("/usage/" + command + ".txt")) {
            assertThat(in).as("recorded usage of " + command).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
