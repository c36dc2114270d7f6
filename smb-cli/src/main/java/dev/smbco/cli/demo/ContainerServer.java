package dev.smbco.cli.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The Samba image built from {@code docker/} ({@code localhost/smbco-samba:latest} by default), run
 * with podman against the Docker-compatible API socket that {@code scripts/samba-env} finds, its
 * port 445 published on a free loopback port.
 */
final class ContainerServer implements DemoServer {
    private static final String READY = "SMBCO_SAMBA_READY";

    private final List<String> podman;
    private final String id;
    private final int port;
    private final String password;
    private final String image;
    private final AtomicBoolean stopped = new AtomicBoolean();

    private ContainerServer(List<String> podman, String id, int port, String password, String image) {
        this.podman = podman;
        this.id = id;
        this.port = port;
        this.password = password;
        this.image = image;
    }

    /**
     * Starts the container and waits until Samba answers.
     *
     * @param dockerHost the engine's API URL ({@code unix:///run/podman/podman.sock})
     * @throws IllegalStateException when the image is missing or the container does not come up
     */
    static ContainerServer start(String dockerHost, String image, String password) {
        List<String> podman = List.of("podman", "--url", dockerHost);
        if (!Shell.run(cmd(podman, "image", "exists", image), null, Map.of(), Duration.ofSeconds(20)).ok()) {
            throw new IllegalStateException("the image " + image + " is not built (bash scripts/test-env.sh builds it)");
        }
        Shell.Result run = Shell.run(cmd(podman, "run", "-d", "--rm", "-e", "SMBCO_PASSWORD=" + password,
                "-p", "127.0.0.1::445", image), null, Map.of(), Duration.ofSeconds(60));
        if (!run.ok()) {
            throw new IllegalStateException("podman run failed: " + LocalSmbd.lastLine(run.err(), "exit " + run.exitCode()));
        }
        String id = run.out().strip();
        ContainerServer server = null;
        try {
            // "podman wait --condition" knows no readiness; the image prints READY once smbd answers
            Shell.Result ready = Shell.run(List.of("bash", "-c",
                    "for i in $(seq 300); do \"$@\" 2>&1 | grep -q " + READY + " && exit 0; sleep 0.1; done; exit 1",
                    "_", "podman", "--url", dockerHost, "logs", id), null, Map.of(), Duration.ofSeconds(40));
            if (!ready.ok()) {
                throw new IllegalStateException("the Samba container did not become ready within 30 s");
            }
            Shell.Result port = Shell.run(cmd(podman, "port", id, "445/tcp"), null, Map.of(), Duration.ofSeconds(20));
            String mapping = port.out().strip();
            int colon = mapping.lastIndexOf(':');
            if (!port.ok() || colon < 0) {
                throw new IllegalStateException("cannot tell the container's published port: " + mapping + port.err().strip());
            }
            server = new ContainerServer(podman, id, Integer.parseInt(mapping.substring(colon + 1).strip().split("\\s")[0]), password, image);
            return server;
        } finally {
            if (server == null) {
                Shell.run(cmd(podman, "rm", "-f", "-t", "1", id), null, Map.of(), Duration.ofSeconds(30));
            }
        }
    }

    private static List<String> cmd(List<String> base, String... args) {
        List<String> c = new ArrayList<>(base);
        c.addAll(List.of(args));
        return c;
    }

    @Override public String host() { return "127.0.0.1"; }
    @Override public int port() { return port; }
    @Override public String user() { return "test"; }
    @Override public String password() { return password; }

    @Override
    public String describe() {
        return "container " + id.substring(0, Math.min(12, id.length())) + " (" + image + ")";
    }

    @Override
    public void stop() {
        if (stopped.compareAndSet(false, true)) {
            Shell.run(cmd(podman, "rm", "-f", "-t", "1", id), null, Map.of(), Duration.ofSeconds(30));
        }
    }
}
