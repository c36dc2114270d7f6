package dev.smbco.protocol.crypto;

/**
 * A message could not be decrypted or encrypted: the frame is malformed, its tag does not
 * authenticate, it uses a feature we do not support, or the nonce space is used up.
 *
 * <p>Unchecked. {@link #reason()} says what was wrong; the message never contains key material.
 * A decryption failure means the connection can no longer be trusted (STYLE: connection error).
 */
public final class SmbCryptoException extends RuntimeException {

    /** What went wrong. */
    public enum Reason {
        /** Fewer bytes than a TRANSFORM_HEADER, or the header did not decode. */
        TRUNCATED,
        /** ProtocolId is not 0xFD 'SMB'. */
        BAD_PROTOCOL_ID,
        /** Flags/EncryptionAlgorithm is not 0x0001 (encrypted). */
        BAD_FLAGS,
        /** OriginalMessageSize does not match the bytes that follow the header. */
        BAD_SIZE,
        /** The AEAD tag (Signature field) does not authenticate the header and ciphertext. */
        BAD_TAG,
        /** A COMPRESSION_TRANSFORM_HEADER (0xFC 'SMB') frame: SMB2 compression is not supported. */
        COMPRESSION_UNSUPPORTED,
        /** The per-session nonce counter is exhausted; the session must be re-established. */
        NONCE_EXHAUSTED,
        /** The JDK provider failed unexpectedly (missing algorithm, bad key length). */
        PROVIDER
    }

    private final Reason reason;

    public SmbCryptoException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public SmbCryptoException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** What went wrong. */
    public Reason reason() {
        return reason;
    }
}
