package dev.smbco.testserver;

/** A {@link SambaServer} reached through a {@link FaultProxy}: the proxy's address, the server's everything else. */
record ProxiedSambaServer(SambaServer target, String host, int port) implements SambaServer {
    @Override
    public String user() {
        return target.user();
    }

    @Override
    public String password() {
        return target.password();
    }

    @Override
    public String domain() {
        return target.domain();
    }

    @Override
    public SambaVariant variant() {
        return target.variant();
    }

    @Override
    public SambaBackend backend() {
        return target.backend();
    }

    @Override
    public boolean guestAllowed() {
        return target.guestAllowed();
    }

    @Override
    public String toString() {
        return "ProxiedSambaServer[" + host + ":" + port + " -> " + target.describe() + "]";
    }
}
