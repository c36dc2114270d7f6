package dev.smbco.testserver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** docker/samba-setup.sh renders each variant as SambaVariant says, and refuses bad input in one clear line. */
class SambaSetupScriptTest {
    @TempDir
    Path dir;

    private record Run(int exitCode, String stdout, String stderr) {
    }

    @ParameterizedTest
    @EnumSource(SambaVariant.class)
    void rendersEachVariant(SambaVariant variant) throws Exception {
        Run r = script(variant.env(), "render", dir.toString());
        assertThat(r.exitCode()).as(r.stderr()).isZero();
        String conf = Files.readString(dir.resolve("smb.conf"));
        assertThat(conf)
                .contains("server min protocol = " + variant.minDialect().name())
                .contains("server max protocol = " + variant.maxDialect().name())
                .contains("server signing = " + (variant.signingRequired() ? "mandatory" : "auto"))
                .contains("smb2 max credits = " + variant.maxCredits())
                .contains("interfaces = 127.0.0.1", "bind interfaces only = yes")
                .contains("[share]", "[public]", "[enc]", "[ro]", "smb encrypt = required")
                .doesNotContainPattern("@[A-Z_]+@");
    }

    @ParameterizedTest
    @EnumSource(SambaVariant.class)
    void theShorthandNameMeansTheSameAsTheSettings(SambaVariant variant) throws Exception {
        Path byName = dir.resolve("by-name");
        Path bySettings = dir.resolve("by-settings");
        assertThat(script(Map.of("SMBCO_VARIANT", variant.id()), "render", byName.toString()).exitCode()).isZero();
        assertThat(script(variant.env(), "render", bySettings.toString()).exitCode()).isZero();
        assertThat(Files.readString(byName.resolve("smb.conf")).replace(byName.toString(), "STATE"))
                .isEqualTo(Files.readString(bySettings.resolve("smb.conf")).replace(bySettings.toString(), "STATE"));
    }

    @Test
    void unknownProtocolIsOneClearLine() throws Exception {
        Run r = script(Map.of("SMBCO_MAX_PROTOCOL", "SMB4_00"), "render", dir.toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr().strip().lines()).singleElement().asString()
                .contains("unknown protocol 'SMB4_00'").contains("SMB3_11");
    }

    @Test
    void maxCreditsOutsideItsRangeIsOneClearLine() throws Exception {
        Run r = script(Map.of("SMBCO_MAX_CREDITS", "0"), "render", dir.toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr().strip().lines()).singleElement().asString().contains("SMBCO_MAX_CREDITS").contains("1..65535");
    }

    @Test
    void minAboveMaxIsRefused() throws Exception {
        Run r = script(Map.of("SMBCO_MIN_PROTOCOL", "SMB3_11", "SMBCO_MAX_PROTOCOL", "SMB2_10"), "render", dir.toString());
        assertThat(r.exitCode()).isNotZero();
        assertThat(r.stderr()).contains("SMBCO_MIN_PROTOCOL SMB3_11 is above SMBCO_MAX_PROTOCOL SMB2_10");
    }

    @Test
    void localStartWithoutRootRunsUnprivilegedOrSaysWhatIsMissing() throws Exception {
        // as root, become an unprivileged uid that owns the state directory; else we already are one
        List<String> prefix = Backends.isRoot()
                ? List.of("setpriv", "--reuid=4242", "--regid=4242", "--clear-groups")
                : List.of();
        Path parent = Files.createTempDirectory("smbco-nonroot-");
        Path state = parent.resolve("state");
        if (Backends.isRoot()) {
            Files.setOwner(parent, parent.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("4242"));
        }
        try {
            Run start = run(prefix, Map.of(), "local", "start", state.toString());
            if (!Backends.hasIdentityWrappers()) {
                assertThat(start.exitCode()).isNotZero();
                assertThat(start.stderr().strip().lines()).singleElement().asString()
                        .contains("needs root").contains("libuid-wrapper");
                return;
            }
            try {
                assertThat(start.exitCode()).as(start.stderr()).isZero();
                assertThat(start.stdout()).contains("MODE=unprivileged");
                int port = Integer.parseInt(start.stdout().lines().filter(l -> l.startsWith("PORT="))
                        .findFirst().orElseThrow().substring(5));
                SambaServer server = new ExternalSambaServer("127.0.0.1", port, "test", "test-password", "WORKGROUP", SambaVariant.DEFAULT);
                ShareChecks.userRoundTripsAFile(server, dir);
                ShareChecks.guestWritesPublic(server, dir);
            } finally {
                assertThat(run(prefix, Map.of(), "local", "stop", state.toString()).exitCode()).isZero();
            }
        } finally {
            try (var paths = Files.walk(parent)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    @Test
    void stoppingWhatNeverRanIsHarmless() throws Exception {
        Run r = script(Map.of(), "local", "stop", dir.resolve("never-started").toString());
        assertThat(r.exitCode()).isZero();
    }

    private Run script(Map<String, String> env, String... args) throws Exception {
        return run(List.of(), env, args);
    }

    private static Run run(List<String> prefix, Map<String, String> env, String... args) throws Exception {
        Path script = DockerDir.find().orElseThrow().resolve("samba-setup.sh");
        List<String> cmd = new ArrayList<>(prefix);
        cmd.add("bash");
        cmd.add(script.toString());
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("SMBCO_"));
        pb.environment().putAll(env);
        Path err = Files.createTempFile("smbco-script", ".err");
        err.toFile().setWritable(true, false);
        try {
            Process p = pb.redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            return new Run(p.exitValue(), out, Files.readString(err));
        } finally {
            Files.deleteIfExists(err);
        }
    }
}
