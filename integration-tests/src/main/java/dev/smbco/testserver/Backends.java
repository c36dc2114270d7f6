package dev.smbco.testserver;

import org.testcontainers.DockerClientFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Which backends can serve Samba on this machine, each probed once per JVM. A probe answers
 * with empty (available) or the reason it is not.
 */
final class Backends {
    private static final ConcurrentMap<SambaBackend, Optional<String>> PROBED = new ConcurrentHashMap<>();

    private Backends() {
    }

    /** Empty when {@code backend} can serve here, else why not (one line, with what to do). */
    static Optional<String> unavailableReason(SambaBackend backend) {
        return PROBED.computeIfAbsent(backend, Backends::probe);
    }

    private static Optional<String> probe(SambaBackend backend) {
        return switch (backend) {
            case EXTERNAL -> System.getenv("SMBCO_TEST_SERVER") == null
                    ? Optional.of("SMBCO_TEST_SERVER is not set")
                    : Optional.empty();
            case CONTAINER -> probeContainerEngine();
            case LOCAL -> probeLocalSmbd();
        };
    }

    private static Optional<String> probeContainerEngine() {
        boolean hint = System.getenv("DOCKER_HOST") != null
                || Files.exists(Path.of("/var/run/docker.sock"))
                || Files.exists(Path.of(System.getProperty("user.home"), ".testcontainers.properties"));
        if (!hint) {
            return Optional.of("no container engine (DOCKER_HOST unset, no /var/run/docker.sock)");
        }
        try {
            if (DockerClientFactory.instance().isDockerAvailable()) {
                return Optional.empty();
            }
        } catch (RuntimeException e) {
            return Optional.of("the container engine does not answer: " + e.getMessage());
        }
        return Optional.of("the container engine at " + System.getenv("DOCKER_HOST") + " does not answer; ./run-tests starts podman's service");
    }

    private static Optional<String> probeLocalSmbd() {
        if (findSmbd().isEmpty()) {
            return Optional.of("smbd is not installed (apt-get install samba smbclient)");
        }
        if (DockerDir.find().isEmpty()) {
            return Optional.of("docker/samba-setup.sh not found above " + Path.of("").toAbsolutePath() + " (set SMBCO_DOCKER_DIR)");
        }
        if (!isRoot() && !hasIdentityWrappers()) {
            return Optional.of("a private smbd needs root, or libuid-wrapper and libnss-wrapper to run unprivileged (apt-get install libuid-wrapper libnss-wrapper)");
        }
        return Optional.empty();
    }

    static Optional<Path> findSmbd() {
        String path = System.getenv().getOrDefault("PATH", "");
        for (String dir : (path + File.pathSeparator + "/usr/sbin" + File.pathSeparator + "/usr/local/sbin").split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, "smbd");
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    /** uid_wrapper and nss_wrapper, with which samba-setup.sh runs smbd without root. */
    static boolean hasIdentityWrappers() {
        return findLibrary("libuid_wrapper.so") && findLibrary("libnss_wrapper.so");
    }

    private static boolean findLibrary(String name) {
        for (String dir : List.of("/usr/lib/x86_64-linux-gnu", "/usr/lib/aarch64-linux-gnu", "/usr/lib64", "/usr/lib", "/usr/local/lib")) {
            if (Files.isReadable(Path.of(dir, name))) {
                return true;
            }
        }
        return false;
    }

    static boolean isRoot() {
        try {
            return Integer.valueOf(0).equals(Files.getAttribute(Path.of("/proc/self"), "unix:uid"));
        } catch (IOException | UnsupportedOperationException e) {
            return false;
        }
    }

    /**
     * A new (not started) container of the test image: {@code $SMBCO_SAMBA_IMAGE} or the default,
     * built from the {@code docker/} files inside smbco-testcontainers when it is missing or stale
     * (that takes minutes, once; scripts/test-env.sh prebuilds it).
     */
    static SambaContainer newContainer() {
        return new SambaContainer();
    }
}
