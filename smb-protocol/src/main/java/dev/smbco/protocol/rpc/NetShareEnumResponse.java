package dev.smbco.protocol.rpc;

import dev.smbco.protocol.SmbDecodeException;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * MS-SRVS 3.1.4.8 NetrShareEnum response ([out] parameters) at level 1: InfoStruct with its
 * SHARE_INFO_1_CONTAINER (MS-SRVS 2.2.4.33) of SHARE_INFO_1 entries, TotalEntries, ResumeHandle
 * and the NET_API_STATUS return value.
 *
 * @param shares       the entries read
 * @param totalEntries TotalEntries
 * @param resumeHandle ResumeHandle's referent, or -1 for a null pointer
 * @param status       the return value: 0, {@link Srvsvc#ERROR_MORE_DATA}, {@link Srvsvc#ERROR_ACCESS_DENIED}, ...
 */
public record NetShareEnumResponse(List<ShareInfo1> shares, int totalEntries, long resumeHandle, int status) {
    private static final String NAME = "NetrShareEnum response";
    /** shi1_netname pointer, shi1_type, shi1_remark pointer. */
    private static final int ENTRY_SIZE = 12;

    public NetShareEnumResponse {
        shares = List.copyOf(shares);
    }

    /** Decodes the stub data (the reassembled response stub). */
    public static NetShareEnumResponse decode(ByteBuf stub) {
        NdrReader r = new NdrReader(stub, NAME);
        int level = r.u32("InfoStruct.Level");
        int tag = r.u32("InfoStruct.ShareInfo");        // the union's discriminant
        if (tag != level) {
            throw new SmbDecodeException(NAME, "InfoStruct.ShareInfo", "discriminant " + tag + " is not Level " + level);
        }
        if (level != NetShareEnumRequest.LEVEL_1) {
            throw new SmbDecodeException(NAME, "InfoStruct.Level", level + " is not the level 1 asked for");
        }
        List<ShareInfo1> shares = new ArrayList<>();
        if (r.pointer("InfoStruct.ShareInfo.Level1") != 0) {
            int entriesRead = r.u32("SHARE_INFO_1_CONTAINER.EntriesRead");
            if (r.pointer("SHARE_INFO_1_CONTAINER.Buffer") != 0) {
                int count = r.count("SHARE_INFO_1_CONTAINER.Buffer", ENTRY_SIZE); // the conformant array's maximum_count
                if (count != entriesRead) {
                    throw new SmbDecodeException(NAME, "SHARE_INFO_1_CONTAINER.Buffer", count + " entries where EntriesRead says " + entriesRead);
                }
                int[] names = new int[count];
                int[] types = new int[count];
                int[] remarks = new int[count];
                for (int i = 0; i < count; i++) {
                    names[i] = r.pointer("shi1_netname");
                    types[i] = r.u32("shi1_type");
                    remarks[i] = r.pointer("shi1_remark");
                }
                for (int i = 0; i < count; i++) {     // the strings, deferred in the order of their pointers
                    String name = names[i] != 0 ? r.string("shi1_netname") : "";
                    String remark = remarks[i] != 0 ? r.string("shi1_remark") : "";
                    shares.add(new ShareInfo1(name, types[i], remark));
                }
            } else if (entriesRead != 0) {
                throw new SmbDecodeException(NAME, "SHARE_INFO_1_CONTAINER.Buffer", "null with EntriesRead " + Integer.toUnsignedLong(entriesRead));
            }
        }
        int total = r.u32("TotalEntries");
        long resume = r.pointer("ResumeHandle") != 0 ? Integer.toUnsignedLong(r.u32("ResumeHandle")) : -1;
        int status = r.u32("return value");
        return new NetShareEnumResponse(shares, total, resume, status);
    }
}
