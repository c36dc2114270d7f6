package dev.smbco.hadoop;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.smbco.client.NoLeaks;
import dev.smbco.hadoop.contract.SmbContract;
import dev.smbco.protocol.Command;
import dev.smbco.testserver.FaultProxy;
import dev.smbco.testserver.FrameRule;
import dev.smbco.testserver.Frames;
import dev.smbco.testserver.SambaExtension;
import dev.smbco.testserver.SambaServer;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.AccessDeniedException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.Random;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.ContentSummary;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.StreamCapabilities;
import org.apache.hadoop.util.functional.RemoteIterators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** What the contract tests do not cover: sharing, splits, bad input, the killed writer, the read-ahead. */
@ExtendWith({SambaExtension.class, NoLeaks.class})
class SmbFileSystemTest {
    private static Configuration conf(SambaServer server) {
        Configuration conf = SmbContract.configure(new Configuration(), server);
        conf.setBoolean("fs.smb.impl.disable.cache", true);
        return conf;
    }

    private static Path dir(FileSystem fs) throws IOException {
        Path dir = new Path("/" + SambaServer.SHARE + "/fs-" + UUID.randomUUID().toString().substring(0, 8));
        assertTrue(fs.mkdirs(dir));
        return fs.makeQualified(dir);
    }

    private static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void theSchemeIsFoundThroughTheServiceLoader(SambaServer server) throws IOException {
        Configuration conf = SmbContract.configure(new Configuration(), server);
        assertTrue(conf.get("fs.smb.impl") == null, "no fs.smb.impl set");
        try (FileSystem fs = FileSystem.newInstance(SmbContract.uri(server), conf)) {
            assertInstanceOf(SmbFileSystem.class, fs);
            assertEquals("smb", fs.getScheme());
            assertEquals(URI.create("smb://" + server.host() + ":" + server.port()), fs.getUri());
        }
    }

    @Test
    void fileSystemsOfOneIdentityShareOneConnectionUntilTheLastCloses(SambaServer server) throws IOException {
        Configuration conf = conf(server);
        conf.set("fs.smb.signing", "required"); // an identity no other test uses, so the count is ours
        int before = SharedConnection.openCount();
        FileSystem a = FileSystem.newInstance(SmbContract.uri(server), conf);
        FileSystem b = FileSystem.newInstance(SmbContract.uri(server), conf);
        assertEquals(before + 1, SharedConnection.openCount());
        Path d = dir(a);
        assertTrue(b.getFileStatus(d).isDirectory());
        a.close();
        assertEquals(before + 1, SharedConnection.openCount());
        assertTrue(b.delete(d, true), "still usable after the other closed");
        b.close();
        assertEquals(before, SharedConnection.openCount());
    }

    @Test
    void aLostConnectionIsSetUpAgainByTheNextOperation(SambaServer server) throws IOException {
        try (FaultProxy proxy = FaultProxy.start(server)) {
            SambaServer front = proxy.front(server);
            try (FileSystem fs = FileSystem.newInstance(SmbContract.uri(front), conf(front))) {
                Path share = new Path("/" + SambaServer.SHARE);
                assertTrue(fs.getFileStatus(share).isDirectory());
                assertEquals(1, proxy.cut());
                try {
                    fs.getFileStatus(share); // may still go out on the old connection and fail with it
                } catch (IOException lost) {
                    assertFalse(lost instanceof FileNotFoundException, lost.toString());
                }
                assertTrue(fs.getFileStatus(share).isDirectory());
                assertEquals(2, proxy.acceptedConnections());
            }
        }
    }

