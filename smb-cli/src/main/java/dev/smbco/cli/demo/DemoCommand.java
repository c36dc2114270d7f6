package dev.smbco.cli.demo;

import dev.smbco.cli.Bind;
import dev.smbco.cli.CliException;
import dev.smbco.cli.ExitStatus;
import dev.smbco.cli.Io;
import dev.smbco.cli.Main;
import dev.smbco.cli.SmbcoCommand;
import dev.smbco.cli.transfer.ProgressFormat;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code smbco demo}: the main job on a throwaway Samba server. Starts the server (container, else a
 * private local smbd), generates a sample tree, copies it up with {@code cp -r}, lists it, copies it
 * back, checks every file by SHA-256, prints the throughput each way, and removes the server and all
 * temporary files, also on failure and on Ctrl-C. Exit 0 only when every file matched.
 */
public final class DemoCommand implements Callable<Integer> {
    /** Which kind of throwaway server to use. */
    public enum Backend { AUTO, CONTAINER, LOCAL }

    private final SmbcoCommand root;
    int files;
    long bigSize;
    Backend backend;

    private DemoCommand(SmbcoCommand root) {
        this.root = root;
    }

    /** The model of {@code demo} (built in code: {@link Bind}), bound to a new command under {@code root}. */
    public static CommandSpec model(SmbcoCommand root) {
        DemoCommand c = new DemoCommand(root);
        CommandSpec s = CommandSpec.wrapWithoutInspection(c).name("demo");
        s.usageMessage().description("Run the main job on a throwaway Samba server: copy a sample tree up and back,",
                "verify every file by SHA-256, report throughput; then remove the server and the temporary files.");
        s.addOption(Bind.of(int.class, () -> c.files, v -> c.files = v).option("--files").defaultValue("300").paramLabel("N")
                .description("Number of small files (default ${DEFAULT-VALUE}).").build());
        s.addOption(Bind.of(long.class, () -> c.bigSize, v -> c.bigSize = v).option("--big-size").defaultValue("512M")
                .converters(new SizeConverter()).paramLabel("SIZE").description("Size of the big file, e.g. 512M, 1G (default 512M).").build());
        s.addOption(Bind.of(Backend.class, () -> c.backend, v -> c.backend = v).option("--backend").defaultValue("auto")
                .paramLabel("auto|container|local")
                .description("Where the server runs (default: a container when an engine answers, else a local smbd).").build());
        return s;
    }

