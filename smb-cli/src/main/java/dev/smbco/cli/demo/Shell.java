package dev.smbco.cli.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Runs a helper program (bash scripts, podman) with a deadline and collects its output. */
final class Shell {
    record Result(int exitCode, String out, String err) {
        boolean ok() {
            return exitCode == 0;
        }
    }

    private Shell() {
    }

    /**
     * Runs {@code command} in {@code dir} with extra environment (a null value removes a variable).
     * A command that outlives {@code timeout} is killed and reported with exit code -1.
     */
    static Result run(List<String> command, Path dir, Map<String, String> env, Duration timeout) {
        return run(command, dir, env, timeout, null);
    }

    /**
     * Like {@link #run(List, Path, Map, Duration)}, and also copies each line the command writes to
     * its stderr to {@code errTo} as it comes (when not null), for what the user should see at once.
     */
    static Result run(List<String> command, Path dir, Map<String, String> env, Duration timeout, PrintStream errTo) {
        ProcessBuilder pb = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.PIPE);
        if (dir != null) {
            pb.directory(dir.toFile());
        }
        env.forEach((k, v) -> {
            if (v == null) {
                pb.environment().remove(k);
            } else {
                pb.environment().put(k, v);
            }
        });
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Result(127, "", command.getFirst() + ": " + e.getMessage());
        }
        try {
            p.getOutputStream().close();
        } catch (IOException ignored) {
            // nothing to say to it anyway
        }
        CompletableFuture<String> out = drain(p.getInputStream());
        CompletableFuture<String> err = errTo == null ? drain(p.getErrorStream()) : drainLines(p.getErrorStream(), errTo);
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                p.waitFor(5, TimeUnit.SECONDS);
                return new Result(-1, out.getNow(""), "timed out after " + timeout.toSeconds() + " s: " + String.join(" ", command));
            }
            return new Result(p.exitValue(), out.join(), err.join());
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            return new Result(-1, "", "interrupted");
        }
    }

    private static CompletableFuture<String> drainLines(InputStream in, PrintStream errTo) {
        CompletableFuture<String> f = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            StringBuilder all = new StringBuilder();
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    all.append(line).append('\n');
                    errTo.println(line);
                    errTo.flush();
                }
                f.complete(all.toString());
            } catch (IOException e) {
                f.completeExceptionally(new UncheckedIOException(e));
            }
        });
        return f.exceptionally(t -> "");
    }

    private static CompletableFuture<String> drain(InputStream in) {
        CompletableFuture<String> f = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (in) {
                f.complete(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                f.completeExceptionally(new UncheckedIOException(e));
            }
        });
        return f.exceptionally(t -> "");
    }
}
