package dev.smbco.bench.peers;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * One measured workload of {@link PeersHarness}: {@code n} operations on the files of one
 * directory (or, for the trees, on a local tree of {@code n} files), each run with one caller or
 * with many concurrent ones.
 */
enum Workload {
    /** CREATE + WRITE 4 KiB + CLOSE of n new files. */
    CREATE("create+write 4 KiB+close", "files/s"),
    /** The size and times of each of n files. */
    STAT("stat", "files/s"),
    /** Opening, reading whole (4 KiB) and closing each of n existing files, content checked. */
    READ("open+read 4 KiB+close", "files/s"),
    /** Deleting n files. */
    DELETE("delete", "files/s"),
    /** Listing a directory of n entries (with their attributes), once. */
    LIST("list n-entry dir", "entries/s"),
    /** Copying a local tree of n x 4 KiB files (subdirectories of 100) to the share. */
    UPLOAD_TREE("tree upload", "files/s"),
    /** Copying that tree back from the share to a fresh local directory. */
    DOWNLOAD_TREE("tree download", "files/s");

    final String label;
    final String unit;

    Workload(String label, String unit) {
        this.label = label;
        this.unit = unit;
    }

    /** The name {@code --workloads} takes: "create", "read", "upload-tree"... */
    String option() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The workloads a comma-separated list of {@link #option()} names selects. */
    static Set<Workload> parse(String list) {
        Set<Workload> s = EnumSet.noneOf(Workload.class);
        for (String name : list.split(",")) {
            Workload found = null;
            for (Workload w : values()) {
                if (w.option().equals(name.trim())) {
                    found = w;
                }
            }
            if (found == null) {
                throw new IllegalArgumentException("unknown workload " + name + "; known: "
                        + Arrays.stream(values()).map(Workload::option).toList());
            }
            s.add(found);
        }
        return s;
    }
}
