package dev.smbco.it.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Writes large test files quickly: one random MiB, each copy of it salted with its index. */
final class BigFile {
    private BigFile() {
    }

    static Path write(Path file, int mebibytes) throws IOException {
        byte[] block = new byte[1 << 20];
        new Random(42).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < mebibytes; i++) {
                block[0] = (byte) i;
                block[1] = (byte) (i >> 8);
                out.write(block);
            }
        }
        return file;
    }
}
