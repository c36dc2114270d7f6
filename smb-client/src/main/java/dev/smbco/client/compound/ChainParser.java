package dev.smbco.client.compound;

import java.util.List;

/**
 * Turns the responses of a chain whose every part succeeded (or answered a status its
 * {@link ChainPart#okStatus} accepts) into the chain's value. May throw a typed
 * {@link dev.smbco.client.SmbException} (its verdict on a well-formed answer); anything else is
 * taken as a malformed response.
 */
@FunctionalInterface
public interface ChainParser<R> {
    R parse(List<PartResponse> responses);
}
