package dev.smbco.protocol.smb2;

import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.util.ArrayList;
import java.util.List;

/**
 * MS-SMB2 2.2.3.1 SMB2 NEGOTIATE_CONTEXT: one context of the 3.1.1 NEGOTIATE request/response.
 *
 * <p>On the wire: ContextType (2 bytes), DataLength (2 bytes), Reserved (4 bytes), Data; each
 * context starts 8-byte aligned relative to the SMB2 header. Types we do not model are kept as
 * {@link Unknown} (type + raw data) so a list decodes, re-encodes and can be inspected safely.
 */
public sealed interface NegotiateContext {
    int PREAUTH_INTEGRITY_CAPABILITIES = 0x0001;
    int ENCRYPTION_CAPABILITIES = 0x0002;
    int COMPRESSION_CAPABILITIES = 0x0003;
    int NETNAME_NEGOTIATE_CONTEXT_ID = 0x0005;
    int TRANSPORT_CAPABILITIES = 0x0006;
    int RDMA_TRANSFORM_CAPABILITIES = 0x0007;
    int SIGNING_CAPABILITIES = 0x0008;

    /** ContextType (2 bytes). */
    int contextType();

    /** Writes Data (without the 8-byte context header). */
    void encodeData(ByteBuf out);

    /** MS-SMB2 2.2.3.1.1 SMB2_PREAUTH_INTEGRITY_CAPABILITIES. */
    record PreauthIntegrityCapabilities(List<Integer> hashAlgorithms, byte[] salt) implements NegotiateContext {
        /** SHA-512, the only hash algorithm defined. */
        public static final int SHA_512 = 0x0001;

        public PreauthIntegrityCapabilities {
            hashAlgorithms = List.copyOf(hashAlgorithms);
        }

        @Override
        public int contextType() {
            return PREAUTH_INTEGRITY_CAPABILITIES;
        }

        @Override
        public void encodeData(ByteBuf out) {
            out.writeShortLE(hashAlgorithms.size()); // HashAlgorithmCount (2 bytes)
            out.writeShortLE(Body.u16(salt.length, "Salt")); // SaltLength (2 bytes)
            for (int h : hashAlgorithms) {
                out.writeShortLE(h);            // HashAlgorithms (2 bytes each)
            }
            out.writeBytes(salt);               // Salt (variable)
        }

        static PreauthIntegrityCapabilities decodeData(ByteBuf d) {
            String name = "SMB2_PREAUTH_INTEGRITY_CAPABILITIES";
            Wire.require(d, 4, name, "HashAlgorithmCount");
            int count = d.readUnsignedShortLE();
            int saltLength = d.readUnsignedShortLE();
            return new PreauthIntegrityCapabilities(readU16List(d, count, name, "HashAlgorithms"),
                    Wire.readBytes(d, saltLength, name, "Salt"));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof PreauthIntegrityCapabilities p && hashAlgorithms.equals(p.hashAlgorithms)
                    && java.util.Arrays.equals(salt, p.salt);
        }

        @Override
        public int hashCode() {
            return hashAlgorithms.hashCode() * 31 + java.util.Arrays.hashCode(salt);
        }

        @Override
        public String toString() {
            return "PreauthIntegrityCapabilities[hashAlgorithms=" + hashAlgorithms + ", salt=" + salt.length + " bytes]";
        }
    }

    /** MS-SMB2 2.2.3.1.2 SMB2_ENCRYPTION_CAPABILITIES: cipher ids in preference order (1 AES-128-CCM, 2 AES-128-GCM, 3 AES-256-CCM, 4 AES-256-GCM). */
    record EncryptionCapabilities(List<Integer> ciphers) implements NegotiateContext {
        public EncryptionCapabilities {
            ciphers = List.copyOf(ciphers);
        }

        @Override
        public int contextType() {
            return ENCRYPTION_CAPABILITIES;
        }

        @Override
        public void encodeData(ByteBuf out) {
            out.writeShortLE(ciphers.size());   // CipherCount (2 bytes)
            for (int c : ciphers) {
                out.writeShortLE(c);            // Ciphers (2 bytes each)
            }
        }

