package dev.smbco.protocol.crypto;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * MS-SMB2 3.1.4.1, dialect 3.1.1 with AES-GMAC negotiated (SIGNING_CAPABILITIES): AES-128-GCM
 * with an empty plaintext and the whole message (zero signature) as additional authenticated
 * data; the 16-byte tag is the signature.
 *
 * <p>Nonce (12 bytes): MessageId (8 bytes, little-endian), then a 32-bit little-endian word
 * whose bit 0 is set for a message sent by the server (SMB2_FLAGS_SERVER_TO_REDIR) and bit 1 for
 * a CANCEL request; the other bits are zero.
 */
final class GmacSigner implements MessageSigner {
    private static final int TAG_BITS = 128;
    private static final int NONCE_LENGTH = 12;

    private final Cipher gcm;
    private final SecretKeySpec key;
    private final byte[] header = new byte[Smb2Header.SIZE];
    private final byte[] tag = new byte[16];
    /** The JDK refuses two consecutive encryption inits with one key and IV; remember the last. */
    private final byte[] lastNonce = new byte[NONCE_LENGTH];
    private boolean used;

    GmacSigner(byte[] key) {
        try {
            this.key = new SecretKeySpec(key, "AES");
            gcm = Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException(SmbCryptoException.Reason.PROVIDER, "AES/GCM unavailable", e);
        }
    }

    @Override
    public void sign(ByteBuf message) {
        SignedMessage.markSigned(message);
        SignedMessage.writeSignature(message, compute(message));
    }

    @Override
    public boolean verify(ByteBuf message) {
        return message.readableBytes() >= Smb2Header.SIZE && SignedMessage.matches(message, compute(message));
    }

    @Override
    public SigningAlgorithm algorithm() {
        return SigningAlgorithm.AES_GMAC;
    }

    /** The 12-byte GMAC nonce of a header (MS-SMB2 3.1.4.1). */
    static byte[] nonce(byte[] header) {
        byte[] nonce = new byte[NONCE_LENGTH];
        System.arraycopy(header, Smb2Header.OFFSET_MESSAGE_ID, nonce, 0, 8);
        int flags = (header[Smb2Header.OFFSET_FLAGS] & 0xFF);
        int command = (header[12] & 0xFF) | (header[13] & 0xFF) << 8;
        int role = (flags & Smb2Header.FLAG_SERVER_TO_REDIR) != 0 ? 1 : 0;
        int cancel = command == Command.CANCEL.code() ? 2 : 0;
        nonce[8] = (byte) (role | cancel);
        return nonce;
    }

    private byte[] compute(ByteBuf message) {
        SignedMessage.copyHeader(message, header);
        byte[] nonce = nonce(header);
        try {
            if (used && Arrays.equals(nonce, lastNonce)) {
                // Re-signing or re-verifying the same message: step through a nonce SMB never
                // uses (bit 7 of byte 11) so the JDK's IV-reuse guard lets the same nonce pass.
                byte[] other = nonce.clone();
                other[11] ^= (byte) 0x80;
                gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, other));
            }
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            System.arraycopy(nonce, 0, lastNonce, 0, NONCE_LENGTH);
            used = true;
            gcm.updateAAD(header);
            for (ByteBuffer b : SignedMessage.body(message)) {
                gcm.updateAAD(b);
            }
            gcm.doFinal(tag, 0);
            return tag;
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException(SmbCryptoException.Reason.PROVIDER, "AES-GMAC failed", e);
        }
    }
}
