package dev.smbco.client;

import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.crypto.CipherId;
import dev.smbco.protocol.crypto.SigningAlgorithm;
import java.util.UUID;

/**
 * What NEGOTIATE settled for a connection (MS-SMB2 3.2.5.2).
 *
 * @param dialect          the dialect both sides speak
 * @param serverGuid       the server's GUID
 * @param capabilities     the server's SMB2_GLOBAL_CAP_* bits
 * @param signingRequired  the server requires signing (SecurityMode SIGNING_REQUIRED)
 * @param maxReadSize      largest READ this client sends: min(server's MaxReadSize, configured cap)
 * @param maxWriteSize     largest WRITE this client sends, likewise
 * @param maxTransactSize  largest QUERY_DIRECTORY/QUERY_INFO output asked for, likewise
 * @param multiCredit      multi-credit requests (dialect 2.1+ with LARGE_MTU): otherwise I/O stops at 64 KiB
 * @param signingAlgorithm the algorithm sessions on this connection sign with
 * @param cipher           the cipher sessions encrypt with, or null when the server cannot encrypt
 */
public record Negotiated(
        Dialect dialect,
        UUID serverGuid,
        int capabilities,
        boolean signingRequired,
        int maxReadSize,
        int maxWriteSize,
        int maxTransactSize,
        boolean multiCredit,
        SigningAlgorithm signingAlgorithm,
        CipherId cipher) {
}
