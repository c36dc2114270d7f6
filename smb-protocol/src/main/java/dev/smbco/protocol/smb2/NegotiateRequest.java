package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.Smb2Request;
import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * MS-SMB2 2.2.3 SMB2 NEGOTIATE Request.
 *
 * <p>Negotiate contexts are sent only when {@code contexts} is non-empty (the 3.1.1 form:
 * NegotiateContextOffset/Count/Reserved2); otherwise those 8 bytes are ClientStartTime = 0.
 *
 * @param dialects     Dialects (2 bytes each): revisions offered, e.g. 0x0202 .. 0x0311
 * @param securityMode SecurityMode (2 bytes), {@link SecurityMode}
 * @param capabilities Capabilities (4 bytes), {@link Capabilities}
 * @param clientGuid   ClientGuid (16 bytes)
 * @param contexts     NegotiateContextList (3.1.1)
 */
public record NegotiateRequest(List<Integer> dialects, int securityMode, int capabilities, UUID clientGuid,
                               List<NegotiateContext> contexts) implements Smb2Request {
    public static final int STRUCTURE_SIZE = 36;
    private static final String NAME = "NEGOTIATE request";

    public NegotiateRequest {
        dialects = List.copyOf(dialects);
        contexts = List.copyOf(contexts);
        if (dialects.isEmpty()) {
            throw new IllegalArgumentException("a NEGOTIATE request offers at least one dialect");
        }
        if (!contexts.isEmpty() && !dialects.contains(Dialect.SMB3_11.revision())) {
            throw new IllegalArgumentException("negotiate contexts are only sent when 3.1.1 is offered");
        }
    }

    /**
     * A request offering the given dialects, with MS-SMB2 2.2.3's rules for what the offer allows:
     * Capabilities are 0 unless a 3.x dialect is offered, and ClientGuid is 0 when 2.0.2 is the
     * only dialect offered.
     */
    public static NegotiateRequest of(Collection<Dialect> dialects, int securityMode, int capabilities, UUID clientGuid,
                                      List<NegotiateContext> contexts) {
        List<Integer> revisions = new ArrayList<>();
        boolean smb3 = false;
        for (Dialect d : dialects) {
            revisions.add(d.revision());
            smb3 |= d.isSmb3();
        }
        boolean only202 = revisions.equals(List.of(Dialect.SMB2_02.revision()));
        return new NegotiateRequest(revisions, securityMode, smb3 ? capabilities : 0, only202 ? ZERO_GUID : clientGuid, contexts);
    }

    /** The all-zero GUID. */
    private static final UUID ZERO_GUID = new UUID(0, 0);

    @Override
    public Command command() {
        return Command.NEGOTIATE;
    }

    @Override
    public void encode(ByteBuf out) {
        int hdr = Body.headerStart(out);
        out.writeShortLE(STRUCTURE_SIZE);       // StructureSize (2 bytes)
        out.writeShortLE(dialects.size());      // DialectCount (2 bytes)
        out.writeShortLE(securityMode);         // SecurityMode (2 bytes)
        out.writeShortLE(0);                    // Reserved (2 bytes)
        out.writeIntLE(capabilities);           // Capabilities (4 bytes)
        Wire.writeGuid(out, clientGuid);        // ClientGuid (16 bytes)
        int offsetIndex = out.writerIndex();
        out.writeIntLE(0);                      // NegotiateContextOffset (4 bytes), patched / ClientStartTime low
        out.writeShortLE(contexts.size());      // NegotiateContextCount (2 bytes)
        out.writeShortLE(0);                    // Reserved2 (2 bytes)
        for (int d : dialects) {
            out.writeShortLE(d);                // Dialects (2 bytes each)
        }
        if (!contexts.isEmpty()) {
            Wire.pad8(out, hdr);                // Padding (variable)
            out.setIntLE(offsetIndex, Body.offset(out, hdr));
            NegotiateContext.encodeList(out, hdr, contexts); // NegotiateContextList (variable)
        }
    }

    /** Decodes the body (convention of {@link Wire}). */
    public static NegotiateRequest decode(ByteBuf in) {
        int hdr = Body.start(in, STRUCTURE_SIZE, STRUCTURE_SIZE, NAME);
        int dialectCount = in.readUnsignedShortLE();
        int securityMode = in.readUnsignedShortLE();
        in.skipBytes(2);
        int capabilities = in.readIntLE();
        UUID clientGuid = Wire.readGuid(in);
        long contextOffset = in.readUnsignedIntLE();
        int contextCount = in.readUnsignedShortLE();
        in.skipBytes(2);
        if (dialectCount == 0) {
            throw new SmbDecodeException(NAME, "DialectCount", "is 0");
        }
        Wire.count(in, dialectCount, 2, NAME, "DialectCount");
        List<Integer> dialects = new ArrayList<>(dialectCount);
        for (int i = 0; i < dialectCount; i++) {
            dialects.add(in.readUnsignedShortLE());
        }
        List<NegotiateContext> contexts = dialects.contains(Dialect.SMB3_11.revision())
                ? NegotiateContext.decodeList(in, hdr, contextOffset, contextCount, Smb2Header.SIZE + STRUCTURE_SIZE, NAME)
                : List.of();
        return new NegotiateRequest(dialects, securityMode, capabilities, clientGuid, contexts);
    }
}
