package dev.smbco.protocol.auth;

import dev.smbco.protocol.SmbDecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;

/**
 * MS-NLMP 2.2.1.1 NEGOTIATE_MESSAGE: the client's opening NTLM message.
 *
 * <pre>
 * Signature (8) "NTLMSSP\0"        MessageType (4) = 1        NegotiateFlags (4)
 * DomainNameFields (8)             WorkstationFields (8)      Version (8)
 * Payload: DomainName, WorkstationName (OEM)
 * </pre>
 *
 * @param flags       NegotiateFlags ({@link NtlmFlags})
 * @param domain      DomainName (OEM), "" when not supplied
 * @param workstation WorkstationName (OEM), "" when not supplied
 * @param version     Version, or null to leave the field out
 */
public record NtlmNegotiate(int flags, String domain, String workstation, NtlmVersion version) {
    public static final int MESSAGE_TYPE = 1;
    private static final String STRUCTURE = "NTLM NEGOTIATE_MESSAGE";
    private static final int FIXED = 32;

    public NtlmNegotiate {
        domain = domain == null ? "" : domain;
        workstation = workstation == null ? "" : workstation;
    }

    public byte[] encode() {
        ByteBuf out = Unpooled.buffer(64);
        NtlmFields.writeHeader(out, MESSAGE_TYPE);
        out.writeIntLE(flags);                  // NegotiateFlags (4 bytes)
        int domainField = out.writerIndex();
        out.writeZero(8);                       // DomainNameFields (8 bytes)
        int workstationField = out.writerIndex();
        out.writeZero(8);                       // WorkstationFields (8 bytes)
        if (version != null) {
            version.encode(out);                // Version (8 bytes)
        }
        NtlmFields.appendFieldZeroIfEmpty(out, domainField, domain.getBytes(StandardCharsets.ISO_8859_1));
        NtlmFields.appendFieldZeroIfEmpty(out, workstationField, workstation.getBytes(StandardCharsets.ISO_8859_1));
        return NtlmFields.toArray(out);
    }

    /** @throws SmbDecodeException if the message is malformed */
    public static NtlmNegotiate decode(byte[] message) {
        ByteBuf in = Unpooled.wrappedBuffer(message);
        NtlmFields.readHeader(in, MESSAGE_TYPE, STRUCTURE, FIXED);
        int flags = in.readIntLE();
        NtlmFields.Field domain = NtlmFields.readField(in, STRUCTURE, "DomainNameFields");
        NtlmFields.Field workstation = NtlmFields.readField(in, STRUCTURE, "WorkstationFields");
        NtlmVersion version = null;
        if (NtlmFields.payloadStart(in, domain, workstation) >= FIXED + NtlmVersion.SIZE
                && (flags & NtlmFlags.NEGOTIATE_VERSION) != 0) {
            version = NtlmVersion.decode(in);
        }
        return new NtlmNegotiate(flags,
                NtlmFields.string(in, domain, false, STRUCTURE, "DomainName"),
                NtlmFields.string(in, workstation, false, STRUCTURE, "WorkstationName"),
                version);
    }
}
