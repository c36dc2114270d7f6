package dev.smbco.client.compound;

import dev.smbco.client.internal.Route;
import dev.smbco.client.internal.Sender;
import java.time.Duration;

/**
 * Where a chain goes and how it is named.
 *
 * @param sender      the connection's sender (engine and loop)
 * @param route       session, tree, signing and encryption of every part
 * @param path        the UNC path for errors, e.g. {@code \\host\share\a.txt}
 * @param timeout     the chain's deadline, as one request's
 * @param compounding the connection's compounding state
 */
public record ChainTarget(Sender sender, Route route, String path, Duration timeout, Compounding compounding) {
}
