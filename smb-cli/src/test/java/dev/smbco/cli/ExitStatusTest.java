package dev.smbco.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** The exit-status contract: numbers, wording, and what the command line itself maps to. */
class ExitStatusTest {

    record Result(int status, String out, String err) {
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(args, new Io(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), Map.of(), Terminal.NONE));
        return new Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void codesAreTheDocumentedNumbers() {
        assertThat(ExitStatus.OK.code()).isZero();
        assertThat(ExitStatus.FAILED.code()).isEqualTo(1);
        assertThat(ExitStatus.USAGE.code()).isEqualTo(2);
        assertThat(ExitStatus.CONNECTION.code()).isEqualTo(3);
        assertThat(ExitStatus.AUTHENTICATION.code()).isEqualTo(4);
    }

    @Test
    void statusMessageNamesUrlWordsAndStatus() {
        CliException e = CliException.status("smb://host/share/x.txt", "STATUS_OBJECT_NAME_NOT_FOUND", null);
        assertThat(e.status()).isEqualTo(ExitStatus.FAILED);
        assertThat(e.getMessage()).isEqualTo("smb://host/share/x.txt: no such file (STATUS_OBJECT_NAME_NOT_FOUND)");
        assertThat(StatusText.describe("STATUS_SOMETHING_RARE")).isEqualTo("STATUS_SOMETHING_RARE");
    }

    @Test
    void localFileErrorsAreExit1WithThePath() {
        assertThat(Failures.toCli(new NoSuchFileException("/tmp/nope")).getMessage()).isEqualTo("/tmp/nope: no such file or directory");
        assertThat(Failures.toCli(new AccessDeniedException("/root/x")).getMessage()).isEqualTo("/root/x: permission denied");
        CliException full = Failures.toCli(new FileSystemException("/mnt/full/f", null, "No space left on device"));
        assertThat(full.status()).isEqualTo(ExitStatus.FAILED);
        assertThat(full.getMessage()).isEqualTo("/mnt/full/f: no space left on device");
        assertThat(Failures.toCli(new CompletionException(new IOException("Broken pipe"))).getMessage()).isEqualTo("local I/O error: broken pipe");
    }

    @Test
    void cliExceptionsPassThroughUnwrapped() {
        CliException auth = CliException.authentication("smb://h/s: authentication failed", null);
        assertThat(Failures.toCli(new CompletionException(auth))).isSameAs(auth);
        assertThat(Failures.toCli(new IllegalStateException("boom")).status()).isEqualTo(ExitStatus.FAILED);
    }

    @Test
    void unknownOptionIsUsage() {
        Result r = run("--frobnicate");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("smbco: Unknown option: '--frobnicate'");
    }

    @Test
    void missingCommandIsUsage() {
        Result r = run();
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("missing command");
    }

    @Test
    void badProtocolNameIsUsage() {
        Result r = run("--max-protocol", "SMB9", "--help");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--max-protocol");
    }

    @Test
    void helpAndVersionAreOk() {
        Result help = run("--help");
        assertThat(help.status()).isZero();
        assertThat(help.out()).contains("smb://[[DOMAIN;]USER[:PASSWORD]@]HOST[:PORT]/SHARE[/PATH]").contains("--parallel");
        Result version = run("--version");
        assertThat(version.status()).isZero();
        assertThat(version.out()).startsWith("smbco ");
    }
}
