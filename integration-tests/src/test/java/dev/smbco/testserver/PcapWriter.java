package dev.smbco.testserver;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Writes SMB2 messages as they crossed a {@link FaultProxy} into a classic pcap file (link type
 * Ethernet) that Wireshark reads: each message gets its Direct-TCP length prefix (MS-SMB2 2.1) and
 * synthetic Ethernet, IPv4 and TCP headers of one connection between a client port and 445, with
 * a three-way handshake first and consistent sequence and acknowledgement numbers, so that TCP
 * analysis and reassembly see a clean stream. Messages above one segment are split over several.
 * Not thread-safe; the caller serialises.
 */
public final class PcapWriter implements AutoCloseable {
    private static final int CLIENT_PORT = 50000;
    private static final int SERVER_PORT = 445;
    private static final int MAX_SEGMENT = 60000;
    private static final int SYN = 0x02;
    private static final int ACK = 0x10;
    private static final int PSH = 0x08;

    private final FileChannel out;
    private long clientSeq = 1000;
    private long serverSeq = 5000;
    private long micros = 1_000_000;

    public PcapWriter(Path file) throws IOException {
        out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING);
        ByteBuffer h = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        h.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144).putInt(1); // LINKTYPE_ETHERNET
        write(h.flip());
        segment(true, SYN, new byte[0], 0, 0);
        clientSeq++;
        segment(false, SYN | ACK, new byte[0], 0, 0);
        serverSeq++;
        segment(true, ACK, new byte[0], 0, 0);
    }

    /** One SMB2 message (no transport prefix) sent by the client ({@code fromClient}) or the server. */
    public void message(boolean fromClient, byte[] smb) throws IOException {
        byte[] framed = new byte[smb.length + 4];
        framed[1] = (byte) (smb.length >>> 16);
        framed[2] = (byte) (smb.length >>> 8);
        framed[3] = (byte) smb.length;
        System.arraycopy(smb, 0, framed, 4, smb.length);
        for (int off = 0; off < framed.length; off += MAX_SEGMENT) {
            int n = Math.min(MAX_SEGMENT, framed.length - off);
            segment(fromClient, PSH | ACK, framed, off, n);
            if (fromClient) {
                clientSeq += n;
            } else {
                serverSeq += n;
            }
        }
    }

    private void segment(boolean fromClient, int flags, byte[] data, int off, int len) throws IOException {
        int ipLength = 20 + 20 + len;
        ByteBuffer p = ByteBuffer.allocate(16 + 14 + ipLength);
        p.order(ByteOrder.LITTLE_ENDIAN);
        micros += 10;
        p.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000)).putInt(14 + ipLength).putInt(14 + ipLength);
        p.order(ByteOrder.BIG_ENDIAN);
        byte[] client = {2, 0, 0, 0, 0, 1};
        byte[] server = {2, 0, 0, 0, 0, 2};
        p.put(fromClient ? server : client).put(fromClient ? client : server).putShort((short) 0x0800);
        int ip = p.position();
        p.put((byte) 0x45).put((byte) 0).putShort((short) ipLength).putShort((short) 0).putShort((short) 0x4000) // DF
                .put((byte) 64).put((byte) 6).putShort((short) 0)
                .put(new byte[] {127, 0, 0, (byte) (fromClient ? 1 : 2)}).put(new byte[] {127, 0, 0, (byte) (fromClient ? 2 : 1)});
        p.putShort(ip + 10, checksum(p.array(), ip, 20));
        p.putShort((short) (fromClient ? CLIENT_PORT : SERVER_PORT)).putShort((short) (fromClient ? SERVER_PORT : CLIENT_PORT));
        long seq = fromClient ? clientSeq : serverSeq;
        long ack = (flags & ACK) == 0 ? 0 : fromClient ? serverSeq : clientSeq;
        p.putInt((int) seq).putInt((int) ack).put((byte) 0x50).put((byte) flags).putShort((short) 0xFFFF).putShort((short) 0).putShort((short) 0);
        p.put(data, off, len);
        write(p.flip());
    }

    /** RFC 791 header checksum. */
    private static short checksum(byte[] b, int off, int len) {
        int sum = 0;
        for (int i = 0; i < len; i += 2) {
            sum += ((b[off + i] & 0xFF) << 8) | (b[off + i + 1] & 0xFF);
        }
        while ((sum >>> 16) != 0) {
            sum = (sum & 0xFFFF) + (sum >>> 16);
        }
        return (short) ~sum;
    }

    private void write(ByteBuffer b) throws IOException {
        while (b.hasRemaining()) {
            out.write(b);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