        static EncryptionCapabilities decodeData(ByteBuf d) {
            String name = "SMB2_ENCRYPTION_CAPABILITIES";
            Wire.require(d, 2, name, "CipherCount");
            return new EncryptionCapabilities(readU16List(d, d.readUnsignedShortLE(), name, "Ciphers"));
        }
    }

    /** MS-SMB2 2.2.3.1.3 SMB2_COMPRESSION_CAPABILITIES (algorithms: 0 none, 1 LZNT1, 2 LZ77, 3 LZ77+Huffman, 4 Pattern_V1, 5 LZ4). */
    record CompressionCapabilities(int flags, List<Integer> algorithms) implements NegotiateContext {
        /** SMB2_COMPRESSION_CAPABILITIES_FLAG_CHAINED. */
        public static final int FLAG_CHAINED = 0x00000001;

        public CompressionCapabilities {
            algorithms = List.copyOf(algorithms);
        }

        @Override
        public int contextType() {
            return COMPRESSION_CAPABILITIES;
        }

        @Override
        public void encodeData(ByteBuf out) {
            out.writeShortLE(algorithms.size()); // CompressionAlgorithmCount (2 bytes)
            out.writeShortLE(0);                // Padding (2 bytes)
            out.writeIntLE(flags);              // Flags (4 bytes)
            for (int a : algorithms) {
                out.writeShortLE(a);            // CompressionAlgorithms (2 bytes each)
            }
        }

        static CompressionCapabilities decodeData(ByteBuf d) {
            String name = "SMB2_COMPRESSION_CAPABILITIES";
            Wire.require(d, 8, name, "CompressionAlgorithmCount");
            int count = d.readUnsignedShortLE();
            d.skipBytes(2);
            int flags = d.readIntLE();
            return new CompressionCapabilities(flags, readU16List(d, count, name, "CompressionAlgorithms"));
        }
    }

    /** MS-SMB2 2.2.3.1.4 SMB2_NETNAME_NEGOTIATE_CONTEXT_ID: the server name the client connects to (UTF-16LE, no terminator). */
    record NetnameNegotiateContext(String netName) implements NegotiateContext {
        @Override
        public int contextType() {
            return NETNAME_NEGOTIATE_CONTEXT_ID;
        }

        @Override
        public void encodeData(ByteBuf out) {
            Wire.writeUtf16(out, netName);      // NetName (variable)
        }

        static NetnameNegotiateContext decodeData(ByteBuf d) {
            return new NetnameNegotiateContext(Wire.utf16(d, d.readerIndex(), d.readableBytes(), "SMB2_NETNAME_NEGOTIATE_CONTEXT_ID", "NetName"));
        }
    }

    /** MS-SMB2 2.2.3.1.5 SMB2_TRANSPORT_CAPABILITIES. */
    record TransportCapabilities(int flags) implements NegotiateContext {
        /** SMB2_ACCEPT_TRANSPORT_LEVEL_SECURITY. */
        public static final int ACCEPT_TRANSPORT_LEVEL_SECURITY = 0x00000001;

        @Override
        public int contextType() {
            return TRANSPORT_CAPABILITIES;
        }

        @Override
        public void encodeData(ByteBuf out) {
            out.writeIntLE(flags);              // Flags (4 bytes)
        }

        static TransportCapabilities decodeData(ByteBuf d) {
            Wire.require(d, 4, "SMB2_TRANSPORT_CAPABILITIES", "Flags");
            return new TransportCapabilities(d.readIntLE());
        }
    }

    /** MS-SMB2 2.2.3.1.7 SMB2_SIGNING_CAPABILITIES: signing algorithm ids (0 HMAC-SHA256, 1 AES-CMAC, 2 AES-GMAC). */
    record SigningCapabilities(List<Integer> algorithms) implements NegotiateContext {
        public SigningCapabilities {
            algorithms = List.copyOf(algorithms);
        }

        @Override
        public int contextType() {
            return SIGNING_CAPABILITIES;
        }

        @Override
        public void encodeData(ByteBuf out) {
            out.writeShortLE(algorithms.size()); // SigningAlgorithmCount (2 bytes)
            for (int a : algorithms) {
                out.writeShortLE(a);            // SigningAlgorithms (2 bytes each)
            }
        }

