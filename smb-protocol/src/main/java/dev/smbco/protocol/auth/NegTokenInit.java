package dev.smbco.protocol.auth;

import dev.smbco.protocol.SmbDecodeException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.BERTags;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;

/**
 * RFC 4178 4.2.1 negTokenInit (and MS-SPNG 2.2.1 NegTokenInit2 when decoding), carried in the
 * RFC 2743 3.1 InitialContextToken:
 *
 * <pre>
 * [APPLICATION 0] IMPLICIT SEQUENCE { thisMech OID 1.3.6.1.5.5.2, innerToken [0] NegTokenInit }
 * NegTokenInit  ::= SEQUENCE { mechTypes [0] MechTypeList, reqFlags [1] ContextFlags OPTIONAL,
 *                              mechToken [2] OCTET STRING OPTIONAL, mechListMIC [3] OCTET STRING OPTIONAL }
 * NegTokenInit2 ::= SEQUENCE { mechTypes [0], reqFlags [1], mechToken [2], negHints [3] NegHints, mechListMIC [4] }
 * </pre>
 * reqFlags and negHints are read past and not kept.
 *
 * @param mechTypes   mechanism OIDs, preferred first (dotted strings)
 * @param mechToken   the optimistic token of the first mechanism, or null
 * @param mechListMic mechListMIC, or null
 */
public record NegTokenInit(List<String> mechTypes, byte[] mechToken, byte[] mechListMic) implements SpnegoToken {
    private static final String STRUCTURE = "SPNEGO NegTokenInit";

    public NegTokenInit {
        mechTypes = List.copyOf(mechTypes);
        mechToken = mechToken == null ? null : mechToken.clone();
        mechListMic = mechListMic == null ? null : mechListMic.clone();
    }

    @Override
    public byte[] mechToken() {
        return mechToken == null ? null : mechToken.clone();
    }

    @Override
    public byte[] mechListMic() {
        return mechListMic == null ? null : mechListMic.clone();
    }

    /** DER of the MechTypeList (SEQUENCE OF OID): what the SPNEGO mechListMIC is computed over. */
    public static byte[] mechTypeListDer(List<String> mechTypes) {
        return Asn1.der(mechTypeList(mechTypes));
    }

    private static DERSequence mechTypeList(List<String> mechTypes) {
        ASN1EncodableVector oids = new ASN1EncodableVector();
        for (String oid : mechTypes) {
            oids.add(new ASN1ObjectIdentifier(oid));
        }
        return new DERSequence(oids);
    }

    /** The InitialContextToken bytes (0x60 ...). */
    @Override
    public byte[] encode() {
        ASN1EncodableVector fields = new ASN1EncodableVector();
        fields.add(new DERTaggedObject(true, 0, mechTypeList(mechTypes)));
        if (mechToken != null) {
            fields.add(new DERTaggedObject(true, 2, new DEROctetString(mechToken)));
        }
        if (mechListMic != null) {
            fields.add(new DERTaggedObject(true, 3, new DEROctetString(mechListMic)));
        }
        ASN1EncodableVector initial = new ASN1EncodableVector();
        initial.add(new ASN1ObjectIdentifier(SPNEGO_OID));
        initial.add(new DERTaggedObject(true, 0, new DERSequence(fields)));
        return Asn1.der(new DERTaggedObject(false, BERTags.APPLICATION, 0, new DERSequence(initial)));
    }

    /**
     * Decodes an InitialContextToken holding a negTokenInit, or a bare [0] negTokenInit.
     *
     * @throws SmbDecodeException if malformed or not SPNEGO
     */
    public static NegTokenInit decode(byte[] token) {
        ASN1Primitive outer = Asn1.parse(token, STRUCTURE);
        try {
            ASN1TaggedObject inner;
            if (outer instanceof ASN1TaggedObject app && app.getTagClass() == BERTags.APPLICATION) {
                if (app.getTagNo() != 0) {
                    throw new SmbDecodeException(STRUCTURE, "InitialContextToken", "tag is [APPLICATION " + app.getTagNo() + "], not 0");
                }
                ASN1Sequence seq = (ASN1Sequence) app.getBaseUniversal(false, BERTags.SEQUENCE);
                if (seq.size() != 2) {
                    throw new SmbDecodeException(STRUCTURE, "InitialContextToken", "has " + seq.size() + " elements, not 2");
                }
                String mech = ASN1ObjectIdentifier.getInstance(seq.getObjectAt(0)).getId();
                if (!SPNEGO_OID.equals(mech)) {
                    throw new SmbDecodeException(STRUCTURE, "thisMech", mech + " is not SPNEGO (" + SPNEGO_OID + ")");
                }
                inner = contextTagged(seq.getObjectAt(1), "innerToken");
            } else {
                inner = contextTagged(outer, "NegotiationToken");
            }
            if (inner.getTagNo() != 0) {
                throw new SmbDecodeException(STRUCTURE, "NegotiationToken", "is [" + inner.getTagNo() + "], not negTokenInit [0]");
            }
            return fromSequence(ASN1Sequence.getInstance(inner.getExplicitBaseObject()));
        } catch (RuntimeException e) {
            throw Asn1.wrap(e, STRUCTURE, "token");
        }
    }

    private static NegTokenInit fromSequence(ASN1Sequence seq) {
        List<String> mechs = null;
        byte[] mechToken = null;
        byte[] mic = null;
        for (ASN1Encodable element : seq) {
            ASN1TaggedObject field = contextTagged(element, "field");
            ASN1Encodable base = field.getExplicitBaseObject();
            switch (field.getTagNo()) {
                case 0 -> {
                    mechs = new ArrayList<>();
                    for (ASN1Encodable oid : ASN1Sequence.getInstance(base)) {
                        mechs.add(ASN1ObjectIdentifier.getInstance(oid).getId());
                    }
                }
                case 1 -> { } // reqFlags: unused by SMB
                case 2 -> mechToken = ASN1OctetString.getInstance(base).getOctets();
                case 3 -> {
                    if (base instanceof ASN1OctetString s) {
                        mic = s.getOctets();           // negTokenInit mechListMIC
                    }                                   // else NegTokenInit2 negHints: not kept
                }
                case 4 -> mic = ASN1OctetString.getInstance(base).getOctets();
                default -> throw new SmbDecodeException(STRUCTURE, "field", "[" + field.getTagNo() + "] is not part of NegTokenInit");
            }
        }
        if (mechs == null) {
            throw new SmbDecodeException(STRUCTURE, "mechTypes", "is missing");
        }
        return new NegTokenInit(mechs, mechToken, mic);
    }

    static ASN1TaggedObject contextTagged(Object o, String field) {
        if (o instanceof ASN1TaggedObject t && t.getTagClass() == BERTags.CONTEXT_SPECIFIC) {
            return t;
        }
        throw new SmbDecodeException(STRUCTURE, field, "is not a context-specific tagged element");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NegTokenInit t && mechTypes.equals(t.mechTypes)
                && Arrays.equals(mechToken, t.mechToken) && Arrays.equals(mechListMic, t.mechListMic);
    }

    @Override
    public int hashCode() {
        return Objects.hash(mechTypes, Arrays.hashCode(mechToken));
    }

    @Override
    public String toString() {
        return "NegTokenInit[mechTypes=" + mechTypes + ", mechToken=" + (mechToken == null ? "none" : mechToken.length + " bytes")
                + ", mechListMIC=" + (mechListMic == null ? "none" : "present") + "]";
    }
}
