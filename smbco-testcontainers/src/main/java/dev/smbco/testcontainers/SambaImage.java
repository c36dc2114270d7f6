package dev.smbco.testcontainers;

import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;

/**
 * Where {@link SambaContainer}'s default image comes from. The image is smbco's {@code docker/}
 * directory (Debian's Samba and one setup script), which this jar carries as resources. An image
 * of the chosen name is used as it is when its {@value #HASH_LABEL} label equals the hash of
 * those files; when it is missing or was built from other files it is built (and tagged) from
 * them first. {@code scripts/test-env.sh} builds the same image with the same label, so in
 * smbco's own build the image it prebuilt is found and nothing is built here.
 */
final class SambaImage {
    /** The label that records which {@code docker/} files an image was built from. */
    static final String HASH_LABEL = "dev.smbco.docker-hash";
    private static final String RESOURCES = "dev/smbco/testcontainers/docker/";
    /** In the order scripts/test-env.sh hashes them. */
    private static final String[] FILES = {"Dockerfile", ".dockerignore", "smb.conf.template", "samba-setup.sh"};

    private SambaImage() {
    }

    /** The image named {@code name}, built from the bundled {@code docker/} files unless an up-to-date one exists. */
    static Future<String> resolve(String name) {
        String hash = hash();
        String have = labelOf(name);
        if (hash.equals(have)) {
            return CompletableFuture.completedFuture(name);
        }
        System.getLogger(SambaImage.class.getName()).log(System.Logger.Level.WARNING,
                "image {0} is {1}: building it from the docker/ files in smbco-testcontainers (a minute or two, once)",
                name, have == null ? "missing" : "from other docker/ files");
        ImageFromDockerfile build = new ImageFromDockerfile(name, false)
                .withBuildImageCmdModifier(cmd -> cmd.withLabels(Map.of(HASH_LABEL, hash)));
        for (String f : FILES) {
            build = build.withFileFromClasspath(f, RESOURCES + f);
        }
        return build;
    }

    /** The image's {@value #HASH_LABEL} label, or null when the image or the label is missing. */
    private static String labelOf(String name) {
        try {
            var labels = DockerClientFactory.instance().client().inspectImageCmd(name).exec().getConfig().getLabels();
            return labels == null ? null : labels.get(HASH_LABEL);
        } catch (NotFoundException e) {
            return null;
        }
    }

    /** The first 16 hex digits of SHA-256 over the bundled files, as scripts/test-env.sh computes it. */
    static String hash() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String f : FILES) {
                try (InputStream in = SambaImage.class.getClassLoader().getResourceAsStream(RESOURCES + f)) {
                    if (in == null) {
                        throw new IllegalStateException("resource " + RESOURCES + f + " is missing from the smbco-testcontainers jar");
                    }
                    sha.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
