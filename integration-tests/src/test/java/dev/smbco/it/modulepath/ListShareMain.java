package dev.smbco.it.modulepath;

import java.lang.module.ModuleDescriptor;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.spi.FileSystemProvider;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The program {@link ModulePathSmokeTest} starts in a JVM of its own, with smbco's jars on the
 * module path and only this class on the class path. It names no smbco type: the smb provider
 * must come from the JDK's provider lookup, which on the module path sees only {@code provides}
 * clauses. Prints one line per fact, for the test to check:
 *
 * <ul>
 *   <li>{@code provider smb <module>}: the module the smb provider was loaded from;</li>
 *   <li>{@code module <name> exports <package> [to <modules>]}: every export of every
 *       {@code dev.smbco.*} module in the boot layer;</li>
 *   <li>{@code open <package> <true|false>}: whether this (unnamed) module can reach a package;</li>
 *   <li>{@code entry <path>} for each path that {@code Files.walk} visits on the share, after it
 *       wrote {@code <dir>/hello.txt} and read it back ({@code read <text>}).</li>
 * </ul>
 *
 * <p>Arguments: the share's URI ({@code smb://host:port/share}), user, password, domain, and the
 * name of a directory to create on the share.
 */
public final class ListShareMain {
    private ListShareMain() {
    }

    public static void main(String[] args) throws Exception {
        URI share = URI.create(args[0]);
        String dir = args[4];

        for (FileSystemProvider p : FileSystemProvider.installedProviders()) {
            if (p.getScheme().equals("smb")) {
                System.out.println("provider smb " + p.getClass().getModule().getName());
            }
        }
        ModuleLayer.boot().modules().stream()
                .filter(m -> m.getName().startsWith("dev.smbco."))
                .sorted(Comparator.comparing(Module::getName))
                .forEach(m -> m.getDescriptor().exports().stream()
                        .sorted(Comparator.comparing(ModuleDescriptor.Exports::source))
                        .forEach(e -> System.out.println("module " + m.getName() + " exports " + e.source()
                                + (e.isQualified() ? " to " + String.join(",", e.targets().stream().sorted().toList()) : ""))));
        Module me = ListShareMain.class.getModule();
        for (String pkg : new String[] {"dev.smbco.client", "dev.smbco.client.engine", "dev.smbco.client.internal",
                "dev.smbco.client.lease.internal", "dev.smbco.client.resilience.internal",
                "dev.smbco.client.dfs.internal", "dev.smbco.client.rpc.internal", "dev.smbco.protocol.auth", "dev.smbco.nio"}) {
            Module owner = ModuleLayer.boot().modules().stream()
                    .filter(m -> m.getPackages().contains(pkg)).findFirst().orElseThrow();
            System.out.println("open " + pkg + " " + owner.isExported(pkg, me));
        }

        Map<String, String> env = Map.of("user", args[1], "password", args[2], "domain", args[3]);
        try (FileSystem fs = FileSystems.newFileSystem(share, env)) {
            Path d = Files.createDirectory(fs.getPath("/" + dir));
            Path hello = Files.writeString(d.resolve("hello.txt"), "hello from the module path", StandardCharsets.UTF_8);
            Files.createDirectory(d.resolve("sub"));
            System.out.println("read " + Files.readString(hello, StandardCharsets.UTF_8));
            try (Stream<Path> walk = Files.walk(d)) {
                walk.map(p -> "entry " + p).sorted().forEach(System.out::println);
            }
        }
    }
}
