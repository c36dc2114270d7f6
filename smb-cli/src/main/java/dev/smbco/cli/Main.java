package dev.smbco.cli;

import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;

/**
 * Entry point of {@code smbco}. {@link #main} only exits with what {@link #run} returns, so the whole
 * command can be run in-process (tests) with its own streams.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        StartupTrace.mark("main entered (JVM started)");
        // The library logs through slf4j; a command line user gets one line per error instead,
        // and the library's own log only with -v.
        boolean verbose = false;
        for (String a : args) {
            verbose |= a.equals("-v") || a.equals("--verbose");
        }
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "info" : "off");
        // Netty 4.2 asks jdk.jfr whether Flight Recorder is available and, when it is, registers its
        // buffer events on the first allocation: a third of a second of JFR metadata set-up in every
        // cold command, for events nobody records. -Dio.netty.jfr.enabled=true brings them back.
        if (System.getProperty("io.netty.jfr.enabled") == null) {
            System.setProperty("io.netty.jfr.enabled", "false");
        }
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = run(args, System.in, out, err);
        out.flush();
        StartupTrace.print(err);
        err.flush();
        System.exit(status);
    }

    /** Runs one command with the process's environment and terminal; returns the exit status. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, new Io(in, out, err, System.getenv(), Terminal.system()));
    }

    /** Runs one command in the given world; returns the exit status (see {@link ExitStatus}). */
    public static int run(String[] args, Io io) {
        SmbcoCommand root = new SmbcoCommand(io);
        CommandLine cl = commandLine(root, io, args);
        StartupTrace.mark("picocli: command model built");
        try {
            return cl.execute(args);
        } finally {
            io.out().flush();
            io.err().flush();
        }
    }

    /**
     * The command line for {@code args} (null: every subcommand). Only the subcommands whose names
     * appear among the arguments are added: the one being run is always among them, and picocli
     * need not build the models of the others. Without a known name, or with a help or version
     * option, all of them are added, so the usage and picocli's suggestions stay complete.
     */
    static CommandLine commandLine(SmbcoCommand root, Io io, String[] args) {
        CommandLine cl = new CommandLine(root.model());
        java.util.Set<String> used = usedSubcommands(args);
        for (var e : SmbcoCommand.SUBCOMMANDS.entrySet()) {
            if (used == null || used.contains(e.getKey())) {
                cl.addSubcommand(e.getKey(), e.getValue().commandLine(root));
            }
        }
        cl.setOut(new PrintWriter(io.out(), true));
        cl.setErr(new PrintWriter(io.err(), true));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setParameterExceptionHandler((ex, unused) -> {
            io.err().println("smbco: " + ex.getMessage());
            io.err().println("Try 'smbco " + subcommandName(ex.getCommandLine()) + "--help' for more information.");
            return ExitStatus.USAGE.code();
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> report(explain(Failures.toCli(ex), root), root.verbose(), io));
        return cl;
    }

    /** A failure after {@code --deadline} passed is the deadline's ({@link CommandDeadline#explain}). */
    private static CliException explain(CliException e, SmbcoCommand root) {
        CommandDeadline deadline;
        try {
            deadline = root.deadline();
        } catch (CliException malformed) {
            return e; // already reported as the usage error it is
        }
        return deadline == null ? e : deadline.explain(e);
    }

    /** Prints one line (plus the stack trace with -v) and returns the exit code. */
    static int report(CliException e, boolean verbose, Io io) {
        io.out().flush();
        if (Session.wasInterrupted()) {
            return e.status().code(); // the JVM exits with 130/143 anyway; the hook said what happened
        }
        io.err().println("smbco: " + e.getMessage());
        if (verbose && e.getCause() != null) {
            e.getCause().printStackTrace(io.err());
        }
        return e.status().code();
    }

    /** The subcommand names among {@code args}, or null when every subcommand is needed. */
    static java.util.Set<String> usedSubcommands(String[] args) {
        if (args == null) {
            return null;
        }
        java.util.Set<String> used = new java.util.HashSet<>();
        for (String a : args) {
            if (a.equals("help") || a.equals("-h") || a.equals("--help") || a.equals("-V") || a.equals("--version")) {
                return null;
            }
            if (SmbcoCommand.SUBCOMMANDS.containsKey(a)) {
                used.add(a);
            }
        }
        return used.isEmpty() ? null : used;
    }

    private static String subcommandName(CommandLine cl) {
        return cl.getParent() == null ? "" : cl.getCommandName() + " ";
    }
}
