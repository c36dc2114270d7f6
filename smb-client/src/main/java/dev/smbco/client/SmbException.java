package dev.smbco.client;

/**
 * Base of every error this client raises for an SMB operation (except {@link SmbTimeoutException},
 * which extends coro's {@code RequestTimeoutException} so that generic timeout handling sees it).
 * Unchecked: a failed {@code Request} rethrows it unchanged from {@code recv()}/{@code await()}.
 */
public class SmbException extends RuntimeException {
    /**
     * With a message.
     *
     * @param message what went wrong
     */
    public SmbException(String message) {
        super(message);
    }

    /**
     * With a message and a cause.
     *
     * @param message what went wrong
     * @param cause the underlying failure, or null
     */
    public SmbException(String message, Throwable cause) {
        super(message, cause);
    }
}
