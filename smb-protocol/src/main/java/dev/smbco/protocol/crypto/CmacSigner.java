package dev.smbco.protocol.crypto;

import dev.smbco.protocol.Smb2Header;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;

/**
 * MS-SMB2 3.1.4.1, dialects 3.0, 3.0.2 and 3.1.1 (default): the signature is
 * AES-128-CMAC(SigningKey, message with zero signature), RFC 4493, on the JDK's AES.
 */
final class CmacSigner extends TagSigner {
    private final AesCmac cmac;
    private final byte[] header = new byte[Smb2Header.SIZE];

    CmacSigner(byte[] key) {
        cmac = new AesCmac(key);
    }

    @Override
    public SigningAlgorithm algorithm() {
        return SigningAlgorithm.AES_CMAC;
    }

    @Override
    byte[] compute(ByteBuf message) {
        SignedMessage.copyHeader(message, header);
        cmac.update(header);
        for (ByteBuffer b : SignedMessage.body(message)) {
            cmac.update(b);
        }
        return cmac.doFinal();
    }
}
