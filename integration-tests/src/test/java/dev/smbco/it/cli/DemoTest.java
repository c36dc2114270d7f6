package dev.smbco.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.cli.Io;
import dev.smbco.cli.Main;
import dev.smbco.cli.Terminal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** {@code smbco demo}, smaller than its defaults, on whatever server it can start here. */
class DemoTest {
    @Test
    void roundTripVerifiesAndCleansUp() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Map<String, String> env = Map.of("SMBCO_HOME", LauncherTest.repo().toString());
        int status = Main.run(new String[] {"demo", "--files", "60", "--big-size", "16M"},
                new Io(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8), env, Terminal.NONE));
        String o = out.toString(StandardCharsets.UTF_8);
        assertThat(status).as(o + err).isZero();
        assertThat(o).contains("verified: 61 of 61 files identical (SHA-256)").contains("upload:").contains("download:")
                .contains("smbco demo: OK");
        Matcher m = Pattern.compile("cp -r (/\\S+/smbco-demo-\\d+)/up/smbco-demo").matcher(o);
        assertThat(m.find()).as(o).isTrue();
        assertThat(Files.exists(Path.of(m.group(1)))).as("temporary files removed").isFalse();
    }
}