    @Override
    public Integer call() throws IOException {
        if (files < 0 || files > 100_000) {
            throw CliException.usage("--files must be from 0 to 100000");
        }
        Io io = root.io();
        PrintStream out = io.out();
        Path home = findHome(io);
        Path work = Files.createTempDirectory("smbco-demo-");
        // a local smbd keeps its shares below work/samba and serves them as the test user, who
        // must be able to pass through our (otherwise private) temporary directory
        Files.setPosixFilePermissions(work, PosixFilePermissions.fromString("rwx--x--x"));
        AtomicReference<DemoServer> server = new AtomicReference<>();
        Thread hook = new Thread(() -> {
            io.err().println("smbco demo: interrupted; removing the server and the temporary files");
            io.err().flush();
            cleanUp(server.get(), work);
        }, "smbco-demo-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        long started = System.nanoTime();
        try {
            String password = randomPassword();
            out.println("smbco demo: starting a throwaway Samba server...");
            out.flush();
            server.set(startServer(home, work.resolve("samba"), password));
            DemoServer s = server.get();
            out.println("  " + s.describe() + ", listening on " + s.host() + ":" + s.port());

            Path source = work.resolve("up").resolve("smbco-demo");
            out.printf("generating the sample tree: %d small files in nested directories with non-ASCII names + one %s file...%n",
                    files, ProgressFormat.bytes(bigSize));
            out.flush();
            Map<String, String> expected = SampleTree.generate(source, files, bigSize);
            long totalBytes = 0;
            for (String rel : expected.keySet()) {
                totalBytes += Files.size(source.resolve(rel));
            }

            String share = "smb://" + s.user() + "@" + s.host() + ":" + s.port() + "/share";
            Map<String, String> env = new HashMap<>(io.env());
            env.put("SMBCO_PASSWORD", s.password());
            Io inner = new Io(io.in(), out, io.err(), env, io.terminal());

            long upNanos = step(inner, "cp", "-r", source.toString(), share + "/");
            step(inner, "ls", "-l", share + "/smbco-demo");
            Path back = work.resolve("down");
            Files.createDirectories(back);
            long downNanos = step(inner, "cp", "-r", share + "/smbco-demo", back + "/");

            out.println("verifying every file by SHA-256...");
            out.flush();
            Map<String, String> actual = SampleTree.hashAll(back.resolve("smbco-demo"));
            List<String> problems = compare(expected, actual);
            out.println();
            out.println("smbco demo summary");
            out.printf("  files:    %d (%s) in %d directories%n", expected.size(), ProgressFormat.bytes(totalBytes), countDirs(source));
            out.printf("  upload:   %-8s %s%n", ProgressFormat.duration(upNanos), ProgressFormat.rate(totalBytes, upNanos));
            out.printf("  download: %-8s %s%n", ProgressFormat.duration(downNanos), ProgressFormat.rate(totalBytes, downNanos));
            out.printf("  verified: %d of %d files identical (SHA-256)%n", expected.size() - problems.size(), expected.size());
            out.printf("  total:    %s%n", ProgressFormat.duration(System.nanoTime() - started));
            if (!problems.isEmpty()) {
                for (String p : problems.subList(0, Math.min(10, problems.size()))) {
                    io.err().println("smbco: demo: " + p);
                }
                throw new CliException(ExitStatus.FAILED, "demo: " + problems.size() + " of " + expected.size() + " files did not come back intact");
            }
            out.println("smbco demo: OK");
            return 0;
        } finally {
            out.flush();
            cleanUp(server.get(), work);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or has run
            }
        }
    }

    /** Runs one smbco command in-process, echoing it like a shell would; returns its duration. */
    private long step(Io inner, String... args) {
        List<String> argv = new ArrayList<>();
        if (root.quiet()) {
            argv.add("-q");
        }
        if (root.verbose()) {
            argv.add("-v");
        }
        if (root.showProgress() && !root.quiet()) {
            argv.add("--progress");
        } else if (!root.quiet()) {
            argv.add("--no-progress");
        }
        if (root.parallelOption() != null) {
            argv.add("--parallel=" + root.parallelOption());
        }
        argv.add("--timeout=" + root.timeout().toSeconds());
        argv.addAll(List.of(args));
        inner.out().println("$ smbco " + String.join(" ", args));
        inner.out().flush();
        long t0 = System.nanoTime();
        int rc = Main.run(argv.toArray(String[]::new), inner);
        long t = System.nanoTime() - t0;
        if (rc != 0) {
            throw new CliException(rc == 2 ? ExitStatus.FAILED : statusOf(rc), "demo: 'smbco " + args[0] + "' failed with exit status " + rc);
        }
        return t;
    }

    private static ExitStatus statusOf(int code) {
        for (ExitStatus s : ExitStatus.values()) {
            if (s.code() == code) {
                return s;
            }
        }
        return ExitStatus.FAILED;
    }

    private static List<String> compare(Map<String, String> expected, Map<String, String> actual) {
        List<String> problems = new ArrayList<>();
        expected.forEach((rel, sha) -> {
            String got = actual.get(rel);
            if (got == null) {
                problems.add(rel + ": missing after the round trip");
            } else if (!got.equals(sha)) {
                problems.add(rel + ": SHA-256 differs (" + sha.substring(0, 12) + "... sent, " + got.substring(0, 12) + "... received)");
            }
        });
        actual.keySet().stream().filter(rel -> !expected.containsKey(rel)).forEach(rel -> problems.add(rel + ": unexpected extra file"));
        return problems;
    }

