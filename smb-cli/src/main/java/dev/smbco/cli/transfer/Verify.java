package dev.smbco.cli.transfer;

import dev.smbco.cli.CliException;
import dev.smbco.cli.Failures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * {@code --verify}: the copy is read back and its SHA-256 compared with the source's before it
 * gets its real name, so a mismatch leaves nothing under that name (exit 1).
 */
final class Verify {
    private Verify() {
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** The SHA-256 of a local file. */
    static byte[] local(Path file) {
        MessageDigest md = sha256();
        byte[] buf = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
        } catch (IOException e) {
            throw Failures.local(e);
        }
        return md.digest();
    }

    /** Fails (exit 1, naming {@code target}) unless both digests are the same. */
    static void same(byte[] source, byte[] copy, String target) {
        if (!Arrays.equals(source, copy)) {
            HexFormat hex = HexFormat.of();
            throw CliException.failed(target, "verification failed: SHA-256 of the copy " + hex.formatHex(copy)
                    + " differs from the source's " + hex.formatHex(source) + "; the copy was removed");
        }
    }
}
