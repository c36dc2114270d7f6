package dev.smbco.protocol.smb2;

import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * MS-SMB2 2.2.13.2 SMB2_CREATE_CONTEXT: one element of the CREATE request/response context chain.
 *
 * <p>On the wire: Next (4 bytes, offset to the next 8-byte aligned context or 0), NameOffset
 * (2 bytes), NameLength (2 bytes), Reserved (2 bytes), DataOffset (2 bytes), DataLength (4 bytes),
 * then Name, padding to 8, Data. The name is usually four ASCII characters; it is held as a
 * String with one char per byte (ISO-8859-1), so any name bytes round-trip. The same name
 * means a different Data layout in a request and in a response, so decoding takes the direction.
 * Contexts we do not model are kept as {@link Unknown}.
 */
public sealed interface CreateContext {
    String DURABLE_HANDLE_REQUEST = "DHnQ";
    String DURABLE_HANDLE_RECONNECT = "DHnC";
    String DURABLE_HANDLE_REQUEST_V2 = "DH2Q";
    String DURABLE_HANDLE_RECONNECT_V2 = "DH2C";
    String REQUEST_LEASE = "RqLs";
    String QUERY_MAXIMAL_ACCESS = "MxAc";
    String QUERY_ON_DISK_ID = "QFid";
    String TIMEWARP_TOKEN = "TWrp";
    String ALLOCATION_SIZE = "AlSi";
    String SECURITY_DESCRIPTOR = "SecD";
    String EXTENDED_ATTRIBUTES = "ExtA";

    /** Name (variable). */
    String name();

    /** Writes Data (variable). */
    void encodeData(ByteBuf out);

    /** MS-SMB2 2.2.13.2.3 SMB2_CREATE_DURABLE_HANDLE_REQUEST ("DHnQ"): DurableRequest (16 bytes) reserved. */
    record DurableHandleRequest() implements CreateContext {
        public String name() {
            return DURABLE_HANDLE_REQUEST;
        }

        public void encodeData(ByteBuf out) {
            out.writeZero(16);                  // DurableRequest (16 bytes)
        }
    }

    /** MS-SMB2 2.2.14.2.3 SMB2_CREATE_DURABLE_HANDLE_RESPONSE ("DHnQ"): Reserved (8 bytes). */
    record DurableHandleResponse() implements CreateContext {
        public String name() {
            return DURABLE_HANDLE_REQUEST;
        }

        public void encodeData(ByteBuf out) {
            out.writeZero(8);                   // Reserved (8 bytes)
        }
    }

    /** MS-SMB2 2.2.13.2.4 SMB2_CREATE_DURABLE_HANDLE_RECONNECT ("DHnC"). @param fileId Data (16 bytes): the FileId of the open to reclaim */
    record DurableHandleReconnect(FileId fileId) implements CreateContext {
        public String name() {
            return DURABLE_HANDLE_RECONNECT;
        }

        public void encodeData(ByteBuf out) {
            fileId.encode(out);                 // Data (16 bytes): FileId
        }
    }

    /**
     * MS-SMB2 2.2.13.2.11 SMB2_CREATE_DURABLE_HANDLE_REQUEST_V2 ("DH2Q").
     *
     * @param timeout    Timeout (4 bytes), milliseconds
     * @param flags      Flags (4 bytes): {@link #PERSISTENT}
     * @param createGuid CreateGuid (16 bytes)
     */
    record DurableHandleRequestV2(int timeout, int flags, UUID createGuid) implements CreateContext {
        /** SMB2_DHANDLE_FLAG_PERSISTENT. */
        public static final int PERSISTENT = 0x00000002;

        public String name() {
            return DURABLE_HANDLE_REQUEST_V2;
        }

        public void encodeData(ByteBuf out) {
            out.writeIntLE(timeout);            // Timeout (4 bytes)
            out.writeIntLE(flags);              // Flags (4 bytes)
            out.writeLongLE(0);                 // Reserved (8 bytes)
            Wire.writeGuid(out, createGuid);    // CreateGuid (16 bytes)
        }
    }

