package dev.smbco.examples;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Lists a share with nothing but {@code java.nio.file}: the smb provider (smb-nio) is found by
 * the JDK like any other file system.
 * <pre>
 * java dev.smbco.examples.WalkShare smb://host[:port]/share USER PASSWORD
 * </pre>
 * Prints one line per path: its size in bytes (or {@code dir}) and the path.
 */
public final class WalkShare {
    private WalkShare() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: WalkShare smb://host[:port]/share USER PASSWORD");
            System.exit(2);
        }
        walk(URI.create(args[0]), args[1], args[2]).forEach(System.out::println);
    }

    /** One line per path below the share's root, in {@code Files.walk} order. */
    public static List<String> walk(URI share, String user, String password) throws IOException {
        try (FileSystem fs = FileSystems.newFileSystem(share, Map.of("user", user, "password", password));
                Stream<Path> paths = Files.walk(fs.getPath("/"))) {
            return paths.map(p -> (Files.isDirectory(p) ? "dir" : String.valueOf(size(p))) + "\t" + p).toList();
        }
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
