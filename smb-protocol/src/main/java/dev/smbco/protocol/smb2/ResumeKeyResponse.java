package dev.smbco.protocol.smb2;

import dev.smbco.protocol.Wire;
import io.netty.buffer.ByteBuf;
import java.util.Arrays;

/**
 * MS-SMB2 2.2.32.3 SRV_REQUEST_RESUME_KEY Response: the output of
 * {@link Fsctl#FSCTL_SRV_REQUEST_RESUME_KEY}, naming the source of a server-side copy.
 *
 * @param resumeKey ResumeKey (24 bytes)
 * @param context   Context (ContextLength (4 bytes) bytes), usually empty
 */
public record ResumeKeyResponse(byte[] resumeKey, byte[] context) {
    public static final int RESUME_KEY_SIZE = 24;
    private static final String NAME = "SRV_REQUEST_RESUME_KEY response";

    public ResumeKeyResponse {
        if (resumeKey.length != RESUME_KEY_SIZE) {
            throw new IllegalArgumentException("a resume key is 24 bytes, not " + resumeKey.length);
        }
    }

    /** The IOCTL output buffer. */
    public byte[] toBytes() {
        return Body.toBytes(out -> {
            out.writeBytes(resumeKey);          // ResumeKey (24 bytes)
            out.writeIntLE(context.length);     // ContextLength (4 bytes)
            out.writeBytes(context);            // Context (variable)
        });
    }

    /** Decodes from the IOCTL output (its readable bytes). */
    public static ResumeKeyResponse decode(ByteBuf in) {
        Wire.require(in, 28, NAME, "fixed part");
        byte[] key = Wire.readBytes(in, RESUME_KEY_SIZE, NAME, "ResumeKey");
        long length = in.readUnsignedIntLE();
        return new ResumeKeyResponse(key, Wire.readBytes(in, length, NAME, "ContextLength"));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResumeKeyResponse r && Arrays.equals(resumeKey, r.resumeKey) && Arrays.equals(context, r.context);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(resumeKey);
    }

    @Override
    public String toString() {
        return "ResumeKeyResponse[context=" + context.length + " bytes]";
    }
}
