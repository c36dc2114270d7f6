package dev.smbco.hadoop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/**
 * Not a test of the build (its name matches none of surefire's patterns): the throughput
 * benchmark {@code benchmarks/spark-read.sh} runs it by name against a private smbd it starts. A
 * Spark SQL read ({@code spark.read().text(path).count()}, every byte scanned for line ends) of the
 * same file from smb:// and from a local path, rounds alternating which goes first, after one
 * unmeasured warm-up read of each. Prints medians and ranges in MiB/s, with the load average.
 *
 * <p>Environment: {@code SMBCO_BENCH_SMB} (the smb:// URL of the file), {@code SMBCO_BENCH_LOCAL}
 * (its local copy, a file: URL), {@code SMBCO_BENCH_ROUNDS} (default 3), {@code SMBCO_BENCH_MASTER}
 * (default {@code local[2]}), {@code SMBCO_BENCH_USER}/{@code _PASSWORD}/{@code _DOMAIN}.
 */
class SparkReadBenchmark {

    private static String env(String name, String otherwise) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? otherwise : v;
    }

    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** One timed read; returns {lines, nanoseconds}. */
    private static long[] read(SparkSession spark, String url) {
        long t0 = System.nanoTime();
        long lines = spark.read().text(url).count();
        return new long[] {lines, System.nanoTime() - t0};
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    @Test
    void sparkReadsOfOneFileFromSmbAndFromALocalPath() throws IOException {
        String smb = env("SMBCO_BENCH_SMB", null);
        String local = env("SMBCO_BENCH_LOCAL", null);
        assertTrue(smb != null && local != null, "run through benchmarks/spark-read.sh (SMBCO_BENCH_SMB and SMBCO_BENCH_LOCAL)");
        int rounds = Integer.parseInt(env("SMBCO_BENCH_ROUNDS", "3"));
        long bytes = Files.size(Path.of(java.net.URI.create(local)));
        String loadBefore = load();
        SparkSession spark = SparkSession.builder()
                .master(env("SMBCO_BENCH_MASTER", "local[2]"))
                .appName("smbco-spark-read-benchmark")
                .config("spark.ui.enabled", "false")
                .config("spark.hadoop.fs.smb.user", env("SMBCO_BENCH_USER", "test"))
                .config("spark.hadoop.fs.smb.password", env("SMBCO_BENCH_PASSWORD", "test-password"))
                .config("spark.hadoop.fs.smb.domain", env("SMBCO_BENCH_DOMAIN", "WORKGROUP"))
                .getOrCreate();
        Map<String, String> urls = new LinkedHashMap<>();
        urls.put("smb://", smb);
        urls.put("local", local);
        Map<String, List<Double>> mibs = new LinkedHashMap<>();
        long expected = -1;
        try {
            for (String url : urls.values()) { // warm-up: JIT, Spark's planning code, the connection
                long lines = read(spark, url)[0];
                assertTrue(expected == -1 || expected == lines, "both reads count the same lines");
                expected = lines;
            }
            List<String> order = new ArrayList<>(urls.keySet());
            for (int r = 0; r < rounds; r++) {
                for (String name : order) {
                    long[] got = read(spark, urls.get(name));
                    assertEquals(expected, got[0], name + " counted other lines");
                    mibs.computeIfAbsent(name, k -> new ArrayList<>()).add(bytes / 1048576.0 / (got[1] / 1e9));
                }
                java.util.Collections.reverse(order); // the other goes first next round
            }
        } finally {
            spark.stop();
        }
        String loadAfter = load();
        StringBuilder out = new StringBuilder();
        out.append(String.format("%nSpark SQL text().count() of %d MiB (%d lines), %s, %d rounds after a warm-up read each%n",
                bytes >> 20, expected, env("SMBCO_BENCH_MASTER", "local[2]"), rounds));
        out.append("| source | median MiB/s | min-max MiB/s | rounds |\n|---|---|---|---|\n");
        for (Map.Entry<String, List<Double>> e : mibs.entrySet()) {
            List<Double> v = e.getValue();
            out.append(String.format("| %s | %.0f | %.0f-%.0f | %s |%n", e.getKey(), median(v),
                    v.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                    v.stream().mapToDouble(Double::doubleValue).max().orElse(0),
                    v.stream().map(x -> String.format("%.0f", x)).toList()));
        }
        out.append("load average before: ").append(loadBefore).append("; after: ").append(loadAfter).append('\n');
        System.out.print(out);
        System.out.flush();
    }
}
