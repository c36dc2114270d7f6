package dev.smbco.protocol.smb2;

import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * MS-DFSC 2.2.4 RESP_GET_DFS_REFERRAL: the output of {@link Fsctl#FSCTL_DFS_GET_REFERRALS}.
 * A minimal parse: the header and, per entry (DFS_REFERRAL_V1..V4, 2.2.5.x), its version, server
 * type, flags, time to live and the strings it points to. Entries follow each other by their Size;
 * string offsets count from the start of their entry and may point past it (into the string area
 * after all entries) but never past the buffer.
 *
 * @param pathConsumed        PathConsumed (2 bytes): bytes of the request path the referral covers
 * @param referralHeaderFlags ReferralHeaderFlags (4 bytes): R 1, S 2, T 4
 * @param referrals           ReferralEntries, NumberOfReferrals (2 bytes) of them
 */
public record DfsReferralResponse(int pathConsumed, int referralHeaderFlags, List<Referral> referrals) {
    private static final String NAME = "RESP_GET_DFS_REFERRAL";

    public DfsReferralResponse {
        referrals = List.copyOf(referrals);
    }

    /**
     * One referral entry.
     *
     * @param version          VersionNumber (2 bytes): 1..4
     * @param serverType       ServerType (2 bytes): 0 non-root target, 1 root target
     * @param flags            ReferralEntryFlags (2 bytes): {@link #NAME_LIST_REFERRAL}, {@link #TARGET_SET_BOUNDARY}
     * @param timeToLive       TimeToLive (4 bytes, seconds; V2..V4)
     * @param dfsPath          DFSPath (V2..V4), or SpecialName for a name list referral
     * @param dfsAlternatePath DFSAlternatePath (V2..V4)
     * @param networkAddress   NetworkAddress (V2..V4) or ShareName (V1): the target {@code \server\share}
     * @param expandedNames    ExpandedNames of a name list referral (V3/V4), else empty
     */
    public record Referral(int version, int serverType, int flags, int timeToLive, String dfsPath, String dfsAlternatePath,
                           String networkAddress, List<String> expandedNames) {
        public static final int NAME_LIST_REFERRAL = 0x0002;
        public static final int TARGET_SET_BOUNDARY = 0x0004;

        public Referral {
            expandedNames = List.copyOf(expandedNames);
            if (version < 1 || version > 4) {
                throw new IllegalArgumentException("DFS referral version " + version);
            }
        }

        boolean isNameList() {
            return version >= 3 && (flags & NAME_LIST_REFERRAL) != 0;
        }

        int fixedSize() {
            return switch (version) {
                case 1 -> 8;
                case 2 -> 22;
                default -> isNameList() ? 18 : 34;
            };
        }
    }

    /** The IOCTL output buffer: all entries, then all their strings. */
    public byte[] toBytes() {
        return Body.toBytes(out -> {
            out.writeShortLE(pathConsumed);     // PathConsumed (2 bytes)
            out.writeShortLE(referrals.size()); // NumberOfReferrals (2 bytes)
            out.writeIntLE(referralHeaderFlags); // ReferralHeaderFlags (4 bytes)
            int[] starts = new int[referrals.size()];
            for (int i = 0; i < referrals.size(); i++) {
                Referral r = referrals.get(i);
                starts[i] = out.writerIndex();
                out.writeShortLE(r.version());  // VersionNumber (2 bytes)
                int sizeIndex = out.writerIndex();
                out.writeShortLE(0);            // Size (2 bytes), patched
                out.writeShortLE(r.serverType()); // ServerType (2 bytes)
                out.writeShortLE(r.flags());    // ReferralEntryFlags (2 bytes)
                if (r.version() == 1) {
                    writeZ(out, r.networkAddress()); // ShareName (variable)
                } else {
                    if (r.version() == 2) {
                        out.writeIntLE(0);      // Proximity (4 bytes)
                    }
                    out.writeIntLE(r.timeToLive()); // TimeToLive (4 bytes)
                    out.writeZero(6);       // three 2-byte string offsets (or SpecialNameOffset, NumberOfExpandedNames, ExpandedNameOffset), patched below
                    if (r.version() >= 3 && !r.isNameList()) {
                        out.writeZero(16);      // ServiceSiteGuid (16 bytes)
                    }
                }
                out.setShortLE(sizeIndex, out.writerIndex() - starts[i]);
            }
            for (int i = 0; i < referrals.size(); i++) {
                Referral r = referrals.get(i);
                if (r.version() == 1) {
                    continue;
                }
                int offsets = starts[i] + (r.version() == 2 ? 16 : 12);
                if (r.isNameList()) {
                    out.setShortLE(offsets, out.writerIndex() - starts[i]);       // SpecialNameOffset
                    writeZ(out, r.dfsPath());
                    out.setShortLE(offsets + 2, r.expandedNames().size());        // NumberOfExpandedNames
                    out.setShortLE(offsets + 4, out.writerIndex() - starts[i]);   // ExpandedNameOffset
                    for (String n : r.expandedNames()) {
                        writeZ(out, n);
                    }
                } else {
                    out.setShortLE(offsets, out.writerIndex() - starts[i]);       // DFSPathOffset
                    writeZ(out, r.dfsPath());
                    out.setShortLE(offsets + 2, out.writerIndex() - starts[i]);   // DFSAlternatePathOffset
                    writeZ(out, r.dfsAlternatePath());
                    out.setShortLE(offsets + 4, out.writerIndex() - starts[i]);   // NetworkAddressOffset
                    writeZ(out, r.networkAddress());
                }
            }
        });
    }

    private static void writeZ(ByteBuf out, String s) {
        Wire.writeUtf16(out, s);
        out.writeShortLE(0);
    }

    /** Decodes from the IOCTL output (its readable bytes). */
    public static DfsReferralResponse decode(ByteBuf in) {
        int end = in.writerIndex();
        Wire.require(in, 8, NAME, "header");
        int consumed = in.readUnsignedShortLE();
        int count = in.readUnsignedShortLE();
        int headerFlags = in.readIntLE();
        Wire.count(in, count, 8, NAME, "NumberOfReferrals");
        List<Referral> referrals = new ArrayList<>(count);
        int pos = in.readerIndex();
        for (int i = 0; i < count; i++) {
            if (end - pos < 8) {
                throw new SmbDecodeException(NAME, "ReferralEntries", "entry " + i + " runs past the end");
            }
            int version = in.getUnsignedShortLE(pos);
            int size = in.getUnsignedShortLE(pos + 2);
            int serverType = in.getUnsignedShortLE(pos + 4);
            int flags = in.getUnsignedShortLE(pos + 6);
            if (version < 1 || version > 4) {
                throw new SmbDecodeException(NAME, "VersionNumber", version + " of entry " + i + " is not 1..4");
            }
            Referral shape = new Referral(version, serverType, flags, 0, "", "", "", List.of());
            if (size < shape.fixedSize() || pos + size > end) {
                throw new SmbDecodeException(NAME, "Size", size + " of entry " + i + " does not fit");
            }
            String s = NAME + " entry";
            if (version == 1) {
                referrals.add(new Referral(1, serverType, flags, 0, "", "", Body.utf16z(in, pos + 8, pos + size, s, "ShareName"), List.of()));
            } else {
                int ttl = in.getIntLE(pos + (version == 2 ? 12 : 8));
                int offsets = pos + (version == 2 ? 16 : 12);
                int a = in.getUnsignedShortLE(offsets);
                int b = in.getUnsignedShortLE(offsets + 2);
                int c = in.getUnsignedShortLE(offsets + 4);
                if (shape.isNameList()) {
                    String special = Body.utf16z(in, pos + a, end, s, "SpecialNameOffset");
                    List<String> names = new ArrayList<>();
                    int at = pos + c;
                    for (int k = 0; k < b; k++) {  // each name takes at least 2 bytes or utf16z fails: bounded
                        String n = Body.utf16z(in, at, end, s, "ExpandedNameOffset");
                        names.add(n);
                        at += Wire.utf16Length(n) + 2;
                    }
                    referrals.add(new Referral(version, serverType, flags, ttl, special, "", "", names));
                } else {
                    referrals.add(new Referral(version, serverType, flags, ttl, Body.utf16z(in, pos + a, end, s, "DFSPathOffset"),
                            Body.utf16z(in, pos + b, end, s, "DFSAlternatePathOffset"),
                            Body.utf16z(in, pos + c, end, s, "NetworkAddressOffset"), List.of()));
                }
            }
            pos += size;
        }
        in.readerIndex(end);
        return new DfsReferralResponse(consumed, headerFlags, referrals);
    }
}
