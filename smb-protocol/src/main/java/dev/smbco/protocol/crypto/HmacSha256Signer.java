package dev.smbco.protocol.crypto;

import dev.smbco.protocol.Smb2Header;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * MS-SMB2 3.1.4.1, dialects 2.0.2 and 2.1: the signature is the first 16 bytes of
 * HMAC-SHA256(SessionKey, message with zero signature). JDK {@code HmacSHA256}, keyed once.
 */
final class HmacSha256Signer extends TagSigner {
    private final Mac mac;
    private final byte[] header = new byte[Smb2Header.SIZE];
    private final byte[] result = new byte[32];

    HmacSha256Signer(byte[] key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException(SmbCryptoException.Reason.PROVIDER, "HMAC-SHA256 unavailable", e);
        }
    }

    @Override
    public SigningAlgorithm algorithm() {
        return SigningAlgorithm.HMAC_SHA256;
    }

    @Override
    byte[] compute(ByteBuf message) {
        SignedMessage.copyHeader(message, header);
        mac.update(header);
        for (ByteBuffer b : SignedMessage.body(message)) {
            mac.update(b);
        }
        try {
            mac.doFinal(result, 0);
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException(SmbCryptoException.Reason.PROVIDER, "HMAC-SHA256 failed", e);
        }
        return result;
    }
}
