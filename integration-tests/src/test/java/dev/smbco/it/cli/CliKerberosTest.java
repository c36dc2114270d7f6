package dev.smbco.it.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.cli.Io;
import dev.smbco.cli.Main;
import dev.smbco.cli.Terminal;
import dev.smbco.testserver.AdDc;
import dev.smbco.testserver.AdDcExtension;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code smbco --kerberos} against the AD DC: {@code --user}/password logons, the ticket cache
 * {@code kinit} leaves (through the launcher, so KRB5CCNAME and KRB5_CONFIG are the process's own),
 * and authentication failures as exit 4 with one line naming the Kerberos error.
 */
@ExtendWith(AdDcExtension.class)
class CliKerberosTest {

    private static Cli.Result smbco(AdDc dc, String password, String... args) {
        Map<String, String> env = new HashMap<>();
        env.put("SMBCO_PASSWORD", password);
        List<String> all = new ArrayList<>(List.of("--kerberos", "--user=" + dc.principal(), "--spn=cifs/" + dc.dcName(),
                "--port=" + dc.port()));
        all.addAll(List.of(args));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Main.run(all.toArray(String[]::new), new Io(new ByteArrayInputStream(new byte[0]),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), env, Terminal.NONE));
        return new Cli.Result(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), out.toByteArray());
    }

    private static String url(AdDc dc, String path) {
        return "smb://" + dc.host() + "/" + AdDc.SHARE + "/" + path;
    }

    @Test
    void putAndGetWithAKerberosLogon(AdDc dc, @TempDir Path tmp) throws Exception {
        Path local = tmp.resolve("up.txt");
        Files.writeString(local, "up and down with kerberos\n");
        String name = "cli-krb-" + UUID.randomUUID().toString().substring(0, 8) + ".txt";
        Cli.Result put = smbco(dc, dc.password(), "-q", "put", local.toString(), url(dc, name));
        assertThat(put.status()).as(put.toString()).isZero();
        Cli.Result cat = smbco(dc, dc.password(), "cat", url(dc, name));
        assertThat(cat.status()).as(cat.toString()).isZero();
        assertThat(cat.out()).isEqualTo("up and down with kerberos\n");
        assertThat(smbco(dc, dc.password(), "-q", "rm", url(dc, name)).status()).isZero();
    }

    @Test
    void aWrongPasswordIsExit4WithOneLineNamingIt(AdDc dc) {
        String wrong = "Wrong-" + UUID.randomUUID();
        Cli.Result r = smbco(dc, wrong, "ls", url(dc, ""));
        assertThat(r.status()).as(r.toString()).isEqualTo(4);
        assertThat(r.err()).contains("wrong password").contains("KDC_ERR_PREAUTH_FAILED").doesNotContain(wrong);
        assertThat(r.err().strip().lines()).hasSize(1);
    }

    @Test
    void theTicketCacheKinitLeaves(AdDc dc, @TempDir Path tmp) throws Exception {
        Path cache = tmp.resolve("krb5cc");
        kinit(dc, cache);
        Run ls = launcher(dc, cache, "--kerberos", "--spn=cifs/" + dc.dcName(), "--port=" + dc.port(), "ls", url(dc, ""));
        assertThat(ls.status()).as(ls.err()).isZero();

        Run missing = launcher(dc, tmp.resolve("no-such-cache"), "--kerberos", "--spn=cifs/" + dc.dcName(), "--port=" + dc.port(),
                "ls", url(dc, ""));
        assertThat(missing.status()).as(missing.err()).isEqualTo(4);
        assertThat(missing.err()).contains("no usable ticket").contains("kinit");
    }

    @Test
    void anExpiredTicketIsExit4NamingIt(AdDc dc, @TempDir Path tmp) throws Exception {
        Path cache = tmp.resolve("krb5cc");
        kinit(dc, cache, "-l", "2s"); // a TGT that lives two seconds
        Thread.sleep(4000);
        Run ls = launcher(dc, cache, "--kerberos", "--spn=cifs/" + dc.dcName(), "--port=" + dc.port(), "ls", url(dc, ""));
        assertThat(ls.status()).as(ls.err()).isEqualTo(4);
        assertThat(ls.err()).contains("expired");
        assertThat(ls.err().strip().lines()).hasSize(1);
    }

    /**
     * The command's clock 15 minutes ahead of the KDC's (libfaketime in the CLI's process only;
     * Kerberos allows 5): the KDC refuses the pre-authentication, and the user is told why.
     */
    @Test
    void aClockSkewIsExit4NamingIt(AdDc dc, @TempDir Path tmp) throws Exception {
        Path faketime = faketimeLibrary();
        Run ls = launcher(dc, tmp.resolve("no-cache"), Map.of("SMBCO_PASSWORD", dc.password(),
                "LD_PRELOAD", faketime.toString(), "FAKETIME", "+15m", "FAKETIME_DONT_FAKE_MONOTONIC", "1"),
                "--kerberos", "--user=" + dc.principal(), "--spn=cifs/" + dc.dcName(), "--port=" + dc.port(), "ls", url(dc, ""));
        assertThat(ls.status()).as(ls.err()).isEqualTo(4);
        assertThat(ls.err()).contains("clock skew").contains("KRB_AP_ERR_SKEW").doesNotContain(dc.password());
        assertThat(ls.err().strip().lines()).hasSize(1);
    }

    /** libfaketime (apt-get install libfaketime; scripts/test-env.sh installs it): required under CI, else the test is skipped. */
    private static Path faketimeLibrary() throws java.io.IOException {
        try (var dirs = Files.newDirectoryStream(Path.of("/usr/lib"))) {
            for (Path d : dirs) {
                Path lib = d.resolve("faketime/libfaketimeMT.so.1");
                if (Files.isReadable(lib)) {
                    return lib;
                }
            }
        }
        String ci = System.getenv("CI");
        if (ci != null && !ci.isEmpty() && !ci.equals("false")) {
            throw new AssertionError("libfaketime is not installed, and CI must run every test (scripts/test-env.sh installs it)");
        }
        org.junit.jupiter.api.Assumptions.assumeTrue(false, "libfaketime is not installed (apt-get install libfaketime)");
        return null;
    }

    private static void kinit(AdDc dc, Path cache, String... options) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("kinit", "-c", "FILE:" + cache));
        cmd.addAll(List.of(options));
        cmd.add(dc.principal());
        ProcessBuilder kinitCommand = new ProcessBuilder(cmd).redirectErrorStream(true);
        kinitCommand.environment().put("KRB5_CONFIG", dc.krb5Conf().toString());
        Process kinit = kinitCommand.start();
        kinit.getOutputStream().write((dc.password() + "\n").getBytes(StandardCharsets.UTF_8));
        kinit.getOutputStream().close();
        String said = new String(kinit.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(kinit.waitFor(60, TimeUnit.SECONDS) && kinit.exitValue() == 0).as("kinit (apt-get install krb5-user): " + said).isTrue();
    }

    record Run(int status, String out, String err) {
    }

    private static Run launcher(AdDc dc, Path cache, String... args) throws Exception {
        return launcher(dc, cache, Map.of(), args);
    }

    private static Run launcher(AdDc dc, Path cache, Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(LauncherTest.repo().resolve("smbco").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(LauncherTest.repo().toFile());
        pb.environment().remove("SMBCO_USER");
        pb.environment().remove("SMBCO_PASSWORD");
        pb.environment().put("KRB5CCNAME", "FILE:" + cache);
        pb.environment().put("KRB5_CONFIG", dc.krb5Conf().toString());
        pb.environment().putAll(env);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        Process p = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("smbco finished").isTrue();
        return new Run(p.exitValue(), out.get(), err.get());
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
