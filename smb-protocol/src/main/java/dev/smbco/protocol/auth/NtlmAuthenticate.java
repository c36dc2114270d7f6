package dev.smbco.protocol.auth;

import dev.smbco.protocol.SmbDecodeException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.Objects;

/**
 * MS-NLMP 2.2.1.3 AUTHENTICATE_MESSAGE: the client's responses and the encrypted session key.
 *
 * <pre>
 * Signature (8) "NTLMSSP\0"            MessageType (4) = 3
 * LmChallengeResponseFields (8)        NtChallengeResponseFields (8)
 * DomainNameFields (8)                 UserNameFields (8)
 * WorkstationFields (8)                EncryptedRandomSessionKeyFields (8)
 * NegotiateFlags (4)                   Version (8)           MIC (16)
 * Payload: DomainName, UserName, Workstation, LmChallengeResponse, NtChallengeResponse, EncryptedRandomSessionKey
 * </pre>
 * Version and MIC are present when the payload starts late enough for them (as MS-NLMP
 * 2.2.1.3 allows); {@code toString()} shows no responses or keys.
 *
 * @param flags                     NegotiateFlags
 * @param lmChallengeResponse       LmChallengeResponse
 * @param ntChallengeResponse       NtChallengeResponse (NTProofStr || NTLMv2_CLIENT_CHALLENGE)
 * @param domain                    DomainName
 * @param user                      UserName
 * @param workstation               Workstation
 * @param encryptedRandomSessionKey EncryptedRandomSessionKey (empty without key exchange)
 * @param version                   Version, or null (then absent unless a MIC needs the room)
 * @param mic                       MIC (16 bytes), or null when the message has none
 */