    @Test
    void aWriterThatNeverClosesLeavesNoCompleteLookingFile(SambaServer server) throws IOException {
        try (FileSystem fs = FileSystem.newInstance(SmbContract.uri(server), conf(server))) {
            Path d = dir(fs);
            Path target = new Path(d, "part-00000.csv");
            FSDataOutputStream out = fs.create(target);
            out.write(random(300_000, 1));
            out.hflush();
            assertThrows(FileNotFoundException.class, () -> fs.getFileStatus(target));
            FileStatus[] during = fs.listStatus(d);
            assertEquals(1, during.length);
            assertTrue(during[0].getPath().getName().startsWith(".part-00000.csv.smbco-"), during[0].getPath().toString());
            out.close();
            assertEquals(300_000, fs.getFileStatus(target).getLen());
            assertEquals(1, fs.listStatus(d).length, "the temporary name is gone");
            fs.delete(d, true);
        }
    }

    @Test
    void onlyAnAppendStreamClaimsHflushAndHsyncForItAloneWritesWhereReadersLook(SambaServer server) throws IOException {
        try (FileSystem fs = FileSystem.newInstance(SmbContract.uri(server), conf(server))) {
            Path d = dir(fs);
            Path f = new Path(d, "log.txt");
            try (FSDataOutputStream out = fs.create(f)) {
                assertFalse(out.hasCapability(StreamCapabilities.HFLUSH));
                assertFalse(out.hasCapability(StreamCapabilities.HSYNC));
                out.write(new byte[] {'a', 'b'});
                out.hsync(); // FLUSH of the temporary file: durable, still not under the real name
                assertThrows(FileNotFoundException.class, () -> fs.getFileStatus(f));
            }
            try (FSDataOutputStream out = fs.append(f)) {
                assertTrue(out.hasCapability(StreamCapabilities.HFLUSH));
                assertTrue(out.hasCapability(StreamCapabilities.HSYNC));
                out.write('c');
                out.hflush();
                assertEquals(3, fs.getFileStatus(f).getLen());
                out.write('d');
                out.hsync();
                try (FSDataInputStream in = fs.open(f)) {
                    byte[] back = new byte[4];
                    in.readFully(back);
                    assertArrayEquals(new byte[] {'a', 'b', 'c', 'd'}, back, "a reader sees what hflush/hsync returned from");
                }
            }
            fs.delete(d, true);
        }
    }

    @Test
    void aWriterWhoseConnectionDiesMidWriteLeavesNoCompleteLookingFile(SambaServer server) throws IOException {
        try (FileSystem check = FileSystem.newInstance(SmbContract.uri(server), conf(server))) {
            Path d = dir(check);
            Path target = new Path(d.toUri().getPath(), "part-00001.csv"); // no authority: each file system qualifies it
            try (FaultProxy proxy = FaultProxy.start(server)) {
                SambaServer front = proxy.front(server);
                try (FileSystem fs = FileSystem.newInstance(SmbContract.uri(front), conf(front))) {
                    FSDataOutputStream out = fs.create(target);
                    out.write(random(2_000_000, 5));
                    out.hflush();
                    assertEquals(1, proxy.cut()); // the executor is gone, as far as the server can tell
                    out.write(random(1_000_000, 6));
                    assertThrows(IOException.class, out::close);
                }
            }
            assertThrows(FileNotFoundException.class, () -> check.getFileStatus(target));
            for (FileStatus left : check.listStatus(d)) { // the temporary file, if its delete could not reach the server
                assertTrue(left.getPath().getName().startsWith("."), "hidden from Spark and Hadoop: " + left.getPath());
            }
            check.delete(d, true);
        }
    }

