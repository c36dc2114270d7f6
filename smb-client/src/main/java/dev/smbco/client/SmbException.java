package dev.smbco.client;

/**
 * Base of every error this client raises for an SMB operation (except {@link SmbTimeoutException},
 * which extends coro's {@code RequestTimeoutException} so that generic timeout handling sees it).
 * Unchecked: a failed {@code Request} rethrows it unchanged from {@code recv()}/{@code await()}.
 */
public class SmbException extends RuntimeException {
    public SmbException(String message) {
        super(message);
    }

    public SmbException(String message, Throwable cause) {
        super(message, cause);
    }
}