    /**
     * MS-SMB2 2.2.14.2.12 SMB2_CREATE_DURABLE_HANDLE_RESPONSE_V2 ("DH2Q").
     *
     * @param timeout Timeout (4 bytes)
     * @param flags   Flags (4 bytes)
     */
    record DurableHandleResponseV2(int timeout, int flags) implements CreateContext {
        public String name() {
            return DURABLE_HANDLE_REQUEST_V2;
        }

        public void encodeData(ByteBuf out) {
            out.writeIntLE(timeout);            // Timeout (4 bytes)
            out.writeIntLE(flags);              // Flags (4 bytes)
        }
    }

    /**
     * MS-SMB2 2.2.13.2.12 SMB2_CREATE_DURABLE_HANDLE_RECONNECT_V2 ("DH2C").
     *
     * @param fileId     FileId (16 bytes)
     * @param createGuid CreateGuid (16 bytes)
     * @param flags      Flags (4 bytes)
     */
    record DurableHandleReconnectV2(FileId fileId, UUID createGuid, int flags) implements CreateContext {
        public String name() {
            return DURABLE_HANDLE_RECONNECT_V2;
        }

        public void encodeData(ByteBuf out) {
            fileId.encode(out);                 // FileId (16 bytes)
            Wire.writeGuid(out, createGuid);    // CreateGuid (16 bytes)
            out.writeIntLE(flags);              // Flags (4 bytes)
        }
    }

    /**
     * MS-SMB2 2.2.13.2.8 SMB2_CREATE_REQUEST_LEASE / 2.2.14.2.10 response ("RqLs", 32 bytes).
     *
     * @param leaseKey      LeaseKey (16 bytes)
     * @param leaseState    LeaseState (4 bytes), {@link LeaseState}
     * @param leaseFlags    LeaseFlags (4 bytes)
     * @param leaseDuration LeaseDuration (8 bytes), 0
     */
    record LeaseV1(UUID leaseKey, int leaseState, int leaseFlags, long leaseDuration) implements CreateContext {
        /** SMB2_LEASE_FLAG_BREAK_IN_PROGRESS. */
        public static final int BREAK_IN_PROGRESS = 0x00000002;

        public String name() {
            return REQUEST_LEASE;
        }

        public void encodeData(ByteBuf out) {
            Wire.writeGuid(out, leaseKey);      // LeaseKey (16 bytes)
            out.writeIntLE(leaseState);         // LeaseState (4 bytes)
            out.writeIntLE(leaseFlags);         // LeaseFlags (4 bytes)
            out.writeLongLE(leaseDuration);     // LeaseDuration (8 bytes)
        }
    }

    /**
     * MS-SMB2 2.2.13.2.10 SMB2_CREATE_REQUEST_LEASE_V2 / 2.2.14.2.11 response ("RqLs", 52 bytes).
     *
     * @param leaseKey       LeaseKey (16 bytes)
     * @param leaseState     LeaseState (4 bytes), {@link LeaseState}
     * @param leaseFlags     Flags (4 bytes): {@link #PARENT_LEASE_KEY_SET}, {@link LeaseV1#BREAK_IN_PROGRESS}
     * @param leaseDuration  LeaseDuration (8 bytes), 0
     * @param parentLeaseKey ParentLeaseKey (16 bytes)
     * @param epoch          Epoch (2 bytes)
     */
    record LeaseV2(UUID leaseKey, int leaseState, int leaseFlags, long leaseDuration, UUID parentLeaseKey, int epoch)
            implements CreateContext {
        /** SMB2_LEASE_FLAG_PARENT_LEASE_KEY_SET. */
        public static final int PARENT_LEASE_KEY_SET = 0x00000004;

        public String name() {
            return REQUEST_LEASE;
        }

        public void encodeData(ByteBuf out) {
            Wire.writeGuid(out, leaseKey);      // LeaseKey (16 bytes)
            out.writeIntLE(leaseState);         // LeaseState (4 bytes)
            out.writeIntLE(leaseFlags);         // Flags (4 bytes)
            out.writeLongLE(leaseDuration);     // LeaseDuration (8 bytes)
            Wire.writeGuid(out, parentLeaseKey); // ParentLeaseKey (16 bytes)
            out.writeShortLE(epoch);            // Epoch (2 bytes)
            out.writeShortLE(0);                // Reserved (2 bytes)
        }
    }

