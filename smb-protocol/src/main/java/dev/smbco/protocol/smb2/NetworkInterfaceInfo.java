package dev.smbco.protocol.smb2;

import dev.smbco.protocol.SmbDecodeException;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * MS-SMB2 2.2.32.5 NETWORK_INTERFACE_INFO: one entry of the {@link Fsctl#FSCTL_QUERY_NETWORK_INTERFACE_INFO}
 * output (a chain linked by Next), used to find multichannel addresses.
 *
 * @param ifIndex    IfIndex (4 bytes)
 * @param capability Capability (4 bytes): {@link #RSS_CAPABLE}, {@link #RDMA_CAPABLE}
 * @param linkSpeed  LinkSpeed (8 bytes), bits per second
 * @param address    SockAddr_Storage (128 bytes): IPv4 (Family 0x0002) or IPv6 (0x0017) address, no DNS involved
 * @param port       the port of SockAddr_Storage, normally 0
 */
public record NetworkInterfaceInfo(int ifIndex, int capability, long linkSpeed, InetAddress address, int port) {
    public static final int RSS_CAPABLE = 0x00000001;
    public static final int RDMA_CAPABLE = 0x00000002;
    /** One entry: 24 bytes + 128 bytes SockAddr_Storage. */
    public static final int SIZE = 152;
    private static final int INTER_NETWORK = 0x0002;
    private static final int INTER_NETWORK_V6 = 0x0017;
    private static final String NAME = "NETWORK_INTERFACE_INFO";

    /** The IOCTL output for a list of entries. */
    public static byte[] toBytes(List<NetworkInterfaceInfo> list) {
        return Body.toBytes(out -> {
            for (int i = 0; i < list.size(); i++) {
                NetworkInterfaceInfo n = list.get(i);
                int start = out.writerIndex();
                out.writeIntLE(i < list.size() - 1 ? SIZE : 0); // Next (4 bytes)
                out.writeIntLE(n.ifIndex);      // IfIndex (4 bytes)
                out.writeIntLE(n.capability);   // Capability (4 bytes)
                out.writeIntLE(0);              // Reserved (4 bytes)
                out.writeLongLE(n.linkSpeed);   // LinkSpeed (8 bytes)
                byte[] a = n.address.getAddress();
                if (a.length == 4) {
                    out.writeShortLE(INTER_NETWORK); // Family (2 bytes)
                    out.writeShort(n.port);     // Port (2 bytes, big-endian)
                    out.writeBytes(a);          // IPv4Address (4 bytes)
                } else {
                    out.writeShortLE(INTER_NETWORK_V6); // Family (2 bytes)
                    out.writeShort(n.port);     // Port (2 bytes, big-endian)
                    out.writeIntLE(0);          // FlowInfo (4 bytes)
                    out.writeBytes(a);          // IPv6Address (16 bytes)
                }
                out.writeZero(start + SIZE - out.writerIndex()); // rest of SockAddr_Storage
            }
        });
    }

    /** Decodes the chain from the IOCTL output (its readable bytes). */
    public static List<NetworkInterfaceInfo> decodeList(ByteBuf in) {
        List<NetworkInterfaceInfo> list = new ArrayList<>();
        int pos = in.readerIndex();
        int end = in.writerIndex();
        if (pos == end) {
            return list;
        }
        while (true) {
            if (end - pos < SIZE) {
                throw new SmbDecodeException(NAME, "entry", "at " + pos + " needs " + SIZE + " bytes, only " + (end - pos) + " left");
            }
            long next = in.getUnsignedIntLE(pos);
            int family = in.getUnsignedShortLE(pos + 24);
            int port = in.getUnsignedShort(pos + 26);
            byte[] address;
            if (family == INTER_NETWORK) {
                address = new byte[4];
                in.getBytes(pos + 28, address);
            } else if (family == INTER_NETWORK_V6) {
                address = new byte[16];
                in.getBytes(pos + 32, address);
            } else {
                throw new SmbDecodeException(NAME, "Family", String.format("0x%04X is neither IPv4 nor IPv6", family));
            }
            try {
                list.add(new NetworkInterfaceInfo(in.getIntLE(pos + 4), in.getIntLE(pos + 8), in.getLongLE(pos + 16),
                        InetAddress.getByAddress(address), port));
            } catch (UnknownHostException e) {
                throw new SmbDecodeException(NAME, "address", "has a bad length", e); // cannot happen: 4 or 16 bytes
            }
            if (next == 0) {
                in.readerIndex(end);
                return list;
            }
            if (next < SIZE || next > end - pos) {
                throw new SmbDecodeException(NAME, "Next", next + " outside the buffer");
            }
            pos += (int) next;
        }
    }
}
