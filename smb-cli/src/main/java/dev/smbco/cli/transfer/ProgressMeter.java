package dev.smbco.cli.transfer;

import java.io.PrintStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * Counts the bytes and files of a copy and, when enabled, redraws one progress line on stderr at
 * most ten times a second (from whichever transfer thread reports bytes; no timer thread).
 * {@link #finish} erases the line and prints the summary unless quiet.
 */
public final class ProgressMeter implements LongConsumer {
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int WIDTH = 79;

    private final PrintStream err;
    private final boolean draw;
    private final boolean quiet;
    private final long start = System.nanoTime();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong files = new AtomicLong();
    private volatile long total;
    private long lastDraw;
    private boolean drawn;
    private boolean stopped;

    /**
     * @param err   where to draw
     * @param draw  whether to draw the bar (stderr is a terminal, or --progress)
     * @param quiet no summary either (-q)
     * @param total expected bytes, or -1 when unknown
     */
    public ProgressMeter(PrintStream err, boolean draw, boolean quiet, long total) {
        this.err = err;
        this.draw = draw && !quiet;
        this.quiet = quiet;
        this.total = total;
    }

    /** Adds copied bytes (called from transfer threads). */
    @Override
    public void accept(long delta) {
        long done = bytes.addAndGet(delta);
        if (draw) {
            redraw(done, false);
        }
    }

    /** Counts one finished file. */
    public void fileDone() {
        files.incrementAndGet();
    }

    /** Takes back bytes of a file that failed, so the bar and the summary stay honest. */
    public void forget(long delta) {
        bytes.addAndGet(-delta);
    }

    public void setTotal(long total) {
        this.total = total;
    }

    public long bytes() {
        return bytes.get();
    }

    public long files() {
        return files.get();
    }

    public long elapsedNanos() {
        return System.nanoTime() - start;
    }

    private synchronized void redraw(long done, boolean force) {
        if (stopped) {
            return;
        }
        long now = System.nanoTime();
        if (!force && drawn && now - lastDraw < REDRAW_NANOS) {
            return;
        }
        lastDraw = now;
        drawn = true;
        err.print("\r" + pad(ProgressFormat.line(done, total, now - start, WIDTH)));
        err.flush();
    }

    /** Stops drawing and erases the bar (also used by the Ctrl-C hook). */
    public synchronized void stop() {
        if (drawn && !stopped) {
            err.print("\r" + " ".repeat(WIDTH) + "\r");
            err.flush();
        }
        stopped = true;
    }

    /** Stops drawing and prints {@code <verb> N files, X in T (R)} unless quiet. */
    public void finish(String verb) {
        if (draw) {
            redraw(bytes.get(), true);
        }
        stop();
        if (!quiet) {
            err.println(ProgressFormat.summary(verb, files.get(), bytes.get(), elapsedNanos()));
        }
    }

    private static String pad(String s) {
        return s.length() >= WIDTH ? s : s + " ".repeat(WIDTH - s.length());
    }
}
