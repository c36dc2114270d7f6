package dev.smbco.cli;

import dev.smbco.cli.remote.Remote;
import dev.smbco.cli.transfer.PartialFiles;
import dev.smbco.cli.transfer.ProgressMeter;

/**
 * One command's run: its connections (made on first use), the partial files being written, and the
 * Ctrl-C hook. On Ctrl-C (the JVM's shutdown hook) the progress bar is erased, every partial
 * destination is deleted (local ones first; remote ones while the connection still works) and the
 * connections are closed politely (tree disconnect, logoff); then the JVM exits with 130.
 */
public final class Session implements AutoCloseable {
    /** Set once Ctrl-C was handled: what fails afterwards is a consequence, not news for the user. */
    private static volatile boolean interrupted;

    /** How long Ctrl-C waits for partial files to be deleted before it closes the connections. */
    private static final java.time.Duration DISCARD_WAIT = java.time.Duration.ofSeconds(3);

    private final SmbcoCommand root;
    private final PartialFiles partials = new PartialFiles();
    private final Thread hook;
    private volatile Remote remote;
    private volatile ProgressMeter meter;
    private volatile boolean closed;

    public Session(SmbcoCommand root) {
        StartupTrace.mark("picocli: arguments parsed, command runs");
        this.root = root;
        this.hook = new Thread(this::onShutdown, "smbco-interrupt");
        Runtime.getRuntime().addShutdownHook(hook);
    }

    public SmbcoCommand options() {
        return root;
    }

    public Io io() {
        return root.io();
    }

    /** The run's connections, made now if this is the first use. */
    public synchronized Remote remote() {
        if (remote == null) {
            remote = root.io().connector().open(root);
        }
        return remote;
    }

    public PartialFiles partials() {
        return partials;
    }

    /** A progress meter for a copy of {@code total} bytes (-1: unknown), drawn as the options say. */
    public ProgressMeter meter(long total) {
        ProgressMeter m = new ProgressMeter(io().err(), root.showProgress(), root.quiet(), total);
        meter = m;
        return m;
    }

    /** The shutdown hook: Ctrl-C (or SIGTERM) while the command runs. */
    private void onShutdown() {
        if (closed) {
            return;
        }
        interrupted = true;
        ProgressMeter m = meter;
        if (m != null) {
            m.stop();
        }
        if (partials.size() > 0) {
            io().err().println("smbco: interrupted; removing partial files");
        } else {
            io().err().println("smbco: interrupted");
        }
        // a stalled server must not keep Ctrl-C waiting for the request timeout
        Thread discard = Thread.ofVirtual().name("smbco-discard").start(partials::discardAll);
        try {
            discard.join(DISCARD_WAIT);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        Remote r = remote;
        if (r != null) {
            r.close();
        }
        io().err().flush();
    }

    /** Whether the process is shutting down after Ctrl-C (or SIGTERM) during a command. */
    public static boolean wasInterrupted() {
        return interrupted;
    }

    @Override
    public void close() {
        closed = true;
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            return; // the JVM is already shutting down: the hook does the cleanup
        }
        Remote r = remote;
        if (r != null) {
            StartupTrace.mark("command's work done, closing (TREE_DISCONNECT, LOGOFF, event loop)");
            r.close();
        }
    }
}
