package dev.smbco.testserver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the repository's {@code docker/} directory (Dockerfile, smb.conf template, samba-setup.sh). */
final class DockerDir {
    private DockerDir() {
    }

    /**
     * {@code SMBCO_DOCKER_DIR} if set, else the first {@code docker/} holding samba-setup.sh in
     * the working directory or one of its parents (Maven runs tests in the module directory).
     */
    static Optional<Path> find() {
        String configured = System.getenv("SMBCO_DOCKER_DIR");
        if (configured != null && !configured.isBlank()) {
            Path dir = Path.of(configured).toAbsolutePath();
            return Files.isRegularFile(dir.resolve("samba-setup.sh")) ? Optional.of(dir) : Optional.empty();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path dir = p.resolve("docker");
            if (Files.isRegularFile(dir.resolve("samba-setup.sh")) && Files.isRegularFile(dir.resolve("Dockerfile"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