    @Test
    void readAheadSeeksAndPositionedReadsReturnTheFile(SambaServer server) throws IOException {
        Configuration conf = conf(server);
        try (FileSystem fs = FileSystem.newInstance(SmbContract.uri(server), conf)) {
            Path f = new Path(dir(fs), "big.bin");
            byte[] data = random(9 * 1024 * 1024 + 123, 2);
            try (FSDataOutputStream out = fs.create(f)) {
                out.write(data);
            }
            long readBefore = FileSystem.getGlobalStorageStatistics().get("smb").getLong("bytesRead");
            try (FSDataInputStream in = fs.open(f)) {
                byte[] back = new byte[data.length];
                in.readFully(back);
                assertArrayEquals(data, back);
                long counted = FileSystem.getGlobalStorageStatistics().get("smb").getLong("bytesRead") - readBefore;
                assertEquals(data.length, counted, "bytes read as Hadoop counts them (Spark's input metrics)");
                assertEquals(-1, in.read());
                Random r = new Random(3);
                for (int i = 0; i < 40; i++) {
                    int pos = r.nextInt(data.length);
                    in.seek(pos);
                    int n = Math.min(r.nextInt(3 * 1024 * 1024), data.length - pos);
                    byte[] part = new byte[n];
                    in.readFully(part);
                    assertArrayEquals(Arrays.copyOfRange(data, pos, pos + n), part, "at " + pos);
                    int at = r.nextInt(data.length - 100);
                    byte[] positioned = new byte[100];
                    in.readFully(at, positioned);
                    assertArrayEquals(Arrays.copyOfRange(data, at, at + 100), positioned, "positioned at " + at);
                    assertEquals(pos + n, in.getPos(), "a positioned read leaves the position");
                }
            }
            fs.delete(f.getParent(), true);
        }
    }

    @Test
    void aLargeFileIsReportedAsSeveralBlocks(SambaServer server) throws IOException {
        Configuration conf = conf(server);
        conf.set("fs.smb.block.size", "1m");
        try (FileSystem fs = FileSystem.newInstance(SmbContract.uri(server), conf)) {
            Path f = new Path(dir(fs), "blocks.bin");
            try (FSDataOutputStream out = fs.create(f)) {
                out.write(random(3 * 1024 * 1024 + 5, 4));
            }
            FileStatus st = fs.getFileStatus(f);
            assertEquals(1024 * 1024, st.getBlockSize());
            BlockLocation[] blocks = fs.getFileBlockLocations(st, 0, st.getLen());
            assertEquals(4, blocks.length);
            assertEquals(server.host(), blocks[0].getHosts()[0]);
            assertEquals(5, blocks[3].getLength());
            fs.delete(f.getParent(), true);
        }
    }

    @Test
    void listingsSummariesAndTimes(SambaServer server) throws IOException {
        try (FileSystem fs = FileSystem.newInstance(SmbContract.uri(server), conf(server))) {
            Path d = dir(fs);
            for (int i = 0; i < 5; i++) {
                try (FSDataOutputStream out = fs.create(new Path(d, "sub/f" + i))) {
                    out.write(new byte[i * 10]);
                }
            }
            ContentSummary summary = fs.getContentSummary(d);
            assertEquals(5, summary.getFileCount());
            assertEquals(2, summary.getDirectoryCount());
            assertEquals(100, summary.getLength());

            RemoteIterator<FileStatus> it = fs.listStatusIterator(new Path(d, "sub"));
            int n = 0;
            while (it.hasNext()) {
                assertTrue(it.next().isFile());
                n++;
            }
            assertEquals(5, n);

            Path f0 = new Path(d, "sub/f0");
            fs.setTimes(f0, 1_600_000_000_000L, -1);
            assertEquals(1_600_000_000_000L, fs.getFileStatus(f0).getModificationTime());

            FileStatus[] shares = fs.listStatus(new Path("/"));
            assertTrue(Arrays.stream(shares).anyMatch(s -> s.getPath().getName().equals(SambaServer.SHARE) && s.isDirectory()),
                    Arrays.toString(shares));
            assertFalse(Arrays.stream(shares).anyMatch(s -> s.getPath().getName().endsWith("$")));
            fs.delete(d, true);
        }
    }

