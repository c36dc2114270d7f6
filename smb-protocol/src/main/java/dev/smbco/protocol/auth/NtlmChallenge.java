package dev.smbco.protocol.auth;

import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;

/**
 * MS-NLMP 2.2.1.2 CHALLENGE_MESSAGE: the server's answer with its challenge and TargetInfo.
 *
 * <pre>
 * Signature (8) "NTLMSSP\0"    MessageType (4) = 2     TargetNameFields (8)
 * NegotiateFlags (4)           ServerChallenge (8)     Reserved (8)
 * TargetInfoFields (8)         Version (8)
 * Payload: TargetName, TargetInfo
 * </pre>
 *
 * @param flags           NegotiateFlags
 * @param targetName      TargetName (Unicode or OEM per the flags)
 * @param serverChallenge ServerChallenge (8 bytes)
 * @param targetInfo      TargetInfo, or null when the field is empty
 * @param version         Version, or null when the message has none
 */
public record NtlmChallenge(int flags, String targetName, byte[] serverChallenge, TargetInfo targetInfo, NtlmVersion version) {
    public static final int MESSAGE_TYPE = 2;
    private static final String STRUCTURE = "NTLM CHALLENGE_MESSAGE";
    private static final int FIXED = 48;

    public NtlmChallenge {
        targetName = targetName == null ? "" : targetName;
        if (serverChallenge == null || serverChallenge.length != 8) {
            throw new IllegalArgumentException("ServerChallenge is 8 bytes");
        }
        serverChallenge = serverChallenge.clone();
    }

    @Override
    public byte[] serverChallenge() {
        return serverChallenge.clone();
    }

    public byte[] encode() {
        ByteBuf out = Unpooled.buffer(128);
        NtlmFields.writeHeader(out, MESSAGE_TYPE);
        int targetNameField = out.writerIndex();
        out.writeZero(8);                       // TargetNameFields (8 bytes)
        out.writeIntLE(flags);                  // NegotiateFlags (4 bytes)
        out.writeBytes(serverChallenge);        // ServerChallenge (8 bytes)
        out.writeZero(8);                       // Reserved (8 bytes)
        int targetInfoField = out.writerIndex();
        out.writeZero(8);                       // TargetInfoFields (8 bytes)
        if (version != null) {
            version.encode(out);                // Version (8 bytes)
        }
        boolean unicode = (flags & NtlmFlags.NEGOTIATE_UNICODE) != 0;
        NtlmFields.appendFieldZeroIfEmpty(out, targetNameField, targetName.getBytes(NtlmFields.charset(unicode)));
        if (targetInfo == null) {
            NtlmFields.setField(out, targetInfoField, 0, 0);
        } else {
            int start = out.writerIndex();
            targetInfo.encode(out);
            NtlmFields.setField(out, targetInfoField, out.writerIndex() - start, start);
        }
        return NtlmFields.toArray(out);
    }

    /** @throws SmbDecodeException if the message is malformed */
    public static NtlmChallenge decode(byte[] message) {
        ByteBuf in = Unpooled.wrappedBuffer(message);
        NtlmFields.readHeader(in, MESSAGE_TYPE, STRUCTURE, FIXED);
        NtlmFields.Field targetName = NtlmFields.readField(in, STRUCTURE, "TargetNameFields");
        int flags = in.readIntLE();
        byte[] challenge = new byte[8];
        in.readBytes(challenge);
        in.skipBytes(8);
        NtlmFields.Field targetInfo = NtlmFields.readField(in, STRUCTURE, "TargetInfoFields");
        NtlmVersion version = null;
        if (NtlmFields.payloadStart(in, targetName, targetInfo) >= FIXED + NtlmVersion.SIZE) {
            Wire.require(in, NtlmVersion.SIZE, STRUCTURE, "Version");
            version = NtlmVersion.decode(in);
        }
        boolean unicode = (flags & NtlmFlags.NEGOTIATE_UNICODE) != 0;
        TargetInfo info = targetInfo.isEmpty() ? null : TargetInfo.decode(in.slice(targetInfo.offset(), targetInfo.length()));
        return new NtlmChallenge(flags, NtlmFields.string(in, targetName, unicode, STRUCTURE, "TargetName"), challenge, info, version);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NtlmChallenge c && flags == c.flags && targetName.equals(c.targetName)
                && Arrays.equals(serverChallenge, c.serverChallenge) && Objects.equals(targetInfo, c.targetInfo)
                && Objects.equals(version, c.version);
    }

    @Override
    public int hashCode() {
        return Objects.hash(flags, targetName, Arrays.hashCode(serverChallenge), targetInfo, version);
    }

    @Override
    public String toString() {
        return String.format("NtlmChallenge[flags=0x%08X target=%s challenge=%s info=%s version=%s]",
                flags, targetName, HexFormat.of().formatHex(serverChallenge), targetInfo, version);
    }
}
