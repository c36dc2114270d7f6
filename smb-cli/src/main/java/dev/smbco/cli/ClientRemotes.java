package dev.smbco.cli;

import dev.smbco.cli.remote.Remote;

/** Connections through the smbco client library. */
final class ClientRemotes {
    private ClientRemotes() {
    }

    static Remote open(SmbcoCommand options) {
        throw new CliException(ExitStatus.CONNECTION, "the smbco client library is not wired in yet");
    }
}