    /** MS-SMB2 2.2.13.2.5 SMB2_CREATE_QUERY_MAXIMAL_ACCESS_REQUEST ("MxAc"). @param timestamp Timestamp (8 bytes, FILETIME), or 0 for none (empty Data) */
    record MaximalAccessRequest(long timestamp) implements CreateContext {
        public String name() {
            return QUERY_MAXIMAL_ACCESS;
        }

        public void encodeData(ByteBuf out) {
            if (timestamp != 0) {
                out.writeLongLE(timestamp);     // Timestamp (8 bytes), optional
            }
        }
    }

    /**
     * MS-SMB2 2.2.14.2.5 SMB2_CREATE_QUERY_MAXIMAL_ACCESS_RESPONSE ("MxAc").
     *
     * @param queryStatus   QueryStatus (4 bytes), NTSTATUS
     * @param maximalAccess MaximalAccess (4 bytes), {@link AccessMask}
     */
    record MaximalAccessResponse(int queryStatus, int maximalAccess) implements CreateContext {
        public String name() {
            return QUERY_MAXIMAL_ACCESS;
        }

        public void encodeData(ByteBuf out) {
            out.writeIntLE(queryStatus);        // QueryStatus (4 bytes)
            out.writeIntLE(maximalAccess);      // MaximalAccess (4 bytes)
        }
    }

    /** MS-SMB2 2.2.13.2.9 SMB2_CREATE_QUERY_ON_DISK_ID ("QFid" request, no Data). */
    record QueryOnDiskIdRequest() implements CreateContext {
        public String name() {
            return QUERY_ON_DISK_ID;
        }

        public void encodeData(ByteBuf out) {
            // no Data
        }
    }

    /**
     * MS-SMB2 2.2.14.2.9 SMB2_CREATE_QUERY_ON_DISK_ID response ("QFid").
     *
     * @param diskFileId DiskFileId (8 bytes)
     * @param volumeId   VolumeId (8 bytes)
     */
    record QueryOnDiskIdResponse(long diskFileId, long volumeId) implements CreateContext {
        public String name() {
            return QUERY_ON_DISK_ID;
        }

        public void encodeData(ByteBuf out) {
            out.writeLongLE(diskFileId);        // DiskFileId (8 bytes)
            out.writeLongLE(volumeId);          // VolumeId (8 bytes)
            out.writeZero(16);                  // Reserved (16 bytes)
        }
    }

    /** MS-SMB2 2.2.13.2.7 SMB2_CREATE_TIMEWARP_TOKEN ("TWrp"). @param timestamp Timestamp (8 bytes, FILETIME) of the snapshot */
    record Timewarp(long timestamp) implements CreateContext {
        public String name() {
            return TIMEWARP_TOKEN;
        }

        public void encodeData(ByteBuf out) {
            out.writeLongLE(timestamp);         // Timestamp (8 bytes)
        }
    }

    /** MS-SMB2 2.2.13.2.6 SMB2_CREATE_ALLOCATION_SIZE ("AlSi"). @param allocationSize AllocationSize (8 bytes) */
    record AllocationSize(long allocationSize) implements CreateContext {
        public String name() {
            return ALLOCATION_SIZE;
        }

        public void encodeData(ByteBuf out) {
            out.writeLongLE(allocationSize);    // AllocationSize (8 bytes)
        }
    }

    /** MS-SMB2 2.2.13.2.2 SMB2_CREATE_SD_BUFFER ("SecD"). @param descriptor Data: a self-relative security descriptor (MS-DTYP 2.4.6), opaque here */
    record SecurityDescriptor(byte[] descriptor) implements CreateContext {
        public String name() {
            return SECURITY_DESCRIPTOR;
        }

