package dev.smbco.protocol.auth;

/** MS-NLMP 2.2.2.5 NEGOTIATE: the NegotiateFlags bits. */
public final class NtlmFlags {
    private NtlmFlags() {
    }

    public static final int NEGOTIATE_UNICODE = 0x00000001;
    public static final int NEGOTIATE_OEM = 0x00000002;
    public static final int REQUEST_TARGET = 0x00000004;
    public static final int NEGOTIATE_SIGN = 0x00000010;
    public static final int NEGOTIATE_SEAL = 0x00000020;
    public static final int NEGOTIATE_DATAGRAM = 0x00000040;
    public static final int NEGOTIATE_LM_KEY = 0x00000080;
    public static final int NEGOTIATE_NTLM = 0x00000200;
    public static final int NEGOTIATE_ANONYMOUS = 0x00000800;
    public static final int NEGOTIATE_OEM_DOMAIN_SUPPLIED = 0x00001000;
    public static final int NEGOTIATE_OEM_WORKSTATION_SUPPLIED = 0x00002000;
    public static final int NEGOTIATE_ALWAYS_SIGN = 0x00008000;
    public static final int TARGET_TYPE_DOMAIN = 0x00010000;
    public static final int TARGET_TYPE_SERVER = 0x00020000;
    public static final int NEGOTIATE_EXTENDED_SESSIONSECURITY = 0x00080000;
    public static final int NEGOTIATE_IDENTIFY = 0x00100000;
    public static final int REQUEST_NON_NT_SESSION_KEY = 0x00400000;
    public static final int NEGOTIATE_TARGET_INFO = 0x00800000;
    public static final int NEGOTIATE_VERSION = 0x02000000;
    public static final int NEGOTIATE_128 = 0x20000000;
    public static final int NEGOTIATE_KEY_EXCH = 0x40000000;
    public static final int NEGOTIATE_56 = 0x80000000;

    /**
     * What this client asks for in NEGOTIATE_MESSAGE (0xE2088217): Unicode, OEM, target, sign,
     * NTLM, always-sign, extended session security, version, 128-bit, key exchange, 56-bit. This is
     * what a Windows SMB client sends (0xE2088297) without NEGOTIATE_LM_KEY: we never use LM keys.
     */
    public static final int CLIENT_DEFAULT = NEGOTIATE_56 | NEGOTIATE_KEY_EXCH | NEGOTIATE_128 | NEGOTIATE_VERSION
            | NEGOTIATE_EXTENDED_SESSIONSECURITY | NEGOTIATE_ALWAYS_SIGN | NEGOTIATE_NTLM
            | NEGOTIATE_SIGN | REQUEST_TARGET | NEGOTIATE_OEM | NEGOTIATE_UNICODE;

    public static boolean has(int flags, int flag) {
        return (flags & flag) == flag;
    }
}
