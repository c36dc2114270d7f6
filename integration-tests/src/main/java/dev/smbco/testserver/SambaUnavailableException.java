package dev.smbco.testserver;

/** No Samba server of the wanted kind can be had here; the message says why and what to do. */
public final class SambaUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SambaUnavailableException(String message) {
        super(message);
    }

    public SambaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
