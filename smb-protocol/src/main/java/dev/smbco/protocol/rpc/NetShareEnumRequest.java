package dev.smbco.protocol.rpc;

import io.netty.buffer.ByteBuf;

/**
 * MS-SRVS 3.1.4.8 NetrShareEnum request ([in] parameters), level 1 only:
 * <pre>
 * NET_API_STATUS NetrShareEnum(
 *   [in, string, unique] SRVSVC_HANDLE ServerName,
 *   [in, out] LPSHARE_ENUM_STRUCT InfoStruct,
 *   [in] DWORD PreferedMaximumLength,
 *   [out] DWORD* TotalEntries,
 *   [in, out, unique] DWORD* ResumeHandle);
 * </pre>
 *
 * @param serverName      ServerName, e.g. {@code \\host}; null sends a null pointer
 * @param preferredMax    PreferedMaximumLength: 0xFFFFFFFF asks for everything at once
 * @param resumeHandle    ResumeHandle: 0 to start
 */
public record NetShareEnumRequest(String serverName, int preferredMax, int resumeHandle) {
    /** MS-SRVS 2.2.4.38 SHARE_ENUM_STRUCT Level: SHARE_INFO_1_CONTAINER. */
    public static final int LEVEL_1 = 1;
    /** MAX_PREFERRED_LENGTH. */
    public static final int MAX_PREFERRED_LENGTH = 0xFFFFFFFF;

    public static NetShareEnumRequest all(String serverName) {
        return new NetShareEnumRequest(serverName, MAX_PREFERRED_LENGTH, 0);
    }

    /** Writes the stub data (NDR 2.0). */
    public void encode(ByteBuf out) {
        NdrWriter w = new NdrWriter(out);
        w.pointer(serverName != null);          // ServerName: unique pointer
        if (serverName != null) {
            w.string(serverName);               //   its referent, right behind (a top-level pointer)
        }
        w.u32(LEVEL_1);                         // InfoStruct->Level (a reference pointer: no referent id)
        w.u32(LEVEL_1);                         // InfoStruct->ShareInfo: the union's discriminant
        w.pointer(true);                        //   ->Level1: unique pointer to SHARE_INFO_1_CONTAINER
        w.u32(0);                               //     deferred: EntriesRead
        w.pointer(false);                       //     Buffer: null, the server fills it
        w.u32(preferredMax);                    // PreferedMaximumLength
        w.pointer(true);                        // ResumeHandle: unique pointer
        w.u32(resumeHandle);                    //   its referent
    }
}
