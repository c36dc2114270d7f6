package dev.smbco.cli.remote;

import dev.smbco.cli.SmbcoCommand;

/** Makes a run's {@link Remote} from its options (port, timeouts, dialects, signing, credentials). */
@FunctionalInterface
public interface Connector {
    Remote open(SmbcoCommand options);
}
