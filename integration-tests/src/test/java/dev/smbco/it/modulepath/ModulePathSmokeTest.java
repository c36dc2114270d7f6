package dev.smbco.it.modulepath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * smbco on the module path, in a JVM of its own: the module descriptors resolve against the real
 * netty, BouncyCastle, slf4j, picocli and Jackson modules, {@code dev.smbco.nio}'s
 * {@code provides} makes the smb provider visible to {@code FileSystems}, only the API packages
 * are exported, and the CLI runs as {@code java -m dev.smbco.cli/dev.smbco.cli.Main} (picocli can
 * read its opened command packages).
 *
 * <p>This test class itself runs on the class path (integration-tests has no module descriptor);
 * the module path is made from the explicit modules among its class path entries.
 */
@ExtendWith(SambaExtension.class)
class ModulePathSmokeTest {
    /** Module names (prefixes) that smbco's five modules need at run time. */
    private static final List<String> RUNTIME_MODULES = List.of("dev.smbco.", "io.netty.", "org.bouncycastle.",
            "org.slf4j", "info.picocli", "com.fasterxml.jackson.");

    @TempDir
    Path tmp;

    record Run(int status, String out) {
    }

    @Test
    void providerFromTheModulePathWalksAShareAndOnlyApiPackagesAreExported(SambaServer server) throws Exception {
        String dir = "modpath-" + UUID.randomUUID().toString().substring(0, 8);
        String share = "smb://" + server.host() + ":" + server.port() + "/" + server.share();
        Run run = java(List.of("--add-modules", "dev.smbco.nio", "-cp", testClasses(),
                ListShareMain.class.getName(), share, server.user(), server.password(), server.domain(), dir));

        assertThat(run.status()).as(run.out()).isZero();
        List<String> lines = run.out().lines().toList();
        assertThat(lines).as(run.out()).contains("provider smb dev.smbco.nio");
        assertThat(lines.stream().filter(l -> l.startsWith("module ")).toList()).as(run.out()).containsExactly(
                "module dev.smbco.client exports dev.smbco.client",
                "module dev.smbco.client exports dev.smbco.client.dfs",
                "module dev.smbco.client exports dev.smbco.client.lease",
                "module dev.smbco.client exports dev.smbco.client.pool",
                "module dev.smbco.client exports dev.smbco.client.resilience",
                "module dev.smbco.client exports dev.smbco.client.rpc",
                "module dev.smbco.coro exports dev.smbco.coro",
                "module dev.smbco.nio exports dev.smbco.nio",
                "module dev.smbco.protocol exports dev.smbco.protocol",
                "module dev.smbco.protocol exports dev.smbco.protocol.auth to dev.smbco.cli,dev.smbco.client",
                "module dev.smbco.protocol exports dev.smbco.protocol.crypto",
                "module dev.smbco.protocol exports dev.smbco.protocol.dtyp",
                "module dev.smbco.protocol exports dev.smbco.protocol.fscc",
                "module dev.smbco.protocol exports dev.smbco.protocol.rpc to dev.smbco.client",
                "module dev.smbco.protocol exports dev.smbco.protocol.smb2",
                "module dev.smbco.protocol exports dev.smbco.protocol.status");
        assertThat(lines).as(run.out()).contains(
                "open dev.smbco.client true",
                "open dev.smbco.nio true",
                "open dev.smbco.client.engine false",
                "open dev.smbco.client.internal false",
                "open dev.smbco.client.lease.internal false",
                "open dev.smbco.client.resilience.internal false",
                "open dev.smbco.client.dfs.internal false",
                "open dev.smbco.client.rpc.internal false",
                "open dev.smbco.protocol.auth false");
        assertThat(lines).as(run.out()).contains("read hello from the module path");
        assertThat(lines.stream().filter(l -> l.startsWith("entry ")).toList()).as(run.out()).containsExactly(
                "entry /" + dir, "entry /" + dir + "/hello.txt", "entry /" + dir + "/sub");

        // the CLI as a module: picocli reflects over the opened command packages
        Run ls = java(List.of("-m", "dev.smbco.cli/dev.smbco.cli.Main", "ls",
                "smb://" + server.user() + "@" + server.host() + ":" + server.port() + "/" + server.share() + "/" + dir),
                "SMBCO_PASSWORD", server.password());
        assertThat(ls.status()).as(ls.out()).isZero();
        assertThat(ls.out()).contains("hello.txt").contains("sub");

        Run rm = java(List.of("-m", "dev.smbco.cli/dev.smbco.cli.Main", "rm", "-r",
                "smb://" + server.user() + "@" + server.host() + ":" + server.port() + "/" + server.share() + "/" + dir),
                "SMBCO_PASSWORD", server.password());
        assertThat(rm.status()).as(rm.out()).isZero();
    }

    /** Runs {@code java --module-path <smbco and its dependencies> args...}, stdout and stderr together. */
    private Run java(List<String> args, String... env) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(ProcessHandle.current().info().command().orElseThrow());
        cmd.add("--module-path");
        cmd.add(modulePath());
        cmd.addAll(args);
        Path out = tmp.resolve("out-" + UUID.randomUUID() + ".txt");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(out.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        for (int i = 0; i + 1 < env.length; i += 2) {
            pb.environment().put(env[i], env[i + 1]);
        }
        Process p = pb.start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("no exit within 2 minutes: " + cmd + "\n" + Files.readString(out));
        }
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    /** The explicit modules among this JVM's class path entries that smbco needs, as a module path. */
    private static String modulePath() {
        List<String> path = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (!Files.exists(p)) {
                continue;
            }
            Optional<String> name = ModuleFinder.of(p).findAll().stream().map(ModuleReference::descriptor)
                    .filter(d -> !d.isAutomatic()).map(d -> d.name()).findFirst();
            if (name.isPresent() && RUNTIME_MODULES.stream().anyMatch(name.get()::startsWith)) {
                path.add(entry);
            }
        }
        assertThat(path).as("module path").anyMatch(e -> e.contains("smb-nio")).anyMatch(e -> e.contains("smb-cli"));
        return String.join(File.pathSeparator, path);
    }

    /** The directory holding this test's classes (ListShareMain), the one class path entry of the child. */
    private static String testClasses() throws Exception {
        return Path.of(ListShareMain.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
