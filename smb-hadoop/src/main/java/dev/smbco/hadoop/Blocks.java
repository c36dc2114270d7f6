package dev.smbco.hadoop;

import java.net.URI;
import org.apache.hadoop.fs.BlockLocation;
import org.apache.hadoop.fs.FileStatus;

/** The block locations of a file: fixed-size pieces, all on the one SMB server. */
final class Blocks {
    private Blocks() {
    }

    /**
     * The blocks of {@code file} that overlap {@code [start, start + len)}; none past the end or
     * for a directory (FileSystem.getFileBlockLocations's spec).
     */
    static BlockLocation[] locations(FileStatus file, long start, long len, long blockSize, URI server) {
        if (start < 0 || len < 0) {
            throw new IllegalArgumentException("invalid start or len: " + start + ", " + len);
        }
        if (file.isDirectory() || file.getLen() <= start) {
            return new BlockLocation[0];
        }
        long end = Math.min(file.getLen(), start + len);
        long first = start / blockSize;
        long last = Math.max(first, (end - 1) / blockSize);
        BlockLocation[] out = new BlockLocation[(int) (last - first + 1)];
        for (long b = first; b <= last; b++) {
            long offset = b * blockSize;
            out[(int) (b - first)] = block(server, offset, Math.min(blockSize, file.getLen() - offset));
        }
        return out;
    }

    private static BlockLocation block(URI server, long offset, long length) {
        String host = server.getHost();
        int port = server.getPort() == -1 ? 445 : server.getPort();
        return new BlockLocation(new String[] {host + ":" + port}, new String[] {host}, offset, length);
    }
}
