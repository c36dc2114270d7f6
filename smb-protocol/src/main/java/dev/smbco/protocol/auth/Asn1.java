package dev.smbco.protocol.auth;

import dev.smbco.protocol.SmbDecodeException;
import java.io.IOException;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1Object;
import org.bouncycastle.asn1.ASN1Primitive;

/** BouncyCastle ASN.1 glue: strict parsing of one DER/BER object, DER output, typed errors. */
final class Asn1 {
    private Asn1() {
    }

    /**
     * Parses exactly one ASN.1 object filling {@code bytes}.
     *
     * @throws SmbDecodeException if the bytes are not one well-formed object
     */
    static ASN1Primitive parse(byte[] bytes, String structure) {
        if (bytes == null || bytes.length == 0) {
            throw new SmbDecodeException(structure, "token", "is empty");
        }
        try (ASN1InputStream in = new ASN1InputStream(bytes)) {
            ASN1Primitive object = in.readObject();
            if (object == null) {
                throw new SmbDecodeException(structure, "token", "holds no ASN.1 object");
            }
            if (in.available() > 0 || in.readObject() != null) {
                throw new SmbDecodeException(structure, "token", "has bytes after its ASN.1 object");
            }
            return object;
        } catch (IOException | RuntimeException e) {
            throw wrap(e, structure, "token");
        }
    }

    /** A decode failure inside BouncyCastle (cast, missing element, bad encoding) as ours. */
    static SmbDecodeException wrap(Exception e, String structure, String field) {
        if (e instanceof SmbDecodeException d) {
            return d;
        }
        return new SmbDecodeException(structure, field, "is not valid ASN.1 (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }

    static byte[] der(ASN1Encodable object) {
        try {
            return ((object instanceof ASN1Object o) ? o : object.toASN1Primitive()).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new IllegalStateException("DER encoding failed", e);
        }
    }
}
