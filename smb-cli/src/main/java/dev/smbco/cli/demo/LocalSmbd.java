package dev.smbco.cli.demo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A private smbd started by {@code docker/samba-setup.sh local start DIR} on a free loopback port,
 * with all its state under DIR (needs root and an installed samba).
 *
 * <p>The script runs under {@code setsid}: smbd is started with {@code --no-process-group}, and
 * when it stops it signals its whole process group, which without a session of its own would be
 * ours (and our caller's shell).
 */
final class LocalSmbd implements DemoServer {
    private final Path script;
    private final Path state;
    private final Map<String, String> env;
    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final String pid;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private LocalSmbd(Path script, Path state, Map<String, String> env, Map<String, String> info, String password) {
        this.script = script;
        this.state = state;
        this.env = env;
        this.host = info.getOrDefault("HOST", "127.0.0.1");
        this.port = Integer.parseInt(info.get("PORT"));
        this.user = info.getOrDefault("USER", "test");
        this.password = password;
        this.pid = info.getOrDefault("PID", "?");
    }

    /** Starts it; throws {@link IllegalStateException} with the script's own message when it cannot. */
    static LocalSmbd start(Path home, Path state, String password) {
        Path script = home.resolve("docker/samba-setup.sh");
        Map<String, String> env = DemoEnv.scriptEnv(password);
        Shell.Result r = Shell.run(List.of("setsid", "bash", script.toString(), "local", "start", state.toString()), home, env, Duration.ofSeconds(60));
        if (!r.ok()) {
            Shell.run(List.of("setsid", "bash", script.toString(), "local", "stop", state.toString()), home, env, Duration.ofSeconds(30));
            throw new IllegalStateException(lastLine(r.err(), "samba-setup.sh local start failed (exit " + r.exitCode() + ")"));
        }
        Map<String, String> info = new HashMap<>();
        for (String line : r.out().split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                info.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
            }
        }
        if (!info.containsKey("PORT")) {
            throw new IllegalStateException("samba-setup.sh local start printed no PORT");
        }
        return new LocalSmbd(script, state, env, info, password);
    }

    static String lastLine(String text, String fallback) {
        String[] lines = text.strip().split("\n");
        String last = lines[lines.length - 1].strip();
        return last.isEmpty() ? fallback : last;
    }

    @Override public String host() { return host; }
    @Override public int port() { return port; }
    @Override public String user() { return user; }
    @Override public String password() { return password; }

    @Override
    public String describe() {
        return "private local smbd (pid " + pid + ", state in " + state + ")";
    }

    @Override
    public void stop() {
        if (stopped.compareAndSet(false, true)) {
            Shell.run(List.of("setsid", "bash", script.toString(), "local", "stop", state.toString()), null, env, Duration.ofSeconds(30));
        }
    }
}
