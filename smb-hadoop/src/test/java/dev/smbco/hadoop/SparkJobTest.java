package dev.smbco.hadoop;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.sum;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smbco.hadoop.contract.SmbContract;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Spark job in local mode ({@code local[2]}) on smb://: CSV in, an aggregation, Parquet out,
 * compared with the same job on a local directory; and 1 GiB read as several splits in parallel.
 */
@ExtendWith(SambaExtension.class)
class SparkJobTest {
    private static final StructType SCHEMA = new StructType()
            .add("region", DataTypes.StringType)
            .add("amount", DataTypes.LongType);
    private static final String[] REGIONS = {"north", "south", "east", "west", "zürich"};

    private static SparkSession spark;
    private static FileSystem fs;
    private static Path base;

    @BeforeAll
    static void start(SambaServer server) throws IOException {
        Configuration conf = SmbContract.configure(new Configuration(), server);
        conf.setBoolean("fs.smb.impl.disable.cache", true);
        fs = FileSystem.newInstance(SmbContract.uri(server), conf);
        base = fs.makeQualified(new Path("/" + SambaServer.SHARE + "/spark-" + UUID.randomUUID().toString().substring(0, 8)));
        fs.mkdirs(base);
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("smbco-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.hadoop.fs.smb.user", server.user())
                .config("spark.hadoop.fs.smb.password", server.password())
                .config("spark.hadoop.fs.smb.domain", server.domain())
                .getOrCreate();
    }

    @AfterAll
    static void stop() throws IOException {
        if (spark != null) {
            spark.stop();
        }
        if (fs != null) {
            fs.delete(base, true);
            fs.close();
        }
    }

    /** The job: total and count per region. */
    private static void job(String in, String out) {
        spark.read().option("header", "true").schema(SCHEMA).csv(in)
                .groupBy(col("region"))
                .agg(sum(col("amount")).as("total"), count(col("amount")).as("n"))
                .write().parquet(out);
    }

    private static List<Row> sorted(String parquet) {
        return spark.read().parquet(parquet).orderBy(col("region")).collectAsList();
    }

    private static void writeCsv(Writer w, Random r, int rows) throws IOException {
        w.write("region,amount\n");
        for (int i = 0; i < rows; i++) {
            w.write(REGIONS[r.nextInt(REGIONS.length)] + "," + r.nextInt(1_000_000) + "\n");
        }
    }

    @Test
    void csvToParquetOnSmbMatchesTheSameJobOnALocalDirectory(@TempDir java.nio.file.Path local) throws IOException {
        Path smbIn = new Path(base, "csv");
        Files.createDirectories(local.resolve("csv"));
        for (int f = 0; f < 4; f++) {
            String name = "part-" + f + ".csv";
            try (Writer w = Files.newBufferedWriter(local.resolve("csv").resolve(name), StandardCharsets.UTF_8)) {
                writeCsv(w, new Random(f), 5_000);
            }
            fs.copyFromLocalFile(new Path(local.resolve("csv").resolve(name).toUri()), new Path(smbIn, name));
        }

        job(local.resolve("csv").toUri().toString(), local.resolve("out").toUri().toString());
        job(smbIn.toString(), new Path(base, "out").toString());

        List<Row> expected = sorted(local.resolve("out").toUri().toString());
        List<Row> actual = sorted(new Path(base, "out").toString());
        assertEquals(REGIONS.length, expected.size());
        assertEquals(expected, actual);
        assertTrue(fs.exists(new Path(base, "out/_SUCCESS")), "the committer's marker was renamed into place");
    }

    /** The big file: {@value #LINES} lines of {@value #LINE} bytes, line i starting with i in 19 digits (1 GiB). */
    private static final int LINE = 64;
    private static final long LINES = (1L << 30) / LINE;

