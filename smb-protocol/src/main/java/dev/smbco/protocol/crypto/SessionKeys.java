package dev.smbco.protocol.crypto;

import dev.smbco.protocol.Dialect;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * MS-SMB2 3.2.5.3.1 (Handling a New Authentication, key generation): the keys a client session
 * derives from the GSS session key.
 *
 * <ul>
 *   <li>2.0.2 / 2.1: the signing key is the session key itself (first 16 bytes, zero padded);
 *       there is no encryption, so the encryption and decryption keys are {@code null}; the
 *       application key is the session key.</li>
 *   <li>3.0 / 3.0.2: SP800-108 with the fixed labels {@code "SMB2AESCMAC\0"/"SmbSign\0"},
 *       {@code "SMB2AESCCM\0"/"ServerIn \0"} (client to server), {@code "SMB2AESCCM\0"/"ServerOut\0"}
 *       (server to client), {@code "SMB2APP\0"/"SmbRpc\0"}.</li>
 *   <li>3.1.1: labels {@code "SMBSigningKey\0"}, {@code "SMBC2SCipherKey\0"}, {@code "SMBS2CCipherKey\0"},
 *       {@code "SMBAppKey\0"}, each with the session's preauth integrity hash (64 bytes) as context.</li>
 * </ul>
 * With AES-256-CCM/GCM the encryption and decryption keys are 32 bytes (L = 256) derived from the
 * full session key; every other key is 16 bytes derived from the first 16 bytes of it.
 *
 * <p>{@link #toString()} never shows key bytes.
 *
 * @param signingKey     Session.SigningKey (16 bytes)
 * @param encryptionKey  Session.EncryptionKey, client to server (16 or 32 bytes; null before 3.0)
 * @param decryptionKey  Session.DecryptionKey, server to client (16 or 32 bytes; null before 3.0)
 * @param applicationKey Session.ApplicationKey (16 bytes)
 */
public record SessionKeys(byte[] signingKey, byte[] encryptionKey, byte[] decryptionKey, byte[] applicationKey) {

    private static final byte[] L30_SIGN = ascii("SMB2AESCMAC\0");
    private static final byte[] C30_SIGN = ascii("SmbSign\0");
    private static final byte[] L30_CRYPT = ascii("SMB2AESCCM\0");
    private static final byte[] C30_ENC = ascii("ServerIn \0");
    private static final byte[] C30_DEC = ascii("ServerOut\0");
    private static final byte[] L30_APP = ascii("SMB2APP\0");
    private static final byte[] C30_APP = ascii("SmbRpc\0");
    private static final byte[] L311_SIGN = ascii("SMBSigningKey\0");
    private static final byte[] L311_ENC = ascii("SMBC2SCipherKey\0");
    private static final byte[] L311_DEC = ascii("SMBS2CCipherKey\0");
    private static final byte[] L311_APP = ascii("SMBAppKey\0");

    /** Length of the preauth integrity hash (SHA-512) used as 3.1.1 KDF context. */
    public static final int PREAUTH_HASH_LENGTH = 64;

    /**
     * Derives the session's keys.
     *
     * @param dialect     the connection's dialect
     * @param sessionKey  the GSS session key (the NTLM exported session key: 16 bytes); not modified
     * @param preauthHash Session.PreauthIntegrityHashValue (64 bytes) for 3.1.1; ignored otherwise
     * @param cipher      the negotiated cipher (3.1.1), or null when none was negotiated; 3.0/3.0.2
     *                    always use AES-128-CCM
     */
    public static SessionKeys derive(Dialect dialect, byte[] sessionKey, byte[] preauthHash, CipherId cipher) {
        if (sessionKey == null || sessionKey.length == 0) {
            throw new IllegalArgumentException("no session key (anonymous sessions neither sign nor encrypt)");
        }
        byte[] key16 = Arrays.copyOf(sessionKey, 16);
        if (!dialect.isSmb3()) {
            return new SessionKeys(key16, null, null, key16.clone());
        }
        boolean aes256 = cipher == CipherId.AES_256_CCM || cipher == CipherId.AES_256_GCM;
        int cryptBits = aes256 ? 256 : 128;
        byte[] cryptKi = aes256 ? sessionKey : key16;
        if (dialect == Dialect.SMB3_11) {
            if (preauthHash == null || preauthHash.length != PREAUTH_HASH_LENGTH) {
                throw new IllegalArgumentException("3.1.1 needs the 64-byte preauth integrity hash as KDF context");
            }
            return new SessionKeys(
                    Kdf.derive(key16, L311_SIGN, preauthHash, 128),
                    Kdf.derive(cryptKi, L311_ENC, preauthHash, cryptBits),
                    Kdf.derive(cryptKi, L311_DEC, preauthHash, cryptBits),
                    Kdf.derive(key16, L311_APP, preauthHash, 128));
        }
        return new SessionKeys(
                Kdf.derive(key16, L30_SIGN, C30_SIGN, 128),
                Kdf.derive(cryptKi, L30_CRYPT, C30_ENC, cryptBits),
                Kdf.derive(cryptKi, L30_CRYPT, C30_DEC, cryptBits),
                Kdf.derive(key16, L30_APP, C30_APP, 128));
    }

    /**
     * MS-SMB2 3.2.5.3.1 / 3.3.5.5.3 session binding: the signing key of an additional channel,
     * derived from that channel's own GSS key (and, for 3.1.1, the binding's preauth hash).
     */
    public static byte[] channelSigningKey(Dialect dialect, byte[] channelSessionKey, byte[] preauthHash) {
        return derive(dialect, channelSessionKey, preauthHash, null).signingKey();
    }

    /** Overwrites every key with zeros (call when the session is logged off). */
    public void destroy() {
        for (byte[] k : new byte[][] {signingKey, encryptionKey, decryptionKey, applicationKey}) {
            if (k != null) {
                Arrays.fill(k, (byte) 0);
            }
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SessionKeys k
                && Arrays.equals(signingKey, k.signingKey) && Arrays.equals(encryptionKey, k.encryptionKey)
                && Arrays.equals(decryptionKey, k.decryptionKey) && Arrays.equals(applicationKey, k.applicationKey);
    }

    @Override
    public int hashCode() {
        return 0x5E55; // keys do not go into hash tables; avoid spreading key bits
    }

    @Override
    public String toString() {
        return "SessionKeys[signing " + len(signingKey) + ", encryption " + len(encryptionKey)
                + ", decryption " + len(decryptionKey) + ", application " + len(applicationKey) + " bytes, values redacted]";
    }

    private static String len(byte[] k) {
        return k == null ? "none" : Integer.toString(k.length);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
