package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import dev.smbco.protocol.Smb2Request;
import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * MS-SMB2 2.2.31 SMB2 IOCTL Request. The input buffer carries the FSCTL's input structure (see
 * {@link Fsctl} and the FSCTL records); the request's own output buffer is never used (sent empty).
 *
 * @param ctlCode           CtlCode (4 bytes), {@link Fsctl}
 * @param fileId            FileId (16 bytes); {@link FileId#ALL_ONES} for FSCTLs on no file
 * @param input             Buffer at InputOffset (4 bytes) / InputCount (4 bytes)
 * @param maxInputResponse  MaxInputResponse (4 bytes)
 * @param maxOutputResponse MaxOutputResponse (4 bytes)
 * @param flags             Flags (4 bytes): {@link #IS_FSCTL}
 */
public record IoctlRequest(int ctlCode, FileId fileId, byte[] input, int maxInputResponse, int maxOutputResponse, int flags)
        implements Smb2Request {
    public static final int STRUCTURE_SIZE = 57;
    /** SMB2_0_IOCTL_IS_FSCTL. */
    public static final int IS_FSCTL = 0x00000001;
    private static final int FIXED = 56;
    private static final String NAME = "IOCTL request";

    /** An FSCTL with the given input and room for {@code maxOutput} bytes of output. */
    public static IoctlRequest fsctl(int ctlCode, FileId fileId, byte[] input, int maxOutput) {
        return new IoctlRequest(ctlCode, fileId, input, 0, maxOutput, IS_FSCTL);
    }

    /** FSCTL_PIPE_TRANSCEIVE: write {@code data} to a named pipe and read its reply (opaque bytes, e.g. DCE/RPC). */
    public static IoctlRequest pipeTransceive(FileId pipe, byte[] data, int maxOutput) {
        return fsctl(Fsctl.FSCTL_PIPE_TRANSCEIVE, pipe, data, maxOutput);
    }

    /** FSCTL_SRV_REQUEST_RESUME_KEY on the copy source; the output is a {@link ResumeKeyResponse}. */
    public static IoctlRequest requestResumeKey(FileId source) {
        return fsctl(Fsctl.FSCTL_SRV_REQUEST_RESUME_KEY, source, new byte[0], 32);
    }

    /** FSCTL_QUERY_NETWORK_INTERFACE_INFO; the output is a list of {@link NetworkInterfaceInfo}. */
    public static IoctlRequest queryNetworkInterfaceInfo(int maxOutput) {
        return fsctl(Fsctl.FSCTL_QUERY_NETWORK_INTERFACE_INFO, FileId.ALL_ONES, new byte[0], maxOutput);
    }

    @Override
    public Command command() {
        return Command.IOCTL;
    }

    @Override
    public long creditPayloadSize() {
        return Math.max(input.length, Math.max(Integer.toUnsignedLong(maxInputResponse), Integer.toUnsignedLong(maxOutputResponse)));
    }

    @Override
    public void encode(ByteBuf out) {
        out.writeShortLE(STRUCTURE_SIZE);       // StructureSize (2 bytes)
        out.writeShortLE(0);                    // Reserved (2 bytes)
        out.writeIntLE(ctlCode);                // CtlCode (4 bytes)
        fileId.encode(out);                     // FileId (16 bytes)
        out.writeIntLE(input.length == 0 ? 0 : Smb2Header.SIZE + FIXED); // InputOffset (4 bytes)
        out.writeIntLE(input.length);           // InputCount (4 bytes)
        out.writeIntLE(maxInputResponse);       // MaxInputResponse (4 bytes)
        out.writeIntLE(0);                      // OutputOffset (4 bytes)
        out.writeIntLE(0);                      // OutputCount (4 bytes)
        out.writeIntLE(maxOutputResponse);      // MaxOutputResponse (4 bytes)
        out.writeIntLE(flags);                  // Flags (4 bytes)
        out.writeIntLE(0);                      // Reserved2 (4 bytes)
        out.writeBytes(input);                  // Buffer (variable)
        if (input.length == 0) {
            out.writeByte(0);                   // Buffer is at least 1 byte
        }
    }

    /** Decodes the body (convention of {@link Wire}); a request output buffer is checked and ignored. */
    public static IoctlRequest decode(ByteBuf in) {
        int hdr = Body.start(in, FIXED, STRUCTURE_SIZE, NAME);
        in.skipBytes(2);
        int ctlCode = in.readIntLE();
        FileId fileId = FileId.decode(in);
        long inputOffset = in.readUnsignedIntLE();
        long inputCount = in.readUnsignedIntLE();
        int maxInput = in.readIntLE();
        long outputOffset = in.readUnsignedIntLE();
        long outputCount = in.readUnsignedIntLE();
        int maxOutput = in.readIntLE();
        int flags = in.readIntLE();
        in.skipBytes(4);
        int min = Smb2Header.SIZE + FIXED;
        byte[] input = Wire.bytes(in, hdr, inputOffset, inputCount, min, NAME, "InputOffset");
        Wire.region(in, hdr, outputOffset, outputCount, min, NAME, "OutputOffset");
        return new IoctlRequest(ctlCode, fileId, input, maxInput, maxOutput, flags);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IoctlRequest r && ctlCode == r.ctlCode && fileId.equals(r.fileId) && Arrays.equals(input, r.input)
                && maxInputResponse == r.maxInputResponse && maxOutputResponse == r.maxOutputResponse && flags == r.flags;
    }

    @Override
    public int hashCode() {
        return ctlCode * 31 + Arrays.hashCode(input);
    }

    @Override
    public String toString() {
        return String.format("IoctlRequest[ctlCode=0x%08X, %s, input=%d bytes, maxOutput=%d, flags=0x%X]",
                ctlCode, fileId, input.length, Integer.toUnsignedLong(maxOutputResponse), flags);
    }
}
