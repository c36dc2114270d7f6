package dev.smbco.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.cli.remote.LocalDirRemote;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Main} gives picocli only the subcommands a command line names (a cold-start saving); the
 * one that runs must always be among them, and help, version and mistakes must still see them all.
 */
class SubcommandSelectionTest {
    @TempDir
    Path tmp;

    record Result(int status, String out, String err) {
    }

    Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Io io = new Io(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Terminal.NONE,
                options -> new LocalDirRemote(tmp.resolve("server")));
        int status = Main.run(args, io);
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void onlyTheNamedSubcommandsAreBuilt() {
        assertThat(Main.usedSubcommands(new String[] {"ls", "smb://h/share/"})).containsExactly("ls");
        assertThat(Main.usedSubcommands(new String[] {"--user", "get", "ls", "smb://h/share/"})).containsExactlyInAnyOrder("get", "ls");
        assertThat(Main.usedSubcommands(new String[] {"-q", "--encrypt", "put", "a", "smb://h/share/"})).containsExactly("put");
    }

    @Test
    void helpVersionAndUnknownCommandsGetThemAll() {
        assertThat(Main.usedSubcommands(new String[] {"--help"})).isNull();
        assertThat(Main.usedSubcommands(new String[] {"help", "ls"})).isNull();
        assertThat(Main.usedSubcommands(new String[] {"ls", "-h"})).isNull();
        assertThat(Main.usedSubcommands(new String[] {"-V"})).isNull();
        assertThat(Main.usedSubcommands(new String[] {"lss", "smb://h/share/"})).isNull();
        assertThat(Main.usedSubcommands(new String[] {})).isNull();

        Result help = run("--help");
        assertThat(help.status()).isZero();
        for (String name : SmbcoCommand.SUBCOMMANDS.keySet()) {
            assertThat(help.out()).as("the usage lists " + name).containsPattern("(?m)^\\s+" + name + "\\s");
        }
        Result typo = run("lss", "smb://h/share/");
        assertThat(typo.status()).isEqualTo(ExitStatus.USAGE.code());
        assertThat(typo.err()).contains("lss");
        assertThat(run().err()).contains("missing command");
    }

    @Test
    void globalOptionsBeforeAndAfterTheCommandStillWork() throws IOException {
        Files.createDirectories(tmp.resolve("server/share/dir"));
        Files.writeString(tmp.resolve("server/share/dir/a.txt"), "a");
        // an option value that looks like a command is picocli's business (it refuses it, as before)
        Result r = run("--user=get", "--timeout", "5", "ls", "-q", "smb://h/share/dir/");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("a.txt\n");
        assertThat(r.err()).isEmpty();
    }
}
