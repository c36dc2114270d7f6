package dev.smbco.cli.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The demo's sample data: small files of random sizes in nested directories whose names use
 * several scripts (accents, Cyrillic, Greek, CJK, an emoji outside the BMP, spaces), plus one big
 * file. Content is pseudo-random from a fixed seed; every file's SHA-256 is taken while it is written.
 */
final class SampleTree {
    private static final String[] DIRS = {"Ünïcødé", "日本語のフォルダ", "données", "Ελληνικά", "emoji 🎉 dir", "plain"};
    private static final String[] SUBDIRS = {"été", "проект", "数据", "a b c"};
    private static final String[] STEMS = {"résumé", "файл", "ファイル", "αρχείο", "naïve café", "report"};
    private static final String[] EXTENSIONS = {".txt", ".bin", ".dat", ".csv"};

    private SampleTree() {
    }

    /**
     * Writes {@code smallFiles} small files (0 to 64 KiB) and one file of {@code bigSize} bytes under
     * {@code root}; returns each file's path relative to root ({@code /}-separated) with its SHA-256.
     */
    static Map<String, String> generate(Path root, int smallFiles, long bigSize) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        SplittableRandom random = new SplittableRandom(0x5EBC0L);
        Files.createDirectories(root);
        for (int i = 0; i < smallFiles; i++) {
            String dir = DIRS[i % DIRS.length];
            int depth = i / DIRS.length % 3; // 0: top, 1: sub, 2: sub/sub
            String sub = SUBDIRS[i / (DIRS.length * 3) % SUBDIRS.length];
            String rel = switch (depth) {
                case 0 -> dir;
                case 1 -> dir + "/" + sub;
                default -> dir + "/" + sub + "/" + SUBDIRS[(i + 1) % SUBDIRS.length];
            };
            String name = String.format("%s-%03d%s", STEMS[i % STEMS.length], i, EXTENSIONS[i % EXTENSIONS.length]);
            Path file = root.resolve(rel).resolve(name);
            Files.createDirectories(file.getParent());
            long size = i % 50 == 0 ? 0 : random.nextLong(64 * 1024 + 1);
            hashes.put(rel + "/" + name, write(file, size, random.split()));
        }
        Path big = root.resolve("big").resolve("большой файл 🎉.bin");
        Files.createDirectories(big.getParent());
        hashes.put("big/" + big.getFileName(), write(big, bigSize, random.split()));
        return hashes;
    }

    private static String write(Path file, long size, SplittableRandom random) throws IOException {
        MessageDigest sha = sha256();
        int blockSize = 1 << 20;
        // Up to 8 random MiB blocks, each written block salted with its index in its first 8
        // bytes: every MiB of the big file differs (a misplaced block changes the hash), and
        // generating 512 MiB costs no more than hashing and writing it.
        int distinct = (int) Math.min(8, (size + blockSize - 1) / blockSize);
        byte[][] blocks = new byte[distinct][];
        for (int b = 0; b < distinct; b++) {
            blocks[b] = new byte[(int) Math.min(blockSize, size)];
            ByteBuffer fill = ByteBuffer.wrap(blocks[b]).order(ByteOrder.LITTLE_ENDIAN);
            while (fill.remaining() >= 8) {
                fill.putLong(random.nextLong());
            }
            while (fill.hasRemaining()) {
                fill.put((byte) random.nextInt());
            }
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            long left = size;
            for (long index = 0; left > 0; index++) {
                byte[] block = blocks[(int) (index % Math.max(1, distinct))];
                if (block.length >= 8) {
                    ByteBuffer.wrap(block).order(ByteOrder.LITTLE_ENDIAN).putLong(0, index * 0x9E3779B97F4A7C15L);
                }
                int n = (int) Math.min(block.length, left);
                sha.update(block, 0, n);
                out.write(block, 0, n);
                left -= n;
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** SHA-256 of every regular file under root, by relative {@code /}-separated path. */
    static Map<String, String> hashAll(Path root) throws IOException {
        Map<String, String> hashes = new TreeMap<>();
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                if (attrs.isRegularFile()) {
                    hashes.put(root.relativize(file).toString().replace(java.io.File.separatorChar, '/'), hash(file));
                }
                return FileVisitResult.CONTINUE;
            }
        });
        return hashes;
    }

    static String hash(Path file) throws IOException {
        MessageDigest sha = sha256();
        byte[] buf = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                sha.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has SHA-256", e);
        }
    }
}
