package dev.smbco.protocol.auth;

import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * MS-NLMP 2.2.2.1: a TargetInfo list of AV_PAIRs (CHALLENGE_MESSAGE TargetInfo and the
 * NTLMv2_CLIENT_CHALLENGE AvPairs). The terminating MsvAvEOL is not kept in {@link #pairs()};
 * {@link #encode(ByteBuf)} writes it.
 *
 * @param pairs the pairs in wire order, without MsvAvEOL
 */
public record TargetInfo(List<AvPair> pairs) {
    private static final String STRUCTURE = "NTLM TargetInfo";

    public TargetInfo {
        pairs = List.copyOf(pairs);
        for (AvPair p : pairs) {
            if (p.id() == AvPair.MSV_AV_EOL) {
                throw new IllegalArgumentException("MsvAvEOL is written by encode, not listed");
            }
        }
    }

    /** The first pair with this id. */
    public Optional<AvPair> find(int id) {
        return pairs.stream().filter(p -> p.id() == id).findFirst();
    }

    /** MsvAvTimestamp (FILETIME) if the server sent one. */
    public Optional<Long> timestamp() {
        return find(AvPair.MSV_AV_TIMESTAMP).filter(p -> p.length() == 8).map(AvPair::longValue);
    }

    /** Encoded length, including MsvAvEOL. */
    public int encodedLength() {
        int n = 4;
        for (AvPair p : pairs) {
            n += 4 + p.length();
        }
        return n;
    }

    /** Writes the pairs and MsvAvEOL. */
    public void encode(ByteBuf out) {
        for (AvPair p : pairs) {
            out.writeShortLE(p.id());           // AvId (2 bytes)
            out.writeShortLE(p.length());       // AvLen (2 bytes)
            out.writeBytes(p.value());          // Value (AvLen bytes)
        }
        out.writeShortLE(AvPair.MSV_AV_EOL);
        out.writeShortLE(0);
    }

    /**
     * Reads pairs up to MsvAvEOL or the end of the readable bytes (whichever comes first).
     *
     * @throws SmbDecodeException if a pair runs past the end
     */
    public static TargetInfo decode(ByteBuf in) {
        List<AvPair> pairs = new ArrayList<>();
        while (in.isReadable()) {
            Wire.require(in, 4, STRUCTURE, "AV_PAIR header");
            int id = in.readUnsignedShortLE();
            int length = in.readUnsignedShortLE();
            if (id == AvPair.MSV_AV_EOL) {
                break;
            }
            Wire.require(in, length, STRUCTURE, "AV_PAIR " + id + " Value");
            byte[] value = new byte[length];
            in.readBytes(value);
            pairs.add(new AvPair(id, value));
        }
        return new TargetInfo(pairs);
    }
}
