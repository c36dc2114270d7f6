package dev.smbco.bench;

import dev.smbco.client.Credentials;
import dev.smbco.client.OpenOptions;
import dev.smbco.client.SmbClient;
import dev.smbco.client.SmbConfig;
import dev.smbco.client.SmbConnection;
import dev.smbco.client.SmbTree;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Small files, sequentially on one connection: N x (CREATE + WRITE 4 KiB + CLOSE) through
 * {@code SmbTree.writeFile}, with compounding on (one round trip each) and off (three), rounds
 * alternating, each on a fresh client after one unmeasured warm-up round per mode. Prints files/s
 * per round and the median. Usage:
 * <pre>
 * java -cp benchmarks.jar dev.smbco.bench.SmallFilesHarness --host 127.0.0.1 --port 445 \
 *     --share share --user test --password test-password [--files 2000] [--rounds 3]
 * </pre>
 */
public final class SmallFilesHarness {
    private SmallFilesHarness() {
    }

    public static void main(String[] args) {
        Map<String, String> a = new HashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            a.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        String host = a.getOrDefault("host", "127.0.0.1");
        int port = Integer.parseInt(a.getOrDefault("port", "445"));
        int files = Integer.parseInt(a.getOrDefault("files", "2000"));
        int rounds = Integer.parseInt(a.getOrDefault("rounds", "3"));
        Credentials who = Credentials.ntlm(a.getOrDefault("user", "test"), a.getOrDefault("password", "test-password").toCharArray(),
                a.getOrDefault("domain", "WORKGROUP"));
        String share = a.getOrDefault("share", "share");
        byte[] data = new byte[4096];
        new Random(1).nextBytes(data);
        Map<Boolean, List<Double>> rates = new HashMap<>();
        for (int round = -1; round < rounds; round++) {
            for (boolean compound : new boolean[] {true, false}) {
                double rate = round(host, port, who, share, compound, files, data, round);
                if (round >= 0) {
                    rates.computeIfAbsent(compound, k -> new ArrayList<>()).add(rate);
                    System.out.printf(Locale.ROOT, "round %d compounding=%s: %.0f files/s%n", round + 1, compound, rate);
                }
            }
        }
        for (boolean compound : new boolean[] {true, false}) {
            List<Double> r = new ArrayList<>(rates.get(compound));
            r.sort(null);
            System.out.printf(Locale.ROOT, "compounding=%s: median %.0f files/s (min %.0f, max %.0f)%n", compound, r.get(r.size() / 2),
                    r.get(0), r.get(r.size() - 1));
        }
    }

    private static double round(String host, int port, Credentials who, String share, boolean compound, int files, byte[] data, int round) {
        try (SmbClient client = SmbClient.create(SmbConfig.builder().compounding(compound).build())) {
            SmbConnection conn = client.connect(host, port);
            SmbTree tree = conn.sessionSetup(who).treeConnect(share);
            String dir = "small-" + compound + "-" + round + "-" + System.nanoTime();
            tree.mkdir(dir);
            ByteBuf buf = Unpooled.wrappedBuffer(data);
            long start = System.nanoTime();
            for (int i = 0; i < files; i++) {
                tree.writeFile(dir + "/f" + i, OpenOptions.write(), buf);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            for (int i = 0; i < files; i++) {
                tree.delete(dir + "/f" + i);
            }
            tree.rmdir(dir);
            conn.close();
            return files / seconds;
        }
    }
}
