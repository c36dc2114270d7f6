package dev.smbco.protocol.crypto;

/**
 * MS-SMB2 2.2.3.1.2 SMB2_ENCRYPTION_CAPABILITIES: the ciphers of SMB 3.x encryption.
 *
 * <p>All four are AEAD ciphers with a 16-byte tag. CCM uses the first 11 bytes of the
 * TRANSFORM_HEADER Nonce field, GCM the first 12 (MS-SMB2 2.2.41).
 */
public enum CipherId {
    AES_128_CCM(0x0001, 16, false),
    AES_128_GCM(0x0002, 16, true),
    AES_256_CCM(0x0003, 32, false),
    AES_256_GCM(0x0004, 32, true);

    private final int wireId;
    private final int keyLength;
    private final boolean gcm;

    CipherId(int wireId, int keyLength, boolean gcm) {
        this.wireId = wireId;
        this.keyLength = keyLength;
        this.gcm = gcm;
    }

    /** The CipherId on the wire. */
    public int wireId() {
        return wireId;
    }

    /** Key length in bytes: 16 for AES-128, 32 for AES-256. */
    public int keyLength() {
        return keyLength;
    }

    /** True for the GCM ciphers, false for CCM. */
    public boolean isGcm() {
        return gcm;
    }

    /** How many bytes of the 16-byte Nonce field the cipher uses: 11 (CCM) or 12 (GCM). */
    public int nonceLength() {
        return gcm ? 12 : 11;
    }

    /** The cipher for a wire id, or {@code null} if the id is unknown. */
    public static CipherId fromWireId(int id) {
        for (CipherId c : values()) {
            if (c.wireId == id) {
                return c;
            }
        }
        return null;
    }
}
