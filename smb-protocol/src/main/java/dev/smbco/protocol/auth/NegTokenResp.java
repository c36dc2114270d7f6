package dev.smbco.protocol.auth;

import dev.smbco.protocol.SmbDecodeException;
import java.util.Arrays;
import java.util.Objects;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.asn1.ASN1TaggedObject;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSequence;
import org.bouncycastle.asn1.DERTaggedObject;

/**
 * RFC 4178 4.2.2 negTokenResp:
 *
 * <pre>
 * [1] NegTokenResp ::= SEQUENCE { negState [0] ENUMERATED OPTIONAL, supportedMech [1] MechType OPTIONAL,
 *                                 responseToken [2] OCTET STRING OPTIONAL, mechListMIC [3] OCTET STRING OPTIONAL }
 * </pre>
 *
 * @param negState      negState, or null when absent
 * @param supportedMech supportedMech OID, or null
 * @param responseToken responseToken, or null
 * @param mechListMic   mechListMIC, or null
 */
public record NegTokenResp(NegState negState, String supportedMech, byte[] responseToken, byte[] mechListMic) implements SpnegoToken {
    private static final String STRUCTURE = "SPNEGO NegTokenResp";

    /** RFC 4178 negState. */
    public enum NegState {
        ACCEPT_COMPLETED, ACCEPT_INCOMPLETE, REJECT, REQUEST_MIC;

        /** The ENUMERATED value on the wire (the ordinal). */
        public int value() {
            return ordinal();
        }
    }

    public NegTokenResp {
        responseToken = responseToken == null ? null : responseToken.clone();
        mechListMic = mechListMic == null ? null : mechListMic.clone();
    }

    @Override
    public byte[] responseToken() {
        return responseToken == null ? null : responseToken.clone();
    }

    @Override
    public byte[] mechListMic() {
        return mechListMic == null ? null : mechListMic.clone();
    }

    @Override
    public byte[] encode() {
        ASN1EncodableVector fields = new ASN1EncodableVector();
        if (negState != null) {
            fields.add(new DERTaggedObject(true, 0, new ASN1Enumerated(negState.value())));
        }
        if (supportedMech != null) {
            fields.add(new DERTaggedObject(true, 1, new ASN1ObjectIdentifier(supportedMech)));
        }
        if (responseToken != null) {
            fields.add(new DERTaggedObject(true, 2, new DEROctetString(responseToken)));
        }
        if (mechListMic != null) {
            fields.add(new DERTaggedObject(true, 3, new DEROctetString(mechListMic)));
        }
        return Asn1.der(new DERTaggedObject(true, 1, new DERSequence(fields)));
    }

    /** @throws SmbDecodeException if malformed */
    public static NegTokenResp decode(byte[] token) {
        ASN1Primitive outer = Asn1.parse(token, STRUCTURE);
        try {
            ASN1TaggedObject choice = NegTokenInit.contextTagged(outer, "NegotiationToken");
            if (choice.getTagNo() != 1) {
                throw new SmbDecodeException(STRUCTURE, "NegotiationToken", "is [" + choice.getTagNo() + "], not negTokenResp [1]");
            }
            NegState state = null;
            String mech = null;
            byte[] response = null;
            byte[] mic = null;
            for (ASN1Encodable element : ASN1Sequence.getInstance(choice.getExplicitBaseObject())) {
                ASN1TaggedObject field = NegTokenInit.contextTagged(element, "field");
                ASN1Encodable base = field.getExplicitBaseObject();
                switch (field.getTagNo()) {
                    case 0 -> {
                        int v = ASN1Enumerated.getInstance(base).intValueExact();
                        if (v < 0 || v >= NegState.values().length) {
                            throw new SmbDecodeException(STRUCTURE, "negState", v + " is not 0..3");
                        }
                        state = NegState.values()[v];
                    }
                    case 1 -> mech = ASN1ObjectIdentifier.getInstance(base).getId();
                    case 2 -> response = ASN1OctetString.getInstance(base).getOctets();
                    case 3 -> mic = ASN1OctetString.getInstance(base).getOctets();
                    default -> throw new SmbDecodeException(STRUCTURE, "field", "[" + field.getTagNo() + "] is not part of NegTokenResp");
                }
            }
            return new NegTokenResp(state, mech, response, mic);
        } catch (RuntimeException e) {
            throw Asn1.wrap(e, STRUCTURE, "token");
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NegTokenResp t && negState == t.negState && Objects.equals(supportedMech, t.supportedMech)
                && Arrays.equals(responseToken, t.responseToken) && Arrays.equals(mechListMic, t.mechListMic);
    }

    @Override
    public int hashCode() {
        return Objects.hash(negState, supportedMech);
    }

    @Override
    public String toString() {
        return "NegTokenResp[" + negState + ", mech=" + supportedMech + ", responseToken="
                + (responseToken == null ? "none" : responseToken.length + " bytes") + ", mechListMIC=" + (mechListMic == null ? "none" : "present") + "]";
    }
}
