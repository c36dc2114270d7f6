package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Dialect;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.Smb2Response;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * MS-SMB2 2.2.4 SMB2 NEGOTIATE Response.
 *
 * <p>The security buffer (the server's SPNEGO negTokenInit2) is copied into a byte array: it is
 * small, the authenticator consumes {@code byte[]}, and the preauth hash is taken over the whole
 * frame anyway. Negotiate contexts are decoded only for dialect 3.1.1.
 *
 * @param securityMode     SecurityMode (2 bytes), {@link SecurityMode}
 * @param dialectRevision  DialectRevision (2 bytes); 0x02FF for the SMB1-negotiate wildcard
 * @param serverGuid       ServerGuid (16 bytes)
 * @param capabilities     Capabilities (4 bytes), {@link Capabilities}
 * @param maxTransactSize  MaxTransactSize (4 bytes, unsigned)
 * @param maxReadSize      MaxReadSize (4 bytes, unsigned)
 * @param maxWriteSize     MaxWriteSize (4 bytes, unsigned)
 * @param systemTime       SystemTime (8 bytes, FILETIME)
 * @param serverStartTime  ServerStartTime (8 bytes, FILETIME)
 * @param securityBuffer   Buffer at SecurityBufferOffset/SecurityBufferLength (2 + 2 bytes)
 * @param contexts         NegotiateContextList at NegotiateContextOffset, NegotiateContextCount entries
 */
public record NegotiateResponse(int securityMode, int dialectRevision, UUID serverGuid, int capabilities,
                                int maxTransactSize, int maxReadSize, int maxWriteSize, long systemTime,
                                long serverStartTime, byte[] securityBuffer, List<NegotiateContext> contexts)
        implements Smb2Response {
    public static final int STRUCTURE_SIZE = 65;
    private static final int FIXED = 64;
    private static final String NAME = "NEGOTIATE response";

    public NegotiateResponse {
        contexts = List.copyOf(contexts);
    }

    @Override
    public Command command() {
        return Command.NEGOTIATE;
    }

    /** The negotiated dialect; throws SmbDecodeException for a revision we did not offer (e.g. 0x02FF). */
    public Dialect dialect() {
        return Dialect.fromRevision(dialectRevision);
    }

    /** The first context of the given type, if present. */
    public <T extends NegotiateContext> Optional<T> context(Class<T> type) {
        return contexts.stream().filter(type::isInstance).map(type::cast).findFirst();
    }

    public void encode(ByteBuf out) {
        int hdr = Body.headerStart(out);
        out.writeShortLE(STRUCTURE_SIZE);       // StructureSize (2 bytes)
        out.writeShortLE(securityMode);         // SecurityMode (2 bytes)
        out.writeShortLE(dialectRevision);      // DialectRevision (2 bytes)
        out.writeShortLE(contexts.size());      // NegotiateContextCount/Reserved (2 bytes)
        Wire.writeGuid(out, serverGuid);        // ServerGuid (16 bytes)
        out.writeIntLE(capabilities);           // Capabilities (4 bytes)
        out.writeIntLE(maxTransactSize);        // MaxTransactSize (4 bytes)
        out.writeIntLE(maxReadSize);            // MaxReadSize (4 bytes)
        out.writeIntLE(maxWriteSize);           // MaxWriteSize (4 bytes)
        out.writeLongLE(systemTime);            // SystemTime (8 bytes)
        out.writeLongLE(serverStartTime);       // ServerStartTime (8 bytes)
        out.writeShortLE(Smb2Header.SIZE + FIXED); // SecurityBufferOffset (2 bytes)
        out.writeShortLE(Body.u16(securityBuffer.length, "SecurityBuffer")); // SecurityBufferLength (2 bytes)
        int offsetIndex = out.writerIndex();
        out.writeIntLE(0);                      // NegotiateContextOffset/Reserved2 (4 bytes), patched
        out.writeBytes(securityBuffer);         // Buffer (variable)
        if (!contexts.isEmpty()) {
            Wire.pad8(out, hdr);                // Padding (variable)
            out.setIntLE(offsetIndex, Body.offset(out, hdr));
            NegotiateContext.encodeList(out, hdr, contexts); // NegotiateContextList (variable)
        }
    }

    /** Decodes the body (convention of {@link Wire}). */
    public static NegotiateResponse decode(ByteBuf in) {
        int hdr = Body.start(in, FIXED, STRUCTURE_SIZE, NAME);
        int securityMode = in.readUnsignedShortLE();
        int dialect = in.readUnsignedShortLE();
        int contextCount = in.readUnsignedShortLE();
        UUID serverGuid = Wire.readGuid(in);
        int capabilities = in.readIntLE();
        int maxTransact = in.readIntLE();
        int maxRead = in.readIntLE();
        int maxWrite = in.readIntLE();
        long systemTime = in.readLongLE();
        long startTime = in.readLongLE();
        int bufferOffset = in.readUnsignedShortLE();
        int bufferLength = in.readUnsignedShortLE();
        long contextOffset = in.readUnsignedIntLE();
        byte[] securityBuffer = Wire.bytes(in, hdr, bufferOffset, bufferLength, Smb2Header.SIZE + FIXED, NAME, "SecurityBuffer");
        List<NegotiateContext> contexts = dialect == Dialect.SMB3_11.revision()
                ? NegotiateContext.decodeList(in, hdr, contextOffset, contextCount, Smb2Header.SIZE + FIXED, NAME)
                : List.of();
        return new NegotiateResponse(securityMode, dialect, serverGuid, capabilities, maxTransact, maxRead, maxWrite,
                systemTime, startTime, securityBuffer, contexts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NegotiateResponse r && securityMode == r.securityMode && dialectRevision == r.dialectRevision
                && serverGuid.equals(r.serverGuid) && capabilities == r.capabilities && maxTransactSize == r.maxTransactSize
                && maxReadSize == r.maxReadSize && maxWriteSize == r.maxWriteSize && systemTime == r.systemTime
                && serverStartTime == r.serverStartTime && Arrays.equals(securityBuffer, r.securityBuffer)
                && contexts.equals(r.contexts);
    }

    @Override
    public int hashCode() {
        return serverGuid.hashCode() * 31 + dialectRevision;
    }

    @Override
    public String toString() {
        return String.format("NegotiateResponse[dialect=0x%04X, securityMode=0x%X, capabilities=0x%X, maxTransact=%d, maxRead=%d, "
                        + "maxWrite=%d, serverGuid=%s, securityBuffer=%d bytes, contexts=%s]", dialectRevision, securityMode,
                capabilities, Integer.toUnsignedLong(maxTransactSize), Integer.toUnsignedLong(maxReadSize),
                Integer.toUnsignedLong(maxWriteSize), serverGuid, securityBuffer.length, contexts);
    }
}