    /** Writes the big file's lines 1 MiB at a time (a buffer of whole lines, its digits rewritten for each). */
    private static void writeLines(OutputStream out) throws IOException {
        byte[] buf = new byte[1 << 20];
        for (int at = 0; at < buf.length; at += LINE) {
            Arrays.fill(buf, at + 19, at + LINE - 1, (byte) '.');
            buf[at + 19] = ',';
            buf[at + LINE - 1] = '\n';
        }
        for (long line = 0; line < LINES; ) {
            for (int at = 0; at < buf.length; at += LINE, line++) {
                long v = line;
                for (int d = 18; d >= 0; d--, v /= 10) {
                    buf[at + d] = (byte) ('0' + v % 10);
                }
            }
            out.write(buf);
        }
    }

    /** The lines and the sum of their numbers in one split: a checksum that counts every line exactly once. */
    private static Iterator<long[]> countAndSum(Iterator<String> lines) {
        long n = 0;
        long sum = 0;
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.length() != LINE - 1) {
                throw new IllegalStateException("a torn line of " + line.length() + " characters: " + line);
            }
            sum += Long.parseLong(line, 0, 19, 10);
            n++;
        }
        return List.of(new long[] {n, sum}).iterator();
    }

    /**
     * 1 GiB read by a real Spark job as 128 MiB splits, two tasks at a time: Hadoop's
     * TextInputFormat splits by the block size the file system reports ({@code fs.smb.block.size}),
     * each task reads its split on its own, and the line counts and checksums of the splits add
     * up to the file's (no line lost or read twice at a split's edge). Spark SQL's reader plans
     * as many splits. The file is written once, through the file system, and read once.
     */
    @Test
    void aGibibyteFileIsReadAsSeveralSplitsInParallel() throws Exception {
        Path big = new Path(base, "big.txt");
        try (OutputStream out = fs.create(big)) {
            writeLines(out);
        }
        long length = fs.getFileStatus(big).getLen();
        assertEquals(LINES * LINE, length);
        int splits = (int) (length / SmbSettings.DEFAULT_BLOCK_SIZE);
        assertEquals(8, splits);

        Map<Integer, Integer> tasksPerStage = new ConcurrentHashMap<>();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        AtomicLong bytesRead = new AtomicLong();
        SparkListener listener = new SparkListener() {
            @Override
            public void onTaskStart(SparkListenerTaskStart start) {
                mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            }

            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                running.decrementAndGet();
                tasksPerStage.merge(end.stageId(), 1, Integer::sum);
                if (end.taskMetrics() != null) {
                    bytesRead.addAndGet(end.taskMetrics().inputMetrics().bytesRead());
                }
            }
        };
        spark.sparkContext().addSparkListener(listener);
        try {
            JavaRDD<String> lines = JavaSparkContext.fromSparkContext(spark.sparkContext()).textFile(big.toString());
            assertEquals(splits, lines.getNumPartitions());
            List<long[]> perSplit = lines.mapPartitions(SparkJobTest::countAndSum).collect();
            spark.sparkContext().listenerBus().waitUntilEmpty();

            assertEquals(splits, perSplit.size());
            long n = 0;
            long sum = 0;
            for (long[] split : perSplit) {
                assertTrue(split[0] > 0, "every split has lines");
                n += split[0];
                sum += split[1];
            }
            assertEquals(LINES, n);
            assertEquals(LINES * (LINES - 1) / 2, sum);
            assertEquals(List.of(splits), List.copyOf(tasksPerStage.values()), "one stage, one task per split: " + tasksPerStage);
            assertTrue(mostAtOnce.get() >= 2, "tasks ran side by side: at most " + mostAtOnce.get() + " at once");
            assertTrue(bytesRead.get() >= length && bytesRead.get() < length + splits * (1L << 20),
                    "Spark's input metrics: " + bytesRead.get() + " bytes read of " + length);

            // Spark SQL plans the same splits (spark.sql.files.maxPartitionBytes, 128 MiB); not read a second time
            Dataset<Row> text = spark.read().text(big.toString());
            assertEquals(splits, text.rdd().getNumPartitions());
        } finally {
            spark.sparkContext().removeSparkListener(listener);
            fs.delete(big, false);
        }
    }
}
