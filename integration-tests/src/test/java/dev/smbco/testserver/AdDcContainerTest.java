package dev.smbco.testserver;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The AD DC's container path, whatever {@code SMBCO_AD_DC} says for the shared DC (CI's default is
 * the local path, so this is where CI proves the container one): a DC of its own in a container of
 * the test image on {@value #ADDRESS}, a Kerberos logon with the CLI (a process of its own, so its
 * krb5.conf is the container DC's through {@code KRB5_CONFIG}, not the shared DC's the test JVM
 * uses) that reads a file, the DC's audit log naming krb5, and no container left after close.
 */
class AdDcContainerTest {
    /** Not the shared DC's 127.0.0.88, not 127.0.0.89 (the unreachable KDC's address in krb5.conf). */
    static final String ADDRESS = "127.0.0.90";

    @Test
    void aKerberosLogonAgainstTheContainerDcReadsAFile() throws Exception {
        AdDc dc;
        try {
            dc = AdDc.startDedicated(AdDcBackend.CONTAINER, ADDRESS);
        } catch (SambaUnavailableException e) {
            throw SambaExtension.skipOrFail(e);
        }
        String container;
        try (dc) {
            assertThat(dc.backend()).isEqualTo(AdDcBackend.CONTAINER);
            assertThat(dc.host()).isEqualTo(ADDRESS);
            assertThat(dc.isRunning()).isTrue();
            container = dc.toString().replaceAll(".* (smbco-ad-dc-[^\\]]+)]$", "$1");
            assertThat(container).startsWith("smbco-ad-dc-");
            assertThat(podman("container", "exists", container)).as("podman container exists " + container).isZero();

            String name = "container-dc-" + UUID.randomUUID().toString().substring(0, 8) + ".txt";
            Path file = dc.shareDir().resolve(name);
            Files.writeString(file, "read with a ticket from the container's KDC\n");
            Cli cat = cli(dc, "cat", "smb://" + dc.host() + "/" + AdDc.SHARE + "/" + name);
            assertThat(cat.status()).as(cat.toString()).isZero();
            assertThat(cat.out()).isEqualTo("read with a ticket from the container's KDC\n");
            assertThat(authorizations(dc)).as("the DC's audit log").contains("[SMB2,krb5]").doesNotContain("[SMB2,NTLMSSP]");
        }
        assertThat(podman("container", "exists", container)).as("the container is gone after close").isEqualTo(1);
    }

    record Cli(int status, String out, String err) {
    }

    /** smbco's CLI in a JVM of its own (the test class path), with the DC's krb5.conf and the test user's password. */
    private static Cli cli(AdDc dc, String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "dev.smbco.cli.Main",
                "--kerberos", "--user=" + dc.principal(), "--spn=cifs/" + dc.dcName(), "--port=" + dc.port()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.environment().remove("SMBCO_USER");
        pb.environment().remove("KRB5CCNAME");
        pb.environment().put("SMBCO_PASSWORD", dc.password());
        pb.environment().put("KRB5_CONFIG", dc.krb5Conf().toString());
        Process p = pb.start();
        CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("smbco " + String.join(" ", args) + " did not finish in 120 s");
        }
        return new Cli(p.exitValue(), out.get(), err.get());
    }

    private static String authorizations(AdDc dc) throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> logs = Files.list(dc.logDir())) {
            for (Path log : logs.filter(Files::isRegularFile).toList()) {
                Files.readAllLines(log, StandardCharsets.ISO_8859_1).stream()
                        .filter(l -> l.contains("Successful AuthZ")).forEach(l -> all.append(l).append('\n'));
            }
        }
        return all.toString();
    }

    private static int podman(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("podman"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("podman " + String.join(" ", args)).isTrue();
        return p.exitValue();
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
