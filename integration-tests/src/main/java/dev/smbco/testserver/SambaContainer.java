package dev.smbco.testserver;

import com.github.dockerjava.api.command.InspectContainerResponse;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.utility.DockerImageName;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Future;

/**
 * The smbco Samba test server as a Testcontainers container, for your own tests too:
 * <pre>{@code
 * try (SambaContainer samba = new SambaContainer().withVariant(SambaVariant.SMB311_ONLY).withUser("alice", "pw")) {
 *     samba.start();
 *     connect(samba.host(), samba.port(), samba.user(), samba.password());
 * }
 * }</pre>
 * The image defaults to {@code $SMBCO_SAMBA_IMAGE} or {@value #DEFAULT_IMAGE} (built by
 * {@code scripts/test-env.sh} from {@code docker/}); {@link #fromDockerfile(Path)} builds it
 * on the fly instead. Port 445 is mapped to a random host port.
 */
public final class SambaContainer extends GenericContainer<SambaContainer> implements DedicatedSambaServer {
    public static final String DEFAULT_IMAGE = "localhost/smbco-samba:latest";
    public static final int SMB_PORT = 445;
    /** The line samba-setup.sh prints once smbd accepts connections. */
    static final String READY_LINE = "SMBCO_SAMBA_READY";

    private SambaVariant variant = SambaVariant.DEFAULT;
    private String user = DEFAULT_USER;
    private String password = DEFAULT_PASSWORD;
    private volatile int lastPort;
    private volatile String lastHost;

    public SambaContainer() {
        this(imageName());
    }

    public SambaContainer(String image) {
        this(DockerImageName.parse(image));
    }

    public SambaContainer(DockerImageName image) {
        super(image);
        setUp();
    }

    private SambaContainer(Future<String> image) {
        super(image);
        setUp();
    }

    /**
     * A container whose image is built from a {@code docker/} directory first (slow the first
     * time) and tagged {@code imageName}, so later runs find it.
     */
    public static SambaContainer fromDockerfile(Path dockerDir, String imageName) {
        return new SambaContainer(new ImageFromDockerfile(imageName, false).withFileFromPath(".", dockerDir));
    }

    /** {@code $SMBCO_SAMBA_IMAGE}, else {@value #DEFAULT_IMAGE}. */
    public static String imageName() {
        String image = System.getenv("SMBCO_SAMBA_IMAGE");
        return image == null || image.isBlank() ? DEFAULT_IMAGE : image;
    }

    private void setUp() {
        withExposedPorts(SMB_PORT);
        waitingFor(Wait.forLogMessage(".*" + READY_LINE + ".*\\n", 1).withStartupTimeout(Duration.ofSeconds(60)));
        applyEnv();
    }

    public SambaContainer withVariant(SambaVariant variant) {
        this.variant = variant;
        applyEnv();
        return self();
    }

    public SambaContainer withUser(String user, String password) {
        this.user = user;
        this.password = password;
        applyEnv();
        return self();
    }

    private void applyEnv() {
        variant.env().forEach(this::withEnv);
        withEnv("SMBCO_USER", user);
        withEnv("SMBCO_PASSWORD", password);
    }

    /** The host to connect to; {@code localhost} is given as {@code 127.0.0.1} (never IPv6 by surprise). */
    @Override
    public String host() {
        if (lastHost != null && getContainerId() == null) {
            return lastHost;
        }
        String host = getHost();
        return "localhost".equals(host) ? "127.0.0.1" : host;
    }

    /** The mapped port; after a stop still the last one (so a test can see it refuse connections). */
    @Override
    public int port() {
        return lastPort > 0 && getContainerId() == null ? lastPort : getMappedPort(SMB_PORT);
    }

    @Override
    protected void containerIsStarted(InspectContainerResponse info) {
        super.containerIsStarted(info);
        lastPort = getMappedPort(SMB_PORT);
        lastHost = host();
    }

    @Override
    public String user() {
        return user;
    }

    @Override
    public String password() {
        return password;
    }

    @Override
    public String domain() {
        return DEFAULT_DOMAIN;
    }

    @Override
    public SambaVariant variant() {
        return variant;
    }

    @Override
    public SambaBackend backend() {
        return SambaBackend.CONTAINER;
    }

    @Override
    public boolean isRunning() {
        return getContainerId() != null && super.isRunning();
    }

    @Override
    public void kill() {
        if (getContainerId() != null && isRunning()) {
            getDockerClient().killContainerCmd(getContainerId()).withSignal("KILL").exec();
        }
        stop();
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public String toString() {
        return "SambaContainer[" + (getContainerId() == null ? variant.id() + ", not started" : describe()) + "]";
    }
}
