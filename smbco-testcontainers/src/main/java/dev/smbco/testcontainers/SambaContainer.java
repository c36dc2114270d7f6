package dev.smbco.testcontainers;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Future;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A Samba server for tests, as a Testcontainers container:
 * <pre>{@code
 * try (SambaContainer samba = new SambaContainer()
 *         .withShare("data").withUser("alice", "pw").withSigningRequired().withEncryptedShare("secret")) {
 *     samba.start();
 *     URI data = samba.uri("data");   // smb://127.0.0.1:<mapped port>/data
 *     ... connect as samba.user() / samba.password() ...
 * }
 * }</pre>
 *
 * <p>Every server has four shares: {@value #SHARE} (read-write for the user), {@value #PUBLIC_SHARE}
 * (guest, read-write), {@value #ENCRYPTED_SHARE} (SMB3 encryption required) and
 * {@value #READ_ONLY_SHARE} (read-only, holds {@code hello.txt}); {@link #withShare} and
 * {@link #withEncryptedShare} add more. The user defaults to {@value #DEFAULT_USER} /
 * {@value #DEFAULT_PASSWORD} in domain {@value #DEFAULT_DOMAIN}. Port 445 is mapped to a random
 * host port.
 *
 * <p>The image: {@code new SambaContainer()} uses {@code $SMBCO_SAMBA_IMAGE}, else
 * {@value #DEFAULT_IMAGE}; when that image is missing or was built from other files than the
 * {@code docker/} files in this jar, it is built from them first (a minute or two, once; the base
 * image {@code debian:bookworm-slim} must be pullable or present). {@link #SambaContainer(String)}
 * uses the image it is given as it is.
 */
public class SambaContainer extends GenericContainer<SambaContainer> {
    /** The image name when {@code SMBCO_SAMBA_IMAGE} is not set; scripts/test-env.sh builds it too. */
    public static final String DEFAULT_IMAGE = "localhost/smbco-samba:latest";
    /** The SMB port inside the container. */
    public static final int SMB_PORT = 445;
    /** The read-write share of the user. */
    public static final String SHARE = "share";
    /** A share for guests, read-write. */
    public static final String PUBLIC_SHARE = "public";
    /** A share that requires SMB3 encryption. */
    public static final String ENCRYPTED_SHARE = "enc";
    /** A read-only share holding {@code hello.txt}. */
    public static final String READ_ONLY_SHARE = "ro";
    /** The user unless {@link #withUser} names another. */
    public static final String DEFAULT_USER = "test";
    /** The password of {@link #DEFAULT_USER}: a test password, never a real secret. */
    public static final String DEFAULT_PASSWORD = "test-password";
    /** The workgroup the server is in. */
    public static final String DEFAULT_DOMAIN = "WORKGROUP";
    /** The line the image's entrypoint prints once smbd accepts connections. */
    static final String READY_LINE = "SMBCO_SAMBA_READY";

    private String user = DEFAULT_USER;
    private String password = DEFAULT_PASSWORD;
    private final List<String> extraShares = new ArrayList<>();
    private final List<String> encryptedShares = new ArrayList<>();
    private volatile int lastPort;
    private volatile String lastHost;

    /** A server from the default image (see the class comment). */
    public SambaContainer() {
        this(SambaImage.resolve(imageName()));
    }

    /**
     * A server from {@code image}, used as it is (it must be built from smbco's {@code docker/}).
     *
     * @param image the image name, e.g. {@code localhost/smbco-samba:latest}; pulled if it is not local
     */
    public SambaContainer(String image) {
        this(DockerImageName.parse(image));
    }

    /**
     * A server from {@code image}, used as it is (it must be built from smbco's {@code docker/}).
     *
     * @param image the image; pulled if it is not local
     */
    public SambaContainer(DockerImageName image) {
        super(image);
        setUp();
    }

    private SambaContainer(Future<String> image) {
        super(image);
        setUp();
    }

    /**
     * The image the no-argument constructor starts.
     *
     * @return {@code $SMBCO_SAMBA_IMAGE} when set and not blank, else {@value #DEFAULT_IMAGE}
     */
    public static String imageName() {
        String image = System.getenv("SMBCO_SAMBA_IMAGE");
        return image == null || image.isBlank() ? DEFAULT_IMAGE : image;
    }

    private void setUp() {
        withExposedPorts(SMB_PORT);
        waitingFor(Wait.forLogMessage(".*" + READY_LINE + ".*\\n", 1).withStartupTimeout(Duration.ofSeconds(60)));
        withEnv("SMBCO_USER", user);
        withEnv("SMBCO_PASSWORD", password);
    }

    /**
     * The user that may log on, and its password. A Unix user name: lower-case letters, digits,
     * {@code _} and {@code -}, starting with a letter or {@code _}. Replaces the default
     * {@value #DEFAULT_USER}; takes effect at the next start.
     *
     * @param user the user name
     * @param password the password, not null
     * @return this container
     */
    public SambaContainer withUser(String user, String password) {
        this.user = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password");
        withEnv("SMBCO_USER", user);
        return withEnv("SMBCO_PASSWORD", password);
    }

    /**
     * One more read-write share for the user, empty at start; takes effect at the next start.
     *
     * @param name the share name: letters, digits, {@code _} and {@code -}
     * @return this container
     */
    public SambaContainer withShare(String name) {
        extraShares.add(Objects.requireNonNull(name, "name"));
        return withEnv("SMBCO_EXTRA_SHARES", String.join(" ", extraShares));
    }

    /**
     * One more share of the user that requires SMB3 encryption ({@code smb encrypt = required}):
     * a client that cannot encrypt (below SMB 3.0) is refused at TREE_CONNECT.
     *
     * @param name the share name: letters, digits, {@code _} and {@code -}
     * @return this container
     */
    public SambaContainer withEncryptedShare(String name) {
        encryptedShares.add(Objects.requireNonNull(name, "name"));
        return withEnv("SMBCO_ENCRYPTED_SHARES", String.join(" ", encryptedShares));
    }

    /**
     * The server requires signing ({@code server signing = mandatory}): it sets
     * SMB2_NEGOTIATE_SIGNING_REQUIRED (MS-SMB2 2.2.4), so every session must sign its messages.
     *
     * @return this container
     */
    public SambaContainer withSigningRequired() {
        return withEnv("SMBCO_SIGNING", "required");
    }

    /**
     * The dialects the server negotiates, from {@code min} to {@code max}: each one of
     * {@code SMB2_02}, {@code SMB2_10}, {@code SMB3_00}, {@code SMB3_02}, {@code SMB3_11}.
     *
     * @param min the lowest dialect ({@code server min protocol})
     * @param max the highest dialect ({@code server max protocol}), not below {@code min}
     * @return this container
     */
    public SambaContainer withProtocols(String min, String max) {
        withEnv("SMBCO_MIN_PROTOCOL", min);
        return withEnv("SMBCO_MAX_PROTOCOL", max);
    }

    /**
     * {@code smb2 max credits}: how many credits one connection may hold (MS-SMB2 3.3.1.2).
     *
     * @param credits 1..65535; Samba's default is 8192
     * @return this container
     */
    public SambaContainer withMaxCredits(int credits) {
        return withEnv("SMBCO_MAX_CREDITS", String.valueOf(credits));
    }

    /**
     * {@code smb2 max read}, {@code max write} and {@code max trans}: the MaxReadSize,
     * MaxWriteSize and MaxTransactSize the server announces in its NEGOTIATE response (MS-SMB2 2.2.4).
     *
     * @param bytes the limit in bytes, at least 65536
     * @return this container
     */
    public SambaContainer withMaxIo(int bytes) {
        return withEnv("SMBCO_MAX_IO", String.valueOf(bytes));
    }

    /**
     * The host to connect to; after a stop still the last one.
     *
     * @return the container's host, {@code localhost} given as {@code 127.0.0.1} (never IPv6 by surprise)
     */
    public String host() {
        if (lastHost != null && getContainerId() == null) {
            return lastHost;
        }
        String host = getHost();
        return "localhost".equals(host) ? "127.0.0.1" : host;
    }

    /**
     * The host port mapped to the container's SMB port 445.
     *
     * @return the mapped port; after a stop still the last one (so a test can see it refuse connections)
     */
    public int port() {
        return lastPort > 0 && getContainerId() == null ? lastPort : getMappedPort(SMB_PORT);
    }

    /**
     * The URI of a share of this server, as {@code FileSystems.newFileSystem} and
     * {@code SmbUri.parse} take it.
     *
     * @param share a share name, one of {@link #shares()}
     * @return {@code smb://host:port/share}
     */
    public URI uri(String share) {
        return URI.create("smb://" + host() + ":" + port() + "/" + share);
    }

    /**
     * The user that may log on.
     *
     * @return the user name, {@value #DEFAULT_USER} unless {@link #withUser} changed it
     */
    public String user() {
        return user;
    }

    /**
     * The user's password.
     *
     * @return the password, {@value #DEFAULT_PASSWORD} unless {@link #withUser} changed it
     */
    public String password() {
        return password;
    }

    /**
     * The workgroup the user belongs to, the domain of its NTLM logon.
     *
     * @return {@value #DEFAULT_DOMAIN}
     */
    public String domain() {
        return DEFAULT_DOMAIN;
    }

    /**
     * Every share this server has.
     *
     * @return an immutable list: the four built-in shares, then those added with
     *     {@link #withShare} and {@link #withEncryptedShare}, in the order added
     */
    public List<String> shares() {
        List<String> all = new ArrayList<>(List.of(SHARE, PUBLIC_SHARE, ENCRYPTED_SHARE, READ_ONLY_SHARE));
        all.addAll(extraShares);
        all.addAll(encryptedShares);
        return List.copyOf(all);
    }

    @Override
    protected void containerIsStarted(InspectContainerResponse info) {
        super.containerIsStarted(info);
        lastPort = getMappedPort(SMB_PORT);
        lastHost = host();
    }

    /** Whether the container runs; false (not an exception) before the first start. */
    @Override
    public boolean isRunning() {
        return getContainerId() != null && super.isRunning();
    }

    /** Kills smbd at once (SIGKILL, no goodbye to the clients), then removes the container. */
    public void kill() {
        if (getContainerId() != null && isRunning()) {
            getDockerClient().killContainerCmd(getContainerId()).withSignal("KILL").exec();
        }
        stop();
    }
}
