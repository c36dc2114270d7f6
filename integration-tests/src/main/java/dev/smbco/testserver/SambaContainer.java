package dev.smbco.testserver;

/**
 * The smbco Samba test server as a container, seen as a {@link DedicatedSambaServer} with a
 * {@link SambaVariant}: {@link dev.smbco.testcontainers.SambaContainer} (the published
 * {@code smbco-testcontainers} artifact, which owns the image and the fluent settings) plus what
 * this suite needs on top.
 * <pre>{@code
 * try (SambaContainer samba = new SambaContainer().withVariant(SambaVariant.SMB311_ONLY)) {
 *     samba.start();
 *     connect(samba.host(), samba.port(), samba.user(), samba.password());
 * }
 * }</pre>
 */
public final class SambaContainer extends dev.smbco.testcontainers.SambaContainer implements DedicatedSambaServer {
    private SambaVariant variant = SambaVariant.DEFAULT;

    /** A server from the default image ({@link dev.smbco.testcontainers.SambaContainer#SambaContainer()}). */
    public SambaContainer() {
        super();
        withVariant(SambaVariant.DEFAULT);
    }

    /** A server from {@code image}, used as it is. */
    public SambaContainer(String image) {
        super(image);
        withVariant(SambaVariant.DEFAULT);
    }

    /** Selects the variant: dialect range, signing, credits and I/O limits. */
    public SambaContainer withVariant(SambaVariant variant) {
        this.variant = variant;
        variant.env().forEach(this::withEnv);
        return this;
    }

    @Override
    public String user() {
        return super.user();
    }

    /** Stops the container (both parents define {@code close()}; they agree). */
    @Override
    public void close() {
        stop();
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
    public String toString() {
        return "SambaContainer[" + (getContainerId() == null ? variant.id() + ", not started" : describe()) + "]";
    }
}