public record NtlmAuthenticate(int flags, byte[] lmChallengeResponse, byte[] ntChallengeResponse, String domain, String user,
                               String workstation, byte[] encryptedRandomSessionKey, NtlmVersion version, byte[] mic) {
    public static final int MESSAGE_TYPE = 3;
    /** Offset of the MIC field in a message that has one. */
    public static final int MIC_OFFSET = 72;
    public static final int MIC_LENGTH = 16;
    private static final String STRUCTURE = "NTLM AUTHENTICATE_MESSAGE";
    private static final int FIXED = 64;

    public NtlmAuthenticate {
        lmChallengeResponse = lmChallengeResponse == null ? new byte[0] : lmChallengeResponse.clone();
        ntChallengeResponse = ntChallengeResponse == null ? new byte[0] : ntChallengeResponse.clone();
        encryptedRandomSessionKey = encryptedRandomSessionKey == null ? new byte[0] : encryptedRandomSessionKey.clone();
        domain = domain == null ? "" : domain;
        user = user == null ? "" : user;
        workstation = workstation == null ? "" : workstation;
        if (mic != null && mic.length != MIC_LENGTH) {
            throw new IllegalArgumentException("MIC is 16 bytes");
        }
        mic = mic == null ? null : mic.clone();
    }

    @Override
    public byte[] lmChallengeResponse() {
        return lmChallengeResponse.clone();
    }

    @Override
    public byte[] ntChallengeResponse() {
        return ntChallengeResponse.clone();
    }

    @Override
    public byte[] encryptedRandomSessionKey() {
        return encryptedRandomSessionKey.clone();
    }

    @Override
    public byte[] mic() {
        return mic == null ? null : mic.clone();
    }

    /** The same message with another MIC. */
    public NtlmAuthenticate withMic(byte[] newMic) {
        return new NtlmAuthenticate(flags, lmChallengeResponse, ntChallengeResponse, domain, user, workstation,
                encryptedRandomSessionKey, version, newMic);
    }

    public byte[] encode() {
        boolean unicode = (flags & NtlmFlags.NEGOTIATE_UNICODE) != 0;
        ByteBuf out = Unpooled.buffer(FIXED + 32 + ntChallengeResponse.length + 128);
        NtlmFields.writeHeader(out, MESSAGE_TYPE);
        int lmField = out.writerIndex();
        out.writeZero(8);                       // LmChallengeResponseFields (8 bytes)
        int ntField = out.writerIndex();
        out.writeZero(8);                       // NtChallengeResponseFields (8 bytes)
        int domainField = out.writerIndex();
        out.writeZero(8);                       // DomainNameFields (8 bytes)
        int userField = out.writerIndex();
        out.writeZero(8);                       // UserNameFields (8 bytes)
        int workstationField = out.writerIndex();
        out.writeZero(8);                       // WorkstationFields (8 bytes)
        int keyField = out.writerIndex();
        out.writeZero(8);                       // EncryptedRandomSessionKeyFields (8 bytes)
        out.writeIntLE(flags);                  // NegotiateFlags (4 bytes)
        if (version != null) {
            version.encode(out);                // Version (8 bytes)
        } else if (mic != null) {
            out.writeZero(NtlmVersion.SIZE);
        }
        if (mic != null) {
            out.writeBytes(mic);                // MIC (16 bytes)
        }
        NtlmFields.appendField(out, domainField, domain.getBytes(NtlmFields.charset(unicode)));
        NtlmFields.appendField(out, userField, user.getBytes(NtlmFields.charset(unicode)));
        NtlmFields.appendField(out, workstationField, workstation.getBytes(NtlmFields.charset(unicode)));
        NtlmFields.appendField(out, lmField, lmChallengeResponse);
        NtlmFields.appendField(out, ntField, ntChallengeResponse);
        NtlmFields.appendField(out, keyField, encryptedRandomSessionKey);
        return NtlmFields.toArray(out);
    }

    /** @throws SmbDecodeException if the message is malformed */
    public static NtlmAuthenticate decode(byte[] message) {
        ByteBuf in = Unpooled.wrappedBuffer(message);
        NtlmFields.readHeader(in, MESSAGE_TYPE, STRUCTURE, FIXED);
        NtlmFields.Field lm = NtlmFields.readField(in, STRUCTURE, "LmChallengeResponseFields");
        NtlmFields.Field nt = NtlmFields.readField(in, STRUCTURE, "NtChallengeResponseFields");
        NtlmFields.Field domain = NtlmFields.readField(in, STRUCTURE, "DomainNameFields");
        NtlmFields.Field user = NtlmFields.readField(in, STRUCTURE, "UserNameFields");
        NtlmFields.Field workstation = NtlmFields.readField(in, STRUCTURE, "WorkstationFields");
        NtlmFields.Field key = NtlmFields.readField(in, STRUCTURE, "EncryptedRandomSessionKeyFields");
        int flags = in.readIntLE();
        int payload = NtlmFields.payloadStart(in, lm, nt, domain, user, workstation, key);
        NtlmVersion version = null;
        byte[] mic = null;
        if (payload >= FIXED + NtlmVersion.SIZE) {
            version = NtlmVersion.decode(in);
        }
        if (payload >= MIC_OFFSET + MIC_LENGTH) {
            mic = new byte[MIC_LENGTH];
            in.readBytes(mic);
        }
        boolean unicode = (flags & NtlmFlags.NEGOTIATE_UNICODE) != 0;
        return new NtlmAuthenticate(flags, NtlmFields.bytes(in, lm), NtlmFields.bytes(in, nt),
                NtlmFields.string(in, domain, unicode, STRUCTURE, "DomainName"),
                NtlmFields.string(in, user, unicode, STRUCTURE, "UserName"),
                NtlmFields.string(in, workstation, unicode, STRUCTURE, "Workstation"),
                NtlmFields.bytes(in, key), version, mic);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NtlmAuthenticate a && flags == a.flags
                && Arrays.equals(lmChallengeResponse, a.lmChallengeResponse) && Arrays.equals(ntChallengeResponse, a.ntChallengeResponse)
                && domain.equals(a.domain) && user.equals(a.user) && workstation.equals(a.workstation)
                && Arrays.equals(encryptedRandomSessionKey, a.encryptedRandomSessionKey)
                && Objects.equals(version, a.version) && Arrays.equals(mic, a.mic);
    }

    @Override
    public int hashCode() {
        return Objects.hash(flags, domain, user, workstation);
    }

    @Override
    public String toString() {
        return String.format("NtlmAuthenticate[flags=0x%08X user=%s domain=%s workstation=%s nt=%d bytes mic=%s]",
                flags, user, domain, workstation, ntChallengeResponse.length, mic == null ? "none" : "present");
    }
}