    private static long countDirs(Path root) throws IOException {
        try (var s = Files.walk(root)) {
            return s.filter(Files::isDirectory).count() - 1;
        }
    }

    /** Container when an engine answers (and the image exists), else a local smbd, else exit 3 with how to get either. */
    private DemoServer startServer(Path home, Path state, String password) {
        List<String> notes = new ArrayList<>();
        String[] probe = probe(home);
        String found = probe[0];
        String dockerHost = probe[1];
        if (backend == Backend.CONTAINER || (backend == Backend.AUTO && found.equals("container"))) {
            try {
                return ContainerServer.start(dockerHost, imageName(), password);
            } catch (IllegalStateException e) {
                if (backend == Backend.CONTAINER) {
                    throw new CliException(ExitStatus.CONNECTION, "demo: cannot start the Samba container: " + e.getMessage());
                }
                notes.add("container: " + e.getMessage());
                root.io().out().println("  (container not usable: " + e.getMessage() + "; trying a local smbd)");
            }
        }
        if (backend != Backend.CONTAINER) {
            // on a fresh machine this installs Samba (root, Debian) exactly as ./run-tests would
            String missing = SambaSetup.ensure(home, root.io().err());
            if (missing != null) {
                throw new CliException(ExitStatus.CONNECTION, "demo: " + missing);
            }
            try {
                return LocalSmbd.start(home, state, password);
            } catch (IllegalStateException e) {
                notes.add("local smbd: " + e.getMessage());
            }
        }
        throw new CliException(ExitStatus.CONNECTION, "demo: no throwaway Samba server could be started ("
                + String.join("; ", notes) + "). Either install Samba and run as root (apt-get install samba; the demo then starts"
                + " a private smbd), or set up podman with the test image: sudo bash scripts/test-env.sh");
    }

    /** Asks scripts/samba-env which backend exists: {container|local|none, docker host}. */
    private static String[] probe(Path home) {
        Path env = home.resolve("scripts/samba-env");
        if (!Files.isRegularFile(env)) {
            return new String[] {"local", ""};
        }
        Shell.Result r = Shell.run(List.of("bash", "-c", "source \"$1\" && smbco_backend && echo \"$SMBCO_DOCKER_HOST\"", "_", env.toString()),
                home, Map.of(), Duration.ofSeconds(30));
        String[] lines = r.out().strip().split("\n");
        if (!r.ok() || lines.length < 2) {
            return new String[] {"local", ""};
        }
        return new String[] {lines[0].strip(), lines[1].strip()};
    }

    private String imageName() {
        String image = root.io().env().get("SMBCO_SAMBA_IMAGE");
        return image == null || image.isBlank() ? "localhost/smbco-samba:latest" : image;
    }

    /** The repository (for docker/ and scripts/): -Dsmbco.home or SMBCO_HOME, else the current directory or a parent of it. */
    private static Path findHome(Io io) {
        Path told = io.home();
        if (told != null && Files.isRegularFile(told.resolve("docker/samba-setup.sh"))) {
            return told.toAbsolutePath();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("docker/samba-setup.sh"))) {
                return p;
            }
        }
        throw new CliException(ExitStatus.CONNECTION, "demo: cannot find the smbco repository (its docker/samba-setup.sh);"
                + " run ./smbco demo from the repository, or set SMBCO_HOME to it");
    }

    private static String randomPassword() {
        byte[] b = new byte[12];
        new SecureRandom().nextBytes(b);
        return "demo-" + HexFormat.of().formatHex(b);
    }

    private static void cleanUp(DemoServer server, Path work) {
        if (server != null) {
            server.stop();
        }
        deleteTree(work);
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var s = Files.walk(root)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException ignored) {
                    // best effort: a leftover temp file must not turn a good demo into a failure
                }
            });
        } catch (IOException ignored) {
            // as above
        }
    }

}
