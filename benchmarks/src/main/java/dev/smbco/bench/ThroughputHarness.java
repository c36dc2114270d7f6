package dev.smbco.bench;

import dev.smbco.client.Credentials;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbConnection;
import dev.smbco.client.SmbFile;
import dev.smbco.client.SmbSession;
import dev.smbco.client.SmbTree;
import dev.smbco.coro.Coroutine;
import dev.smbco.protocol.crypto.CipherId;
import dev.smbco.protocol.crypto.SigningAlgorithm;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * End-to-end throughput: uploads and downloads a file (default 1 GiB) with smbco and with
 * {@code smbclient} against the same server, plain, signed and encrypted, and prints MiB/s.
 * Checks that what came back has the SHA-256 of what went up. Each mode runs {@code --rounds}
 * times, smbco and smbclient alternating, and the summary gives the median, the first round (for
 * smbco the first use of that mode's crypto in this JVM) and the best. {@code --dir} places the
 * local source and target files (a tmpfs such as /dev/shm keeps the local disk out of the figures).
 * {@code --cli PATH} adds the {@code smbco} command line ({@code put}, then {@code get}, a fresh JVM
 * each, as a user runs it) to every round; {@code --credit-target N} sets the library's
 * {@code SmbConfig.creditTarget} (the server may grant fewer: see {@code benchmarks/low-credits.sh}
 * for a run against a server with {@code smb2 max credits = 64}).
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar dev.smbco.bench.ThroughputHarness \
 *     --host 127.0.0.1 --port 445 --share share --user test --password test-password [--mib 1024] [--modes plain,sign,sign-cmac,encrypt,encrypt-256]
 *     [--io-kib 8192] [--depth 8] [--credit-target 1024] [--rounds 3] [--dir /dev/shm] [--no-smbclient] [--cli ./smbco]
 * </pre>
 */
public final class ThroughputHarness {
    private ThroughputHarness() {
    }

    private record Options(String host, int port, String share, String user, String password, String domain, int mib,
                           List<String> modes, boolean smbclient, int ioKib, int depth, int creditTarget, int rounds, Path dir,
                           Path cli) {
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        Path dir = Files.createTempDirectory(o.dir(), "smbco-bench");
        Path source = dir.resolve("source.bin");
        Path back = dir.resolve("back.bin");
        System.out.printf(Locale.ROOT, "generating %d MiB of random data in %s...%n", o.mib(), dir);
        writeRandom(source, (long) o.mib() << 20);
        String sourceHash = sha256(source);
        Map<String, Samples> results = new LinkedHashMap<>();
        try {
            // the first transfer of a JVM runs in the interpreter: one plain round warms the common path
            transfer(o, "warmup", source, back, sourceHash);
            for (String mode : o.modes()) {
                for (int round = 1; round <= o.rounds(); round++) {
                    double[] ours = transfer(o, mode, source, back, sourceHash);
                    results.computeIfAbsent("smbco     " + mode, k -> new Samples()).add(ours);
                    System.out.printf(Locale.ROOT, "  round %d  smbco     %-11s up %7.1f  down %7.1f MiB/s   client CPU up %5.2f s  down %5.2f s%n",
                            round, mode, ours[0], ours[1], ours[2], ours[3]);
                    if (o.smbclient()) {
                        double[] theirs = smbclient(o, mode, source, back, sourceHash);
                        results.computeIfAbsent("smbclient " + mode, k -> new Samples()).add(theirs);
                        System.out.printf(Locale.ROOT, "  round %d  smbclient %-11s up %7.1f  down %7.1f MiB/s%n", round, mode, theirs[0], theirs[1]);
                    }
                    if (o.cli() != null) {
                        double[] cli = cli(o, mode, source, back, sourceHash);
                        results.computeIfAbsent("smbco cli " + mode, k -> new Samples()).add(cli);
                        System.out.printf(Locale.ROOT, "  round %d  smbco cli %-11s up %7.1f  down %7.1f MiB/s%n", round, mode, cli[0], cli[1]);
                    }
                }
            }
        } finally {
            Files.deleteIfExists(source);
            Files.deleteIfExists(back);
            Files.deleteIfExists(dir);
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%d MiB, %d round(s) per mode, smbco up to %d KiB x %d in flight, credit target %d;"
                + " MiB/s, median (first round / best)%n", o.mib(), o.rounds(), o.ioKib(), o.depth(), o.creditTarget());
        results.forEach((name, samples) -> System.out.printf(Locale.ROOT, "%-22s upload %7.1f (%6.1f / %6.1f)   download %7.1f (%6.1f / %6.1f)%s%n",
                name, samples.median(0), samples.first(0), samples.best(0), samples.median(1), samples.first(1), samples.best(1),
                samples.hasCpu() ? String.format(Locale.ROOT, "   client CPU s (median) up %.2f down %.2f", samples.median(2), samples.median(3)) : ""));
    }

    /**
     * Upload then download through smbco on a fresh client; returns {upload, download} in MiB/s and
     * the JVM's CPU time (user + system, every thread: loop, carriers, JIT, GC) during each, in seconds.
     */
    private static double[] transfer(Options o, String mode, Path source, Path back, String sourceHash) throws Exception {
        SmbConfig.Builder b = SmbConfig.builder().maxIoSize(o.ioKib() * 1024).transferDepth(o.depth()).creditTarget(o.creditTarget())
                .memoryBudget(Math.max(64L << 20, (long) o.ioKib() * 1024 * o.depth()));
        switch (mode) {
            case "plain", "warmup" -> { }
            case "sign" -> b.signing(SmbConfig.Policy.REQUIRED);
            case "sign-cmac" -> b.signing(SmbConfig.Policy.REQUIRED).signingAlgorithms(SigningAlgorithm.AES_CMAC);
            case "encrypt" -> b.encryption(SmbConfig.Policy.REQUIRED);
            case "encrypt-256" -> b.encryption(SmbConfig.Policy.REQUIRED).ciphers(CipherId.AES_256_GCM);
            default -> throw new IllegalArgumentException("mode " + mode);
        }
        String remote = "smbco-bench-" + mode + ".bin";
        try (SmbClient client = SmbClient.create(b.build())) {
            SmbConnection conn = client.connect(o.host(), o.port());
            SmbSession session = conn.sessionSetup(Credentials.ntlm(o.user(), o.password().toCharArray(), o.domain()));
            SmbTree tree = session.treeConnect(o.share());
            long c0 = processCpuNanos();
            long t0 = System.nanoTime();
            Coroutine.start(client.loop(), co -> {
                try (SmbFile f = co.await(tree.openSend(remote, OpenOptions.write()))) {
                    return co.await(f.uploadSend(source));
                }
            }).await();
            double up = mibPerSecond(o.mib(), System.nanoTime() - t0);
            double cpuUp = (processCpuNanos() - c0) / 1e9;
            Files.deleteIfExists(back);
            long c1 = processCpuNanos();
            long t1 = System.nanoTime();
            Coroutine.start(client.loop(), co -> {
                try (SmbFile f = co.await(tree.openSend(remote, OpenOptions.read()))) {
                    return co.await(f.downloadSend(back));
                }
            }).await();
            double down = mibPerSecond(o.mib(), System.nanoTime() - t1);
            double cpuDown = (processCpuNanos() - c1) / 1e9;
            String hash = sha256(back);
            if (!hash.equals(sourceHash)) {
                throw new IllegalStateException(mode + ": downloaded SHA-256 " + hash + " differs from " + sourceHash);
            }
            tree.delete(remote);
            conn.close();
            return new double[] {up, down, cpuUp, cpuDown};
        }
    }

    /** CPU time of this JVM so far (user + system, all threads), in nanoseconds. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** Per-round figures of one client and mode: index 0 upload, 1 download (MiB/s); 2 and 3 their CPU seconds, where measured. */
    private static final class Samples {
        private final List<double[]> rounds = new ArrayList<>();

        void add(double[] upDown) {
            rounds.add(upDown);
        }

        boolean hasCpu() {
            return rounds.get(0).length > 2;
        }

        double first(int i) {
            return rounds.get(0)[i];
        }

        double best(int i) {
            return rounds.stream().mapToDouble(r -> r[i]).max().orElseThrow();
        }

        double median(int i) {
            double[] v = rounds.stream().mapToDouble(r -> r[i]).sorted().toArray();
            return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }
    }

    private static double[] smbclient(Options o, String mode, Path source, Path back, String sourceHash) throws Exception {
        String protection = switch (mode) {
            case "sign", "sign-cmac" -> "sign";
            case "encrypt", "encrypt-256" -> "encrypt";
            default -> "off";
        };
        String option = switch (mode) {
            case "sign-cmac" -> "client smb3 signing algorithms=AES-128-CMAC";
            case "encrypt-256" -> "client smb3 encryption algorithms=AES-256-GCM";
            default -> "client smb3 signing algorithms=AES-128-GMAC,AES-128-CMAC,HMAC-SHA256";
        };
        String remote = "smbclient-bench-" + mode + ".bin";
        Files.deleteIfExists(back);
        long t0 = System.nanoTime();
        run(o, protection, option, "put " + source + " " + remote);
        double up = mibPerSecond(o.mib(), System.nanoTime() - t0);
        long t1 = System.nanoTime();
        run(o, protection, option, "get " + remote + " " + back);
        double down = mibPerSecond(o.mib(), System.nanoTime() - t1);
        run(o, protection, option, "del " + remote);
        String hash = sha256(back);
        if (!hash.equals(sourceHash)) {
            throw new IllegalStateException("smbclient " + mode + ": SHA-256 mismatch");
        }
        return new double[] {up, down};
    }

    /** {@code smbco put} then {@code smbco get} through the command line, a fresh JVM each; returns {upload, download} in MiB/s. */
    private static double[] cli(Options o, String mode, Path source, Path back, String sourceHash) throws Exception {
        List<String> flags = switch (mode) {
            case "plain" -> List.of();
            case "sign" -> List.of("--signing", "required");
            case "encrypt" -> List.of("--encrypt");
            default -> throw new IllegalArgumentException("the command line has no mode " + mode);
        };
        String url = "smb://" + o.host() + ":" + o.port() + "/" + o.share() + "/smbco-cli-bench-" + mode + ".bin";
        Files.deleteIfExists(back);
        long t0 = System.nanoTime();
        runCli(o, flags, "put", source.toString(), url);
        double up = mibPerSecond(o.mib(), System.nanoTime() - t0);
        long t1 = System.nanoTime();
        runCli(o, flags, "get", url, back.toString());
        double down = mibPerSecond(o.mib(), System.nanoTime() - t1);
        runCli(o, flags, "rm", url);
        String hash = sha256(back);
        if (!hash.equals(sourceHash)) {
            throw new IllegalStateException("smbco cli " + mode + ": SHA-256 mismatch");
        }
        return new double[] {up, down};
    }

    private static void runCli(Options o, List<String> flags, String... command) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(o.cli().toString(), "-q"));
        argv.addAll(flags);
        argv.addAll(List.of(command));
        ProcessBuilder pb = new ProcessBuilder(argv);
        pb.environment().put("SMBCO_USER", o.user());
        pb.environment().put("SMBCO_PASSWORD", o.password());
        if (!o.domain().isEmpty()) {
            pb.environment().put("SMBCO_DOMAIN", o.domain());
        }
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("smbco " + String.join(" ", command) + " failed: " + out);
        }
    }

    private static void run(Options o, String protection, String option, String command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder("smbclient", "//" + o.host() + "/" + o.share(), "-p", String.valueOf(o.port()),
                "-U", (o.domain().isEmpty() ? "" : o.domain() + "\\") + o.user(), "--client-protection=" + protection,
                "--option=" + option, "-c", command);
        pb.environment().put("PASSWD", o.password());
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("smbclient failed: " + out);
        }
    }

    private static double mibPerSecond(int mib, long nanos) {
        return mib / (nanos / 1e9);
    }

    private static void writeRandom(Path file, long size) throws IOException {
        Random r = new Random(42);
        byte[] block = new byte[1 << 20];
        try (var out = Files.newOutputStream(file)) {
            for (long done = 0; done < size; done += block.length) {
                r.nextBytes(block);
                out.write(block, 0, (int) Math.min(block.length, size - done));
            }
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 20];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Options parse(String[] args) {
        String host = "127.0.0.1";
        int port = 445;
        String share = "share";
        String user = "test";
        String password = System.getenv().getOrDefault("SMBCO_PASSWORD", "test-password");
        String domain = "";
        int mib = 1024;
        List<String> modes = List.of("plain", "sign", "encrypt");
        boolean smbclient = true;
        int ioKib = 8192;
        int depth = 8;
        int creditTarget = SmbConfig.defaults().creditTarget();
        int rounds = 3;
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        Path cli = null;
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--host" -> { host = v; i++; }
                case "--port" -> { port = Integer.parseInt(v); i++; }
                case "--share" -> { share = v; i++; }
                case "--user" -> { user = v; i++; }
                case "--password" -> { password = v; i++; }
                case "--domain" -> { domain = v; i++; }
                case "--mib" -> { mib = Integer.parseInt(v); i++; }
                case "--modes" -> { modes = List.of(v.split(",")); i++; }
                case "--no-smbclient" -> smbclient = false;
                case "--io-kib" -> { ioKib = Integer.parseInt(v); i++; }
                case "--depth" -> { depth = Integer.parseInt(v); i++; }
                case "--credit-target" -> { creditTarget = Integer.parseInt(v); i++; }
                case "--cli" -> { cli = Path.of(v); i++; }
                case "--rounds" -> { rounds = Integer.parseInt(v); i++; }
                case "--dir" -> { dir = Path.of(v); i++; }
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (rounds < 1) {
            throw new IllegalArgumentException("--rounds must be at least 1");
        }
        return new Options(host, port, share, user, password, domain, mib, modes, smbclient, ioKib, depth, creditTarget, rounds, dir,
                cli);
    }
}
