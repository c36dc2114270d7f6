package dev.smbco.protocol.dtyp;

import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * MS-DTYP 2.4.2 SID: a security identifier, in its binary form (2.4.2.2) and its string form
 * (2.4.2.1, {@code "S-1-5-21-..."}).
 *
 * <p>Binary layout: Revision (1 byte, always 1), SubAuthorityCount (1 byte, at most 15),
 * IdentifierAuthority (6 bytes, big-endian), SubAuthority (4 bytes little-endian each).
 *
 * @param identifierAuthority IdentifierAuthority (6 bytes): 0 .. 2^48-1 (5 = NT Authority)
 * @param subAuthorities      SubAuthority (variable): up to 15 unsigned 32-bit values
 */
public record Sid(long identifierAuthority, List<Long> subAuthorities) {
    /** The only SID revision. */
    public static final int REVISION = 1;
    public static final int MAX_SUB_AUTHORITIES = 15;
    private static final String NAME = "SID";
    private static final long MAX_AUTHORITY = (1L << 48) - 1;

    public static final Sid NULL = of(0, 0);
    public static final Sid EVERYONE = of(1, 0);
    public static final Sid CREATOR_OWNER = of(3, 0);
    public static final Sid CREATOR_GROUP = of(3, 1);
    public static final Sid NETWORK = of(5, 2);
    public static final Sid ANONYMOUS = of(5, 7);
    public static final Sid AUTHENTICATED_USERS = of(5, 11);
    public static final Sid LOCAL_SYSTEM = of(5, 18);
    public static final Sid BUILTIN_ADMINISTRATORS = of(5, 32, 544);
    public static final Sid BUILTIN_USERS = of(5, 32, 545);
    public static final Sid BUILTIN_GUESTS = of(5, 32, 546);

    private static final Map<Sid, String> WELL_KNOWN = Map.ofEntries(
            Map.entry(NULL, "NULL SID"),
            Map.entry(EVERYONE, "Everyone"),
            Map.entry(CREATOR_OWNER, "CREATOR OWNER"),
            Map.entry(CREATOR_GROUP, "CREATOR GROUP"),
            Map.entry(NETWORK, "NT AUTHORITY\\NETWORK"),
            Map.entry(of(5, 4), "NT AUTHORITY\\INTERACTIVE"),
            Map.entry(ANONYMOUS, "NT AUTHORITY\\ANONYMOUS LOGON"),
            Map.entry(AUTHENTICATED_USERS, "NT AUTHORITY\\Authenticated Users"),
            Map.entry(LOCAL_SYSTEM, "NT AUTHORITY\\SYSTEM"),
            Map.entry(of(5, 19), "NT AUTHORITY\\LOCAL SERVICE"),
            Map.entry(of(5, 20), "NT AUTHORITY\\NETWORK SERVICE"),
            Map.entry(BUILTIN_ADMINISTRATORS, "BUILTIN\\Administrators"),
            Map.entry(BUILTIN_USERS, "BUILTIN\\Users"),
            Map.entry(BUILTIN_GUESTS, "BUILTIN\\Guests"));

    public Sid {
        if (identifierAuthority < 0 || identifierAuthority > MAX_AUTHORITY) {
            throw new IllegalArgumentException("IdentifierAuthority " + identifierAuthority + " does not fit in 48 bits");
        }
        subAuthorities = List.copyOf(subAuthorities);
        if (subAuthorities.size() > MAX_SUB_AUTHORITIES) {
            throw new IllegalArgumentException("a SID has at most 15 sub-authorities, not " + subAuthorities.size());
        }
        for (long s : subAuthorities) {
            if (s < 0 || s > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("SubAuthority " + s + " does not fit in 32 unsigned bits");
            }
        }
    }

    public static Sid of(long identifierAuthority, long... subAuthorities) {
        List<Long> subs = new ArrayList<>(subAuthorities.length);
        for (long s : subAuthorities) {
            subs.add(s);
        }
        return new Sid(identifierAuthority, subs);
    }

    /** The relative identifier: the last sub-authority (e.g. 500 for a domain's Administrator). */
    public Optional<Long> rid() {
        return subAuthorities.isEmpty() ? Optional.empty() : Optional.of(subAuthorities.get(subAuthorities.size() - 1));
    }

