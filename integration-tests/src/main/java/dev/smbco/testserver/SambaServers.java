package dev.smbco.testserver;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Starts Samba servers. {@link SambaExtension} uses it for shared servers; a test that wants
 * a server of its own, to stop or kill it, calls {@link #startDedicated(SambaVariant)}:
 * <pre>{@code
 * try (DedicatedSambaServer server = SambaServers.startDedicated(SambaVariant.DEFAULT)) {
 *     ... server.kill(); ...
 * }
 * }</pre>
 */
public final class SambaServers {
    private static final Logger LOG = LoggerFactory.getLogger(SambaServers.class);
    private static final List<SambaContainer> STARTED = new ArrayList<>();

    private SambaServers() {
    }

    /** A new server of {@code variant} on the first available of container and local smbd. */
    public static DedicatedSambaServer startDedicated(SambaVariant variant) {
        return startDedicated(variant, SambaBackend.CONTAINER, SambaBackend.LOCAL);
    }

    /**
     * A new server of {@code variant} on the first available of {@code backends}
     * (container or local; an external server cannot be dedicated).
     *
     * @throws SambaUnavailableException if none is available, saying why
     */
    public static DedicatedSambaServer startDedicated(SambaVariant variant, SambaBackend... backends) {
        SambaBackend backend = choose(variant, true, backends);
        return start(variant, backend);
    }

    /** The backend that would serve {@code variant}: the first available of {@code accepted} (all if empty). */
    static SambaBackend choose(SambaVariant variant, boolean dedicated, SambaBackend... accepted) {
        List<SambaBackend> candidates = new ArrayList<>(accepted.length == 0
                ? List.of(SambaBackend.EXTERNAL, SambaBackend.CONTAINER, SambaBackend.LOCAL)
                : Arrays.asList(accepted));
        List<String> reasons = new ArrayList<>();
        for (SambaBackend b : candidates) {
            Optional<String> why = b == SambaBackend.EXTERNAL ? externalUnusable(variant, dedicated) : Backends.unavailableReason(b);
            if (why.isEmpty()) {
                return b;
            }
            reasons.add(b + ": " + why.get());
        }
        throw new SambaUnavailableException("no Samba server for variant " + variant.id() + " - " + String.join("; ", reasons));
    }

    private static Optional<String> externalUnusable(SambaVariant variant, boolean dedicated) {
        Optional<ExternalSambaServer> external = ExternalSambaServer.fromEnvironment(System.getenv());
        if (external.isEmpty()) {
            return Optional.of("SMBCO_TEST_SERVER is not set");
        }
        if (dedicated) {
            return Optional.of("an external server cannot be dedicated to one test");
        }
        if (external.get().variant() != variant) {
            return Optional.of("SMBCO_TEST_SERVER is variant " + external.get().variant().id() + " (SMBCO_TEST_VARIANT), not " + variant.id());
        }
        return Optional.empty();
    }

    /** Starts (or, for EXTERNAL, names) a server of {@code variant} on {@code backend}. */
    static DedicatedSambaServer start(SambaVariant variant, SambaBackend backend) {
        return switch (backend) {
            case CONTAINER -> startContainer(variant);
            case LOCAL -> LocalSmbd.start(variant);
            case EXTERNAL -> throw new IllegalArgumentException("an external server is not started by the tests");
        };
    }

    static ExternalSambaServer external() {
        return ExternalSambaServer.fromEnvironment(System.getenv())
                .orElseThrow(() -> new SambaUnavailableException("SMBCO_TEST_SERVER is not set"));
    }

    /**
     * Ryuk (Testcontainers' reaper) is off under podman, so a JVM killed before JUnit closes
     * its store would leave containers running; a shutdown hook stops what is still up.
     */
    private static void stopAtExit(SambaContainer container) {
        synchronized (STARTED) {
            if (STARTED.isEmpty()) {
                Runtime.getRuntime().addShutdownHook(new Thread(SambaServers::stopStarted, "smbco-samba-containers-stop"));
            }
            STARTED.add(container);
        }
    }

    private static void stopStarted() {
        List<SambaContainer> all;
        synchronized (STARTED) {
            all = List.copyOf(STARTED);
        }
        for (SambaContainer c : all) {
            try {
                c.stop();
            } catch (RuntimeException e) {
                LOG.warn("stopping {} at exit", c, e);
            }
        }
    }

    private static SambaContainer startContainer(SambaVariant variant) {
        long t0 = System.nanoTime();
        SambaContainer container = Backends.newContainer().withVariant(variant);
        try {
            container.start();
        } catch (RuntimeException e) {
            container.stop();
            throw new IllegalStateException("the Samba container (" + variant.id() + ") did not start: " + e.getMessage(), e);
        }
        LOG.info("started {} in {} ms", container.describe(), (System.nanoTime() - t0) / 1_000_000);
        stopAtExit(container);
        return container;
    }
}