        static SigningCapabilities decodeData(ByteBuf d) {
            String name = "SMB2_SIGNING_CAPABILITIES";
            Wire.require(d, 2, name, "SigningAlgorithmCount");
            return new SigningCapabilities(readU16List(d, d.readUnsignedShortLE(), name, "SigningAlgorithms"));
        }
    }

    /** Any other context (e.g. RDMA transform): kept as type + raw data. */
    record Unknown(int contextType, byte[] data) implements NegotiateContext {
        @Override
        public void encodeData(ByteBuf out) {
            out.writeBytes(data);               // Data (variable)
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown u && contextType == u.contextType && java.util.Arrays.equals(data, u.data);
        }

        @Override
        public int hashCode() {
            return contextType * 31 + java.util.Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return String.format("NegotiateContext.Unknown[type=0x%04X, %d bytes]", contextType, data.length);
        }
    }

    /** Decodes one context's Data; {@code data} is bounded to exactly DataLength bytes. */
    static NegotiateContext decode(int type, ByteBuf data) {
        return switch (type) {
            case PREAUTH_INTEGRITY_CAPABILITIES -> PreauthIntegrityCapabilities.decodeData(data);
            case ENCRYPTION_CAPABILITIES -> EncryptionCapabilities.decodeData(data);
            case COMPRESSION_CAPABILITIES -> CompressionCapabilities.decodeData(data);
            case NETNAME_NEGOTIATE_CONTEXT_ID -> NetnameNegotiateContext.decodeData(data);
            case TRANSPORT_CAPABILITIES -> TransportCapabilities.decodeData(data);
            case SIGNING_CAPABILITIES -> SigningCapabilities.decodeData(data);
            default -> new Unknown(type, Wire.readBytes(data, data.readableBytes(), "NEGOTIATE_CONTEXT", "Data"));
        };
    }

    /**
     * Writes a context list at the writer index, which must already be 8-byte aligned relative
     * to {@code headerStart}; pads between contexts (not after the last).
     */
    static void encodeList(ByteBuf out, int headerStart, List<NegotiateContext> contexts) {
        for (int i = 0; i < contexts.size(); i++) {
            if (i > 0) {
                Wire.pad8(out, headerStart);
            }
            NegotiateContext c = contexts.get(i);
            out.writeShortLE(c.contextType());  // ContextType (2 bytes)
            int lengthIndex = out.writerIndex();
            out.writeShortLE(0);                // DataLength (2 bytes), patched below
            out.writeIntLE(0);                  // Reserved (4 bytes)
            int dataStart = out.writerIndex();
            c.encodeData(out);                  // Data (variable)
            out.setShortLE(lengthIndex, Body.u16(out.writerIndex() - dataStart, "negotiate context data"));
        }
    }

    /**
     * Decodes {@code count} contexts starting at {@code offset} from the header; every context
     * header and its data are bounds-checked against the message end.
     */
    static List<NegotiateContext> decodeList(ByteBuf in, int headerStart, long offset, int count, int minOffset, String structure) {
        List<NegotiateContext> list = new ArrayList<>();
        if (count == 0) {
            return list;
        }
        long pos = Wire.region(in, headerStart, offset, 8, minOffset, structure, "NegotiateContextOffset");
        int end = in.writerIndex();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                pos = headerStart + Wire.align8(pos - headerStart);
            }
            if (pos + 8 > end) {
                throw new SmbDecodeException(structure, "NegotiateContextList", "context " + i + " header at " + (pos - headerStart) + " past the end");
            }
            int type = in.getUnsignedShortLE((int) pos);
            int length = in.getUnsignedShortLE((int) pos + 2);
            if (pos + 8 + length > end) {
                throw new SmbDecodeException(structure, "DataLength", length + " of context " + i + " runs past the end");
            }
            list.add(decode(type, in.slice((int) pos + 8, length)));
            pos += 8 + length;
        }
        return list;
    }

    private static List<Integer> readU16List(ByteBuf d, int count, String structure, String field) {
        Wire.count(d, count, 2, structure, field);
        List<Integer> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(d.readUnsignedShortLE());
        }
        return List.copyOf(list);
    }
}
