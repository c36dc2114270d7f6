package dev.smbco.protocol.crypto;

/**
 * MS-SMB2 2.2.3.1.7 SMB2_SIGNING_CAPABILITIES: the message signing algorithms.
 *
 * <ul>
 *   <li>{@link #HMAC_SHA256}: dialects 2.0.2 and 2.1 (MS-SMB2 3.1.4.1), key = the session key;</li>
 *   <li>{@link #AES_CMAC}: dialects 3.0, 3.0.2 and the 3.1.1 default (RFC 4493);</li>
 *   <li>{@link #AES_GMAC}: 3.1.1 when both sides offer it in SIGNING_CAPABILITIES.</li>
 * </ul>
 */
public enum SigningAlgorithm {
    HMAC_SHA256(0x0000),
    AES_CMAC(0x0001),
    AES_GMAC(0x0002);

    private final int wireId;

    SigningAlgorithm(int wireId) {
        this.wireId = wireId;
    }

    /** The SigningAlgorithmId on the wire. */
    public int wireId() {
        return wireId;
    }

    /** The algorithm for a wire id, or {@code null} if the id is unknown (a server may list ids we do not know). */
    public static SigningAlgorithm fromWireId(int id) {
        for (SigningAlgorithm a : values()) {
            if (a.wireId == id) {
                return a;
            }
        }
        return null;
    }
}