    @Test
    void listStatusIteratorAsksForOnePageWhenThePageAtHandIsUsedUp(SambaServer server) throws IOException {
        try (FaultProxy proxy = FaultProxy.start(server)) {
            SambaServer front = proxy.front(server);
            Configuration conf = conf(front);
            conf.set("fs.smb.list.page.size", "4k"); // ~20 entries a page: 100 files are several pages
            try (FileSystem fs = FileSystem.newInstance(SmbContract.uri(front), conf)) {
                Path d = dir(fs);
                for (int i = 0; i < 100; i++) {
                    fs.create(new Path(d, String.format("part-%05d-", i) + "x".repeat(40))).close();
                }
                FrameRule queries = proxy.clientToServer().rewrite(Frames.command(Command.QUERY_DIRECTORY.code()), 0, f -> f);
                RemoteIterator<FileStatus> it = fs.listStatusIterator(d);
                int openedWith = queries.fired(); // 0 where CREATE + QUERY_DIRECTORY were one compound, else 1
                Set<String> names = new HashSet<>();
                int refills = 0;
                while (true) {
                    int before = queries.fired();
                    if (!it.hasNext()) {
                        break;
                    }
                    FileStatus st = it.next();
                    assertTrue(st.isFile(), st.toString());
                    assertTrue(names.add(st.getPath().getName()), "once each: " + st.getPath());
                    refills += queries.fired() - before;
                    assertTrue(queries.fired() - before <= 1, "at most one QUERY_DIRECTORY per refill");
                }
                queries.remove();
                assertEquals(100, names.size());
                assertTrue(refills >= 4, refills + " pages after the first (opened with " + openedWith + ")");

                // closed half way (as Hadoop's RemoteIterators.cleanupRemoteIterator does): the directory handle goes
                RemoteIterator<FileStatus> half = fs.listStatusIterator(d);
                assertTrue(half.hasNext());
                half.next();
                RemoteIterators.cleanupRemoteIterator(half);
                assertTrue(fs.delete(d, true));
                // with a listing handle left open the directory would linger, delete-pending, until it closed
                assertThrows(FileNotFoundException.class, () -> fs.getFileStatus(d));
                assertThrows(FileNotFoundException.class, () -> fs.listStatusIterator(d));
            }
        }
    }

    @Test
    void badInputFailsWithHadoopsExceptionsNamingThePath(SambaServer server) throws IOException {
        Configuration wrong = conf(server);
        wrong.set("fs.smb.password", "not-the-password");
        // a logged-on file system of the same user is open meanwhile: the wrong password must not borrow its session
        try (FileSystem good = FileSystem.newInstance(SmbContract.uri(server), conf(server));
             FileSystem fs = FileSystem.newInstance(SmbContract.uri(server), wrong)) {
            assertTrue(good.getFileStatus(new Path("/share")).isDirectory());
            AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> fs.getFileStatus(new Path("/share/x")));
            assertTrue(e.getMessage().contains("smb://" + server.host()), e.getMessage());
        }
        // no credentials at all (a guest logon), and a user without a password: the user's share refuses both
        Configuration anonymous = conf(server);
        anonymous.unset("fs.smb.user");
        anonymous.unset("fs.smb.password");
        Configuration noPassword = conf(server);
        noPassword.unset("fs.smb.password");
        for (Configuration missing : new Configuration[] {anonymous, noPassword}) {
            try (FileSystem fs = FileSystem.newInstance(SmbContract.uri(server), missing)) {
                AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> fs.open(new Path("/share/x")));
                assertTrue(e.getMessage().contains("smb://" + server.host()), e.getMessage());
            }
        }
        try (FileSystem fs = FileSystem.newInstance(SmbContract.uri(server), conf(server))) {
            FileNotFoundException e = assertThrows(FileNotFoundException.class, () -> fs.open(new Path("/no-such-share/x")));
            assertTrue(e.getMessage().contains("smb://" + server.host()) && e.getMessage().contains("no-such-share"), e.getMessage());
            assertThrows(FileNotFoundException.class, () -> fs.listStatus(new Path("/share/no/such/dir")));
        }
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (FileSystem fs = FileSystem.newInstance(URI.create("smb://127.0.0.1:" + closedPort + "/"), conf(server))) {
            IOException e = assertThrows(IOException.class, () -> fs.getFileStatus(new Path("/share")));
            assertInstanceOf(ConnectException.class, e);
            assertTrue(e.getMessage().contains("smb://127.0.0.1:" + closedPort), e.getMessage());
        }
    }
}
