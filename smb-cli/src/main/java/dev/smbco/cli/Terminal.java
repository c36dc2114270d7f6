package dev.smbco.cli;

import java.io.Console;
import java.lang.reflect.Method;

/**
 * What the command knows about the user's terminal: whether stderr is one (for the progress bar) and
 * whether it may prompt for a password. Tests pass their own.
 */
public interface Terminal {

    /** Whether stderr is attached to a terminal, so a progress bar can redraw itself. */
    boolean stderrIsTerminal();

    /** Whether a user can be asked for input ({@link #readLine}/{@link #readPassword} work). */
    boolean canPrompt();

    /** Reads a line after a prompt; null at end of input. */
    String readLine(String prompt);

    /** Reads a password without echo; null at end of input. */
    char[] readPassword(String prompt);

    /** A terminal that cannot prompt and is not a tty: what scripts and tests get. */
    Terminal NONE = new Terminal() {
        @Override public boolean stderrIsTerminal() { return false; }
        @Override public boolean canPrompt() { return false; }
        @Override public String readLine(String prompt) { return null; }
        @Override public char[] readPassword(String prompt) { return null; }
    };

    /**
     * The process's terminal. stderr counts as a terminal when the launcher says so
     * ({@code -Dsmbco.stderr.tty=true}, from {@code [ -t 2 ]}), else when a console is attached. The
     * console is looked up only when it is needed (a prompt, or stderr without the launcher's word):
     * {@link System#console()} costs a cold command tens of milliseconds, and most commands never
     * prompt (BENCHMARKS.md, "Cold start: the remaining levers").
     */
    static Terminal system() {
        String told = System.getProperty("smbco.stderr.tty");
        return new Terminal() {
            private boolean looked;
            private Console console;

            private synchronized Console console() {
                if (!looked) {
                    console = interactiveConsole();
                    looked = true;
                }
                return console;
            }

            @Override public boolean stderrIsTerminal() { return told != null ? Boolean.parseBoolean(told) : console() != null; }
            @Override public boolean canPrompt() { return console() != null; }
            @Override public String readLine(String prompt) { return console() == null ? null : console().readLine("%s", prompt); }
            @Override public char[] readPassword(String prompt) { return console() == null ? null : console().readPassword("%s", prompt); }
        };
    }

    /**
     * {@link System#console()} when it really is a terminal. From JDK 22 on a console object may exist
     * with redirected streams; {@code Console.isTerminal()} (JDK 22+, looked up at run time because we
     * compile for 21) tells them apart.
     */
    private static Console interactiveConsole() {
        Console console = System.console();
        if (console == null) {
            return null;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console)) ? console : null;
        } catch (NoSuchMethodException e) {
            return console; // JDK 21: a non-null console is a terminal
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
