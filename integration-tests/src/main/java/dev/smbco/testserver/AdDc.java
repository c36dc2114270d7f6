package dev.smbco.testserver;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throwaway Samba Active Directory domain controller (realm {@code SMBCO.TEST}): its KDC, LDAP
 * and RPC on a loopback address of their own ({@code 127.0.0.88} by default, {@code SMBCO_DC_ADDR}
 * picks another, so the fixed ports 88/389/135... clash with nothing on 127.0.0.1), its smbd
 * serving {@value #SHARE} and {@value #ENCRYPTED_SHARE} on 445 (or a free port). Provisioned and
 * started by {@code docker/ad-dc-setup.sh MODE start DIR}, stopped by the same script:
 * <ul>
 * <li>{@link AdDcBackend#LOCAL}: samba on this machine (about 40 s on two cores); stopping ends
 * exactly the processes of this instance (by PID, found by the private smb.conf on their command line);
 * <li>{@link AdDcBackend#CONTAINER}: the same script inside a container of the test image, with the
 * host's network and DIR mounted at the same path; stopping stops and removes that container by name.
 * </ul>
 * {@code SMBCO_AD_DC=local|container} chooses; unset, local first, the container when this
 * machine cannot run a local DC. Starting the shared one points the JDK's Kerberos at its
 * krb5.conf ({@code java.security.krb5.conf}), as an application would with {@code KRB5_CONFIG}.
 * Tests get the one shared instance through {@link AdDcExtension}; a test that needs a DC of its
 * own (on another address) calls {@link #startDedicated(AdDcBackend, String)}.
 */
public final class AdDc implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdDc.class);
    private static final long SCRIPT_TIMEOUT_SECONDS = 240;
    public static final String SHARE = "share";
    public static final String ENCRYPTED_SHARE = "enc";

    private final Path script;
    private final AdDcBackend backend;
    private final Path dir;
    private final Map<String, String> info;
    private final Thread shutdownHook;
    private boolean stopped;

    private AdDc(Path script, AdDcBackend backend, Path dir, Map<String, String> info) {
        this.script = script;
        this.backend = backend;
        this.dir = dir;
        this.info = info;
        this.shutdownHook = new Thread(this::close, "smbco-ad-dc-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Provisions and starts the test run's DC on the backend {@code SMBCO_AD_DC} chooses, and makes
     * its krb5.conf the JVM's and its names resolve in the JVM ({@link TestHosts}).
     *
     * @throws SambaUnavailableException if this machine cannot run one (not root, no samba or winbind, no podman or image)
     */
    public static AdDc start() {
        List<String> why = new ArrayList<>();
        for (AdDcBackend backend : AdDcBackend.candidates(System.getenv(AdDcBackend.SWITCH))) {
            try {
                AdDc dc = launch(backend, Map.of());
                System.setProperty("java.security.krb5.conf", dc.krb5Conf().toString());
                // the DC's names, which DFS DC and root referrals name, resolve in this JVM (TestHosts)
                TestHosts.map(dc.dcName(), dc.host());
                TestHosts.map(dc.dcName().substring(0, dc.dcName().indexOf('.')), dc.host());
                return dc;
            } catch (SambaUnavailableException e) {
                why.add(backend.mode() + ": " + e.getMessage());
            }
        }
        throw new SambaUnavailableException(String.join("; ", why));
    }

    /**
     * Provisions and starts a DC of its own on {@code address} (a loopback address no other DC
     * uses), without touching the JVM's Kerberos configuration or names: use its {@link #krb5Conf()}
     * from another process ({@code KRB5_CONFIG}). Close it when done.
     *
     * @throws SambaUnavailableException if this machine cannot run one on {@code backend}
     */
    public static AdDc startDedicated(AdDcBackend backend, String address) {
        return launch(backend, Map.of("SMBCO_DC_ADDR", address));
    }

    private static AdDc launch(AdDcBackend backend, Map<String, String> env) {
        Path dockerDir = DockerDir.find().orElseThrow(() -> new SambaUnavailableException(
                "docker/ad-dc-setup.sh not found above " + Path.of("").toAbsolutePath() + "; set SMBCO_DOCKER_DIR"));
        Path script = dockerDir.resolve("ad-dc-setup.sh");
        long t0 = System.nanoTime();
        try {
            Path dir = Files.createTempDirectory("smbco-ad-dc-");
            SetupScript r = SetupScript.run(script, backend.mode(), env, "start", dir, SCRIPT_TIMEOUT_SECONDS);
            if (r.exitCode() != 0) {
                SetupScript.run(script, backend.mode(), Map.of(), "stop", dir, SCRIPT_TIMEOUT_SECONDS);
                if (System.getenv("SMBCO_KEEP_SAMBA_STATE") == null) {
                    SetupScript.deleteTree(dir);
                }
                if (r.exitCode() == 2) {
                    throw new SambaUnavailableException("no AD DC: " + r.stderr().strip());
                }
                throw new IllegalStateException("the AD DC (" + backend.mode() + ") did not start: " + r.stderr().strip());
            }
            AdDc dc = new AdDc(script, backend, dir, r.info());
            LOG.info("started AD DC {} in {} ms (state in {})", dc, (System.nanoTime() - t0) / 1_000_000, dir);
            return dc;
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + script, e);
        }
    }

    /** Where this DC runs. */
    public AdDcBackend backend() {
        return backend;
    }

    /** The DC's loopback address (KDC, LDAP, SMB). */
    public String host() {
        return require("HOST");
    }

    /** The DC's SMB port. */
    public int port() {
        return Integer.parseInt(require("PORT"));
    }

    public InetSocketAddress address() {
        return new InetSocketAddress(host(), port());
    }

    /** {@code SMBCO.TEST}. */
    public String realm() {
        return require("REALM");
    }

    /** The NetBIOS domain, {@code SMBCO}. */
    public String domain() {
        return require("DOMAIN");
    }

    /**
     * The DC's DNS name ({@code dc1.smbco.test}): in no DNS, but resolved in the test JVM once the
     * DC has started ({@link TestHosts}; its short name {@code dc1} too), as DFS referrals name it.
     */
    public String dcName() {
        return require("DC_NAME");
    }

    /** The test user's name (without realm). */
    public String user() {
        return require("USER");
    }

    /** {@code user@REALM}. */
    public String principal() {
        return user() + "@" + realm();
    }

    /** The test user's password; a test secret only. */
    public String password() {
        return require("PASSWORD");
    }

    /** A realm in {@link #krb5Conf()} whose KDC never answers (for the unreachable-KDC tests). */
    public String unreachableRealm() {
        return require("UNREACHABLE_REALM");
    }

    /** Where {@link #unreachableRealm()}'s KDC would be (nothing listens there unless a test does). */
    public InetSocketAddress unreachableKdc() {
        String[] hostPort = require("UNREACHABLE_KDC").split(":");
        return new InetSocketAddress(hostPort[0], Integer.parseInt(hostPort[1]));
    }

    /** The krb5.conf for clients of this DC. */
    public Path krb5Conf() {
        return Path.of(require("KRB5_CONF"));
    }

    /** The DC's smb.conf, for {@code smbstatus -s} and {@code samba-tool -s}. */
    public Path smbConf() {
        return Path.of(require("SMB_CONF"));
    }

    /**
     * The domain's directory in the DC's sysvol share ({@code \\dc1.smbco.test\sysvol\smbco.test}):
     * a file written here by the test (as root, world-readable) is read through the DFS names
     * {@code \\SMBCO.TEST\sysvol\smbco.test\...} and {@code \\SMBCO\sysvol\...}.
     */
    public Path sysvolDir() {
        return Path.of(require("SYSVOL"));
    }

    /** The directory the DC serves as {@value #SHARE} (a file written here as root, mode 0644, is readable through it). */
    public Path shareDir() {
        return dir.resolve("shares").resolve(SHARE);
    }

    /** Where the DC's processes log (the authentication audit lines name the mechanism, e.g. {@code [SMB2,krb5]}). */
    public Path logDir() {
        return dir.resolve("log");
    }

    /** Whether the DC's main process (the container's, on {@link AdDcBackend#CONTAINER}) still runs. */
    public synchronized boolean isRunning() {
        return !stopped && ProcessHandle.of(Long.parseLong(require("PID"))).map(ProcessHandle::isAlive).orElse(false);
    }

    @Override
    public synchronized void close() {
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
            SetupScript.stop(script, backend.mode(), dir, SCRIPT_TIMEOUT_SECONDS, "the AD DC");
        } catch (IOException e) {
            LOG.warn("stopping the AD DC in {}", dir, e);
        }
    }

    @Override
    public String toString() {
        return "AdDc[" + realm() + " at " + host() + ", SMB port " + port() + ", " + backend.mode()
                + (info.containsKey("CONTAINER") ? " " + info.get("CONTAINER") : "") + "]";
    }

    private String require(String key) {
        String v = info.get(key);
        if (v == null) {
            throw new IllegalStateException("ad-dc-setup.sh printed no " + key + "= line");
        }
        return v;
    }
}