    /** Encoded length in bytes: 8 + 4 per sub-authority. */
    public int size() {
        return 8 + 4 * subAuthorities.size();
    }

    public void encode(ByteBuf out) {
        out.writeByte(REVISION);                      // Revision (1 byte)
        out.writeByte(subAuthorities.size());         // SubAuthorityCount (1 byte)
        out.writeShort((int) (identifierAuthority >>> 32)); // IdentifierAuthority (6 bytes, big-endian)
        out.writeInt((int) identifierAuthority);
        for (long s : subAuthorities) {
            out.writeIntLE((int) s);                  // SubAuthority (4 bytes each)
        }
    }

    /** Decodes one SID at the reader index and advances past it; bytes after it are left alone. */
    public static Sid decode(ByteBuf in) {
        Wire.require(in, 8, NAME, "header");
        int revision = in.readUnsignedByte();                             // Revision (1 byte)
        if (revision != REVISION) {
            throw new SmbDecodeException(NAME, "Revision", revision + " is not 1");
        }
        int count = in.readUnsignedByte();                                // SubAuthorityCount (1 byte)
        if (count > MAX_SUB_AUTHORITIES) {
            throw new SmbDecodeException(NAME, "SubAuthorityCount", count + " exceeds 15");
        }
        long authority = (long) in.readUnsignedShort() << 32 | in.readUnsignedInt(); // IdentifierAuthority (6 bytes, BE)
        Wire.require(in, 4 * count, NAME, "SubAuthority");
        List<Long> subs = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            subs.add(in.readUnsignedIntLE());                             // SubAuthority (4 bytes each)
        }
        return new Sid(authority, subs);
    }

    /**
     * Parses the string form {@code S-1-<authority>(-<subauthority>)*}; the authority is decimal or
     * {@code 0x}-prefixed hex (MS-DTYP 2.4.2.1). The "S" may be lower case.
     *
     * @throws IllegalArgumentException if the text is not a SID
     */
    public static Sid parse(String text) {
        String[] parts = text.split("-", -1);
        if (parts.length < 3 || !parts[0].equalsIgnoreCase("S") || !parts[1].equals("1")) {
            throw new IllegalArgumentException("not a SID (S-1-...): " + text);
        }
        if (parts.length - 3 > MAX_SUB_AUTHORITIES) {
            throw new IllegalArgumentException("too many sub-authorities in " + text);
        }
        try {
            String a = parts[2];
            long authority = a.startsWith("0x") || a.startsWith("0X") ? parseUnsigned(a.substring(2), 16, text)
                    : parseUnsigned(a, 10, text);
            long[] subs = new long[parts.length - 3];
            for (int i = 0; i < subs.length; i++) {
                subs[i] = parseUnsigned(parts[i + 3], 10, text);
            }
            return of(authority, subs);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a SID: " + text, e);
        }
    }

    private static long parseUnsigned(String digits, int radix, String text) {
        if (digits.isEmpty() || digits.length() > 15 || digits.charAt(0) == '+' || digits.charAt(0) == '-') {
            throw new IllegalArgumentException("bad number '" + digits + "' in SID " + text);
        }
        return Long.parseLong(digits, radix);
    }

    /** A display name for well-known SIDs ("Everyone", "BUILTIN\Administrators", "Unix User\1000", ...). */
    public Optional<String> wellKnownName() {
        String name = WELL_KNOWN.get(this);
        if (name != null) {
            return Optional.of(name);
        }
        if (identifierAuthority == 22 && subAuthorities.size() == 2) { // Samba's Unix user/group SIDs
            long kind = subAuthorities.get(0);
            if (kind == 1 || kind == 2) {
                return Optional.of((kind == 1 ? "Unix User\\" : "Unix Group\\") + subAuthorities.get(1));
            }
        }
        return Optional.empty();
    }

    /** The string form, e.g. {@code S-1-5-32-544}; authorities of 2^32 and above in hex (MS-DTYP 2.4.2.1). */
    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("S-1-");
        if (identifierAuthority >= 1L << 32) {
            b.append(String.format("0x%012X", identifierAuthority));
        } else {
            b.append(identifierAuthority);
        }
        for (long s : subAuthorities) {
            b.append('-').append(s);
        }
        return b.toString();
    }
}