        public void encodeData(ByteBuf out) {
            out.writeBytes(descriptor);         // Data (variable)
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof SecurityDescriptor s && Arrays.equals(descriptor, s.descriptor);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(descriptor);
        }

        @Override
        public String toString() {
            return "SecurityDescriptor[" + descriptor.length + " bytes]";
        }
    }

    /** Any other context, kept as name + raw data. */
    record Unknown(String name, byte[] data) implements CreateContext {
        public void encodeData(ByteBuf out) {
            out.writeBytes(data);               // Data (variable)
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown u && name.equals(u.name) && Arrays.equals(data, u.data);
        }

        @Override
        public int hashCode() {
            return name.hashCode() * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "CreateContext.Unknown[" + name + ", " + data.length + " bytes]";
        }
    }

    /**
     * Writes a context chain at the writer index (which must be 8-byte aligned relative to
     * {@code headerStart}); returns its length in bytes.
     */
    static int encodeList(ByteBuf out, int headerStart, List<CreateContext> contexts) {
        int chainStart = out.writerIndex();
        int previous = -1;
        for (CreateContext c : contexts) {
            if (previous >= 0) {
                Wire.pad8(out, headerStart);
                out.setIntLE(previous, out.writerIndex() - previous);
            }
            int start = out.writerIndex();
            byte[] name = c.name().getBytes(StandardCharsets.ISO_8859_1);
            out.writeIntLE(0);                  // Next (4 bytes), patched when another follows
            out.writeShortLE(16);               // NameOffset (2 bytes)
            out.writeShortLE(Body.u16(name.length, "create context name")); // NameLength (2 bytes)
            out.writeShortLE(0);                // Reserved (2 bytes)
            int dataOffsetIndex = out.writerIndex();
            out.writeShortLE(0);                // DataOffset (2 bytes), patched
            out.writeIntLE(0);                  // DataLength (4 bytes), patched
            out.writeBytes(name);               // Buffer: Name
            int beforeData = out.writerIndex();
            Wire.pad8(out, headerStart);        // Buffer: padding to 8
            int dataStart = out.writerIndex();
            c.encodeData(out);                  // Buffer: Data
            int dataLength = out.writerIndex() - dataStart;
            if (dataLength == 0) {
                out.writerIndex(beforeData);    // no data: no padding, DataOffset stays 0
            } else {
                out.setShortLE(dataOffsetIndex, dataStart - start);
                out.setIntLE(dataOffsetIndex + 2, dataLength);
            }
            previous = start;
        }
        return out.writerIndex() - chainStart;
    }

    /**
     * Decodes the chain at CreateContextsOffset/CreateContextsLength; every element is checked to
     * lie inside the chain, every Name and Data inside its element.
     */
    static List<CreateContext> decodeList(ByteBuf in, int headerStart, long offset, long length, int minOffset,
                                          boolean response, String structure) {
        List<CreateContext> list = new ArrayList<>();
        if (length == 0) {
            return list;
        }
        int pos = Wire.region(in, headerStart, offset, length, minOffset, structure, "CreateContextsOffset");
        int end = pos + (int) length;
        while (true) {
            if (end - pos < 16) {
                throw new SmbDecodeException(structure, "CreateContext", "header at " + (pos - headerStart) + " runs past the chain");
            }
            long next = in.getUnsignedIntLE(pos);
            int nameOffset = in.getUnsignedShortLE(pos + 4);
            int nameLength = in.getUnsignedShortLE(pos + 6);
            int dataOffset = in.getUnsignedShortLE(pos + 10);
            long dataLength = in.getUnsignedIntLE(pos + 12);
            if (next != 0 && (next < 16 || next > end - pos)) {
                throw new SmbDecodeException(structure, "CreateContext.Next", next + " outside the chain");
            }
            int elementEnd = next == 0 ? end : pos + (int) next;
            checkInside(nameOffset, nameLength, pos, elementEnd, structure, "CreateContext.NameOffset");
            if (dataLength != 0) {
                checkInside(dataOffset, dataLength, pos, elementEnd, structure, "CreateContext.DataOffset");
            }
            byte[] nameBytes = Wire.getBytes(in, pos + nameOffset, nameLength, structure, "CreateContext.Name");
            String name = new String(nameBytes, StandardCharsets.ISO_8859_1);
            ByteBuf data = in.slice(dataLength == 0 ? pos : pos + dataOffset, (int) dataLength);
            list.add(decode(name, data, response));
            if (next == 0) {
                return list;
            }
            pos += (int) next;
        }
    }

