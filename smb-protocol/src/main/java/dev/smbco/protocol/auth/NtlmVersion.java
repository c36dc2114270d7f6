package dev.smbco.protocol.auth;

import io.netty.buffer.ByteBuf;

/**
 * MS-NLMP 2.2.2.10 VERSION: the OS version an NTLM message carries for debugging.
 *
 * @param major    ProductMajorVersion (1 byte)
 * @param minor    ProductMinorVersion (1 byte)
 * @param build    ProductBuild (2 bytes)
 * @param revision NTLMRevisionCurrent (1 byte; 15 = NTLMSSP_REVISION_W2K3), after 3 reserved bytes
 */
public record NtlmVersion(int major, int minor, int build, int revision) {
    /** Length on the wire. */
    public static final int SIZE = 8;
    /** What this library reports: 10.0, build 0, NTLM revision 15. */
    public static final NtlmVersion DEFAULT = new NtlmVersion(10, 0, 0, 15);

    void encode(ByteBuf out) {
        out.writeByte(major);       // ProductMajorVersion (1 byte)
        out.writeByte(minor);       // ProductMinorVersion (1 byte)
        out.writeShortLE(build);    // ProductBuild (2 bytes)
        out.writeMedium(0);         // Reserved (3 bytes)
        out.writeByte(revision);    // NTLMRevisionCurrent (1 byte)
    }

    static NtlmVersion decode(ByteBuf in) {
        int major = in.readUnsignedByte();
        int minor = in.readUnsignedByte();
        int build = in.readUnsignedShortLE();
        in.skipBytes(3);
        int revision = in.readUnsignedByte();
        return new NtlmVersion(major, minor, build, revision);
    }

    @Override
    public String toString() {
        return major + "." + minor + "." + build + " (NTLM revision " + revision + ")";
    }
}
