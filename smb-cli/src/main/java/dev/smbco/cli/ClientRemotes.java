package dev.smbco.cli;

import dev.smbco.cli.remote.ClientRemote;
import dev.smbco.cli.remote.Remote;

/** Connections through the smbco client library (the default {@link dev.smbco.cli.remote.Connector}). */
final class ClientRemotes {
    private ClientRemotes() {
    }

    static Remote open(SmbcoCommand options) {
        return new ClientRemote(options);
    }
}
