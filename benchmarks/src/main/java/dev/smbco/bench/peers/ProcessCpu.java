package dev.smbco.bench.peers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * CPU time of Linux processes as {@code /proc/PID/stat} counts it: user and system time of the
 * process itself ({@code utime}, {@code stime}) and of its children that exited and were reaped
 * ({@code cutime}, {@code cstime}), in clock ticks ({@code getconf CLK_TCK}, usually 100 a second:
 * 10 ms resolution, so a measurement needs seconds of CPU to be worth reading).
 */
final class ProcessCpu {
    private static final Path PROC = Path.of("/proc");
    private static final long TICKS_PER_SECOND = loadTicksPerSecond();

    private ProcessCpu() {
    }

    /** The times of one process, in clock ticks. */
    record Times(int pid, int ppid, String comm, long utime, long stime, long cutime, long cstime) {
        /** Its own CPU and that of its reaped children. */
        long all() {
            return utime + stime + cutime + cstime;
        }
    }

    /**
     * Parses one {@code /proc/PID/stat} line (proc(5)). The command name is in parentheses and may
     * itself hold spaces and parentheses: the fields are counted from the last ')'.
     */
    static Times parse(String line) {
        int open = line.indexOf('(');
        int close = line.lastIndexOf(')');
        if (open < 0 || close < open) {
            throw new IllegalArgumentException("not a /proc/PID/stat line: " + line);
        }
        // after the comm: 3 state, 4 ppid, ..., 14 utime, 15 stime, 16 cutime, 17 cstime
        String[] f = line.substring(close + 2).trim().split(" ");
        if (f.length < 15) {
            throw new IllegalArgumentException("too few fields in /proc/PID/stat line: " + line);
        }
        return new Times(Integer.parseInt(line.substring(0, open).trim()), Integer.parseInt(f[1]), line.substring(open + 1, close),
                Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]), Long.parseLong(f[14]));
    }

    /** This JVM's times ({@code /proc/self/stat}): all its threads, JIT and GC included. */
    static Times self() {
        Times t = read(PROC.resolve("self"));
        if (t == null) {
            throw new IllegalStateException("no /proc/self/stat: CPU times need Linux");
        }
        return t;
    }

    /**
     * All the CPU, in ticks, of process {@code root} and of every process below it, each counted
     * with its reaped children: a server's whole tree (smbd's parent, its per-connection children
     * and helpers, and the children that already exited, which the parent holds in its cutime and
     * cstime). Read until the root's reaped-children total holds still across one pass, so that a
     * child reaped during the pass is neither lost nor counted twice.
     */
    static long treeTicks(int root) {
        for (int attempt = 0; ; attempt++) {
            Times before = read(PROC.resolve(String.valueOf(root)));
            if (before == null) {
                throw new IllegalStateException("process " + root + " is gone");
            }
            long sum = 0;
            for (Times t : below(root)) {
                sum += t.all();
            }
            Times after = read(PROC.resolve(String.valueOf(root)));
            if (after != null && after.cutime() + after.cstime() == before.cutime() + before.cstime() || attempt == 10) {
                return sum + before.all();
            }
        }
    }

    /** The processes below {@code root} (children, their children...), not root itself. */
    private static List<Times> below(int root) {
        Map<Integer, List<Times>> byParent = new HashMap<>();
        try (DirectoryStream<Path> d = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path p : d) {
                Times t = read(p);
                if (t != null) {
                    byParent.computeIfAbsent(t.ppid(), k -> new ArrayList<>()).add(t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Times> out = new ArrayList<>();
        List<Integer> todo = new ArrayList<>(List.of(root));
        while (!todo.isEmpty()) {
            for (Times t : byParent.getOrDefault(todo.removeLast(), List.of())) {
                out.add(t);
                todo.add(t.pid());
            }
        }
        return out;
    }

    /** The times of the process at {@code dir}, or null when it has gone meanwhile. */
    private static Times read(Path dir) {
        try {
            return parse(Files.readString(dir.resolve("stat"), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return null; // exited between the listing and the read
        }
    }

    /** Clock ticks to microseconds. */
    static double micros(long ticks) {
        return ticks * 1e6 / TICKS_PER_SECOND;
    }

    private static long loadTicksPerSecond() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (p.waitFor() == 0 && out.matches("[0-9]+") && Long.parseLong(out) > 0) {
                return Long.parseLong(out);
            }
        } catch (IOException e) {
            // fall through: the kernel's USER_HZ is 100 on every Linux this runs on
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }

    /** The clock ticks a second of CPU has ({@code getconf CLK_TCK}). */
    static long ticksPerSecond() {
        return TICKS_PER_SECOND;
    }
}
