package dev.smbco.cli;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a cold command spends its time, for {@code scripts/bench-cli.sh --breakdown}: with
 * {@code -Dsmbco.trace.startup=true} the milestones of the run (JVM start, picocli parsed, client
 * created, connected, logged on, ...) are printed to stderr at exit as wall-clock times (epoch
 * milliseconds, so that a script can set them against its own clock). Off (the default) it costs
 * one static boolean test per milestone.
 */
public final class StartupTrace {
    private static final boolean ON = Boolean.getBoolean("smbco.trace.startup");
    private static final List<String> MARKS = ON ? new ArrayList<>() : null;

    private StartupTrace() {
    }

    /** Notes that the run reached {@code what} now. */
    public static void mark(String what) {
        if (ON) {
            java.time.Instant now = java.time.Instant.now();
            synchronized (MARKS) {
                MARKS.add(String.format("%d.%03d %s", now.toEpochMilli(), now.getNano() / 1000 % 1000, what));
            }
        }
    }

    /** Prints the milestones (when tracing is on). */
    static void print(PrintStream err) {
        if (ON) {
            mark("command done");
            synchronized (MARKS) {
                err.println("smbco-startup: " + java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()
                        + ".000 JVM start (RuntimeMXBean)");
                MARKS.forEach(m -> err.println("smbco-startup: " + m));
            }
        }
    }
}