    private static void checkInside(long offset, long length, int pos, int end, String structure, String field) {
        if (offset < 16 || pos + offset + length > end) {
            throw new SmbDecodeException(structure, field, "offset " + offset + " length " + length + " outside its create context");
        }
    }

    /** Decodes one context's Data; {@code d} is bounded to exactly DataLength bytes. */
    static CreateContext decode(String name, ByteBuf d, boolean response) {
        String s = "create context " + name;
        switch (name) {
            case DURABLE_HANDLE_REQUEST:
                Wire.require(d, response ? 8 : 16, s, "Data");
                return response ? new DurableHandleResponse() : new DurableHandleRequest();
            case DURABLE_HANDLE_RECONNECT:
                if (!response) {
                    Wire.require(d, 16, s, "Data");
                    return new DurableHandleReconnect(FileId.decode(d));
                }
                break;
            case DURABLE_HANDLE_REQUEST_V2:
                if (response) {
                    Wire.require(d, 8, s, "Data");
                    return new DurableHandleResponseV2(d.readIntLE(), d.readIntLE());
                }
                Wire.require(d, 32, s, "Data");
                int timeout = d.readIntLE();
                int flags = d.readIntLE();
                d.skipBytes(8);
                return new DurableHandleRequestV2(timeout, flags, Wire.readGuid(d));
            case DURABLE_HANDLE_RECONNECT_V2:
                if (!response) {
                    Wire.require(d, 36, s, "Data");
                    return new DurableHandleReconnectV2(FileId.decode(d), Wire.readGuid(d), d.readIntLE());
                }
                break;
            case REQUEST_LEASE:
                if (d.readableBytes() == 32) {
                    return new LeaseV1(Wire.readGuid(d), d.readIntLE(), d.readIntLE(), d.readLongLE());
                }
                if (d.readableBytes() == 52) {
                    return new LeaseV2(Wire.readGuid(d), d.readIntLE(), d.readIntLE(), d.readLongLE(), Wire.readGuid(d),
                            d.readUnsignedShortLE());
                }
                throw new SmbDecodeException(s, "DataLength", d.readableBytes() + " is neither 32 (v1) nor 52 (v2)");
            case QUERY_MAXIMAL_ACCESS:
                if (response) {
                    Wire.require(d, 8, s, "Data");
                    return new MaximalAccessResponse(d.readIntLE(), d.readIntLE());
                }
                if (d.readableBytes() == 0) {
                    return new MaximalAccessRequest(0);
                }
                Wire.require(d, 8, s, "Timestamp");
                return new MaximalAccessRequest(d.readLongLE());
            case QUERY_ON_DISK_ID:
                if (!response) {
                    return new QueryOnDiskIdRequest();
                }
                Wire.require(d, 16, s, "Data");    // servers differ in the reserved tail (Samba 16, Linux 32 bytes)
                return new QueryOnDiskIdResponse(d.readLongLE(), d.readLongLE());
            case TIMEWARP_TOKEN:
                if (!response) {
                    Wire.require(d, 8, s, "Timestamp");
                    return new Timewarp(d.readLongLE());
                }
                break;
            case ALLOCATION_SIZE:
                if (!response) {
                    Wire.require(d, 8, s, "AllocationSize");
                    return new AllocationSize(d.readLongLE());
                }
                break;
            case SECURITY_DESCRIPTOR:
                if (!response) {
                    return new SecurityDescriptor(Wire.readBytes(d, d.readableBytes(), s, "Data"));
                }
                break;
            default:
                break;
        }
        return new Unknown(name, Wire.readBytes(d, d.readableBytes(), s, "Data"));
    }
}
