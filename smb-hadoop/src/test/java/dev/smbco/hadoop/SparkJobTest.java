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
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
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
 * compared with the same job on a local directory; and a large file read as several splits.
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

    @Test
    void aLargeFileIsReadAsSeveralSplitsInParallel() throws IOException {
        Path big = new Path(base, "big.csv");
        int rows = 600_000;
        try (Writer w = new OutputStreamWriter(fs.create(big), StandardCharsets.UTF_8)) {
            writeCsv(w, new Random(42), rows);
        }
        long length = fs.getFileStatus(big).getLen();
        long split = 2L * 1024 * 1024;
        long expectedSplits = (length + split - 1) / split;
        assertTrue(expectedSplits >= 4, "a file of " + length + " bytes");

        AtomicInteger tasks = new AtomicInteger();
        SparkListener listener = new SparkListener() {
            @Override
            public void onTaskEnd(SparkListenerTaskEnd end) {
                tasks.incrementAndGet();
            }
        };
        spark.conf().set("spark.sql.files.maxPartitionBytes", Long.toString(split));
        spark.sparkContext().addSparkListener(listener);
        try {
            Dataset<Row> df = spark.read().option("header", "false").schema(SCHEMA).csv(big.toString());
            assertEquals(expectedSplits, df.rdd().getNumPartitions());
            tasks.set(0);
            long counted = df.filter(col("amount").isNotNull()).count();
            assertEquals(rows, counted); // the header line has no number: filtered out
            assertTrue(tasks.get() >= expectedSplits, tasks.get() + " tasks for " + expectedSplits + " splits");
        } finally {
            spark.sparkContext().removeSparkListener(listener);
            spark.conf().unset("spark.sql.files.maxPartitionBytes");
        }
    }
}
