package dev.smbco.testserver;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A private {@code smbd} on a free loopback port, run by {@code docker/samba-setup.sh local}
 * with all its state in a temporary directory that is deleted on {@link #stop()} (kept when
 * {@code SMBCO_KEEP_SAMBA_STATE} is set, for reading its logs). Needs root, or without root
 * libuid-wrapper and libnss-wrapper ({@link #unprivileged()}).
 */
public final class LocalSmbd implements DedicatedSambaServer {
    private static final Logger LOG = LoggerFactory.getLogger(LocalSmbd.class);
    private static final long SCRIPT_TIMEOUT_SECONDS = 60;

    private final Path script;
    private final Path stateDir;
    private final SambaVariant variant;
    private final Map<String, String> env;
    private volatile Map<String, String> info;
    private volatile long pid;
    private final Thread shutdownHook;
    private boolean stopped;

    private LocalSmbd(Path script, Path stateDir, SambaVariant variant, Map<String, String> env, Map<String, String> info) {
        this.script = script;
        this.stateDir = stateDir;
        this.variant = variant;
        this.env = Map.copyOf(env);
        this.info = info;
        this.pid = Long.parseLong(require(info, "PID"));
        this.shutdownHook = new Thread(this::stopQuietly, "smbco-local-smbd-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts a server of {@code variant} for the default test user. */
    public static LocalSmbd start(SambaVariant variant) {
        return start(variant, DEFAULT_USER, DEFAULT_PASSWORD);
    }

    public static LocalSmbd start(SambaVariant variant, String user, String password) {
        return start(variant, Map.of("SMBCO_USER", user, "SMBCO_PASSWORD", password));
    }

    /**
     * Starts a server of {@code variant} with more {@code SMBCO_*} settings of samba-setup.sh
     * ({@code SMBCO_ADDR}, {@code SMBCO_PORT}, {@code SMBCO_EXTRA_SHARES}, {@code SMBCO_DFS_ROOTS},
     * ...) for the default test user unless {@code settings} names another.
     */
    public static LocalSmbd start(SambaVariant variant, Map<String, String> settings) {
        Path dockerDir = DockerDir.find().orElseThrow(() -> new SambaUnavailableException(
                "docker/samba-setup.sh not found above " + Path.of("").toAbsolutePath() + "; set SMBCO_DOCKER_DIR"));
        Path script = dockerDir.resolve("samba-setup.sh");
        long t0 = System.nanoTime();
        try {
            Path dir = Files.createTempDirectory("smbco-smbd-");
            Map<String, String> env = new HashMap<>(variant.env());
            env.put("SMBCO_USER", DEFAULT_USER);
            env.put("SMBCO_PASSWORD", DEFAULT_PASSWORD);
            env.putAll(settings);
            SetupScript r = SetupScript.run(script, env, "start", dir, SCRIPT_TIMEOUT_SECONDS);
            if (r.exitCode() != 0) {
                SetupScript.run(script, Map.of(), "stop", dir, SCRIPT_TIMEOUT_SECONDS);
                SetupScript.deleteTree(dir);
                throw new IllegalStateException("local smbd did not start: " + r.stderr().strip());
            }
            Map<String, String> info = r.info();
            LocalSmbd server = new LocalSmbd(script, dir, variant, env, info);
            LOG.info("started {} in {} ms (state in {})", server.describe(), (System.nanoTime() - t0) / 1_000_000, dir);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + script, e);
        }
    }

    @Override
    public String host() {
        return require(info, "HOST");
    }

    @Override
    public int port() {
        return Integer.parseInt(require(info, "PORT"));
    }

    @Override
    public String user() {
        return require(info, "USER");
    }

    @Override
    public String password() {
        return require(info, "PASSWORD");
    }

    @Override
    public String domain() {
        return require(info, "DOMAIN");
    }

    @Override
    public SambaVariant variant() {
        return variant;
    }

    @Override
    public SambaBackend backend() {
        return SambaBackend.LOCAL;
    }

    /** Whether smbd runs without root, under uid_wrapper/nss_wrapper. */
    public boolean unprivileged() {
        return "unprivileged".equals(info.get("MODE"));
    }

    /** Where smbd writes its logs ({@code log.smbd}, {@code log.<client>}). */
    public Path logDir() {
        return stateDir.resolve("log");
    }

    /** The directory that share {@code name} serves (under the state directory). */
    public Path shareDir(String name) {
        return stateDir.resolve("shares").resolve(name);
    }

    /** The rendered smb.conf; pass it to Samba tools with {@code -s}. */
    public Path configFile() {
        return stateDir.resolve("smb.conf");
    }

    @Override
    public synchronized boolean isRunning() {
        return !stopped && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Override
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // the hook itself is stopping us
        }
        try {
            SetupScript.stop(script, stateDir, SCRIPT_TIMEOUT_SECONDS, "local smbd");
        } catch (IOException e) {
            throw new UncheckedIOException("could not stop local smbd in " + stateDir, e);
        }
    }

    @Override
    public synchronized void kill() {
        ProcessHandle.of(pid).ifPresent(main -> {
            List<ProcessHandle> children = main.descendants().toList();
            main.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        });
        stop();
    }

    /**
     * Kills smbd (SIGKILL, its RPC helpers too) and starts it again on the same port with the same
     * state directory: shares, passdb and Samba's databases are kept, connections die without an
     * orderly close. A client sees a server restart, as after a crash or an update.
     */
    public synchronized void restart() {
        if (stopped) {
            throw new IllegalStateException("restart of a stopped server: " + this);
        }
        int port = port();
        ProcessHandle.of(pid).ifPresent(main -> {
            List<ProcessHandle> children = main.descendants().toList();
            main.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
            // smbd is not this JVM's child: once killed it stays a zombie until its parent reaps it,
            // and a zombie holds no port, so waiting for "gone or zombie" is enough (bounded)
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
            while (main.isAlive() && !isZombie(main.pid())) {
                if (System.nanoTime() > deadline) {
                    LOG.info("smbd {} still running 10 s after SIGKILL; starting again anyway", main.pid());
                    break;
                }
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while restarting " + this, e);
                }
            }
        });
        LOG.info("killed smbd {}; starting it again on port {}", pid, port);
        try {
            SetupScript.run(script, Map.of(), "stop", stateDir, SCRIPT_TIMEOUT_SECONDS); // helpers, by PID
            Map<String, String> again = new HashMap<>(env);
            again.put("SMBCO_PORT", Integer.toString(port));
            SetupScript r = SetupScript.run(script, again, "start", stateDir, SCRIPT_TIMEOUT_SECONDS);
            if (r.exitCode() != 0) {
                throw new IllegalStateException("local smbd did not start again on port " + port + ": " + r.stderr().strip());
            }
            info = r.info();
            pid = Long.parseLong(require(info, "PID"));
            LOG.info("restarted {}", describe());
        } catch (IOException e) {
            throw new UncheckedIOException("could not restart local smbd in " + stateDir, e);
        }
    }

    /** Whether Linux reports the process as a zombie (state Z in /proc/PID/stat, after the name in parentheses). */
    private static boolean isZombie(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            int end = stat.lastIndexOf(')');
            return end > 0 && end + 2 < stat.length() && stat.charAt(end + 2) == 'Z';
        } catch (IOException gone) {
            return true;
        }
    }

    @Override
    public String toString() {
        return "LocalSmbd[" + describe() + (unprivileged() ? ", unprivileged" : "") + ", state=" + stateDir + "]";
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (RuntimeException e) {
            LOG.warn("stopping local smbd at exit", e);
        }
    }

    private static String require(Map<String, String> info, String key) {
        String v = info.get(key);
        if (v == null) {
            throw new IllegalStateException("samba-setup.sh printed no " + key + "= line");
        }
        return v;
    }
}
