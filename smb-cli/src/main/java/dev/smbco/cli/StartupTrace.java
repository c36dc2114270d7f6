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
    private static final List<Object[]> MARKS = ON ? new ArrayList<>() : null;

    private StartupTrace() {
    }

    /**
     * Notes that the run reached {@code what} now. Only the time and the name are kept: formatting
     * here (String.format's first use loads the Formatter and compiles its pattern) would be
     * counted in the next step of every cold run.
     */
    public static void mark(String what) {
        if (ON) {
            java.time.Instant now = java.time.Instant.now();
            synchronized (MARKS) {
                MARKS.add(new Object[] {now, what});
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
                for (Object[] m : MARKS) {
                    java.time.Instant t = (java.time.Instant) m[0];
                    int micros = t.getNano() / 1000 % 1000;
                    err.println("smbco-startup: " + t.toEpochMilli() + "." + (micros < 10 ? "00" : micros < 100 ? "0" : "") + micros + " " + m[1]);
                }
            }
        }
    }
}
