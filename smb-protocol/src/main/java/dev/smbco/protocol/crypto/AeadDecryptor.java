package dev.smbco.protocol.crypto;

import dev.smbco.protocol.SmbDecodeException;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.util.Arrays;

/** {@link MessageDecryptor} over one {@link Aead}: the checks of MS-SMB2 3.2.5.1.1, then open. */
final class AeadDecryptor implements MessageDecryptor {
    private final CipherId cipher;
    private final Aead aead;
    private final byte[] aad = new byte[TransformHeader.AAD_LENGTH];

    AeadDecryptor(CipherId cipher, byte[] key) {
        this.cipher = cipher;
        this.aead = Aead.create(cipher, key);
    }

    @Override
    public ByteBuf decrypt(ByteBuf frame) {
        TransformHeader header = check(frame);
        int size = header.originalMessageSize();
        int start = frame.readerIndex() + TransformHeader.SIZE;
        frame.getBytes(frame.readerIndex() + TransformHeader.OFFSET_NONCE, aad);
        byte[] nonce = Arrays.copyOf(header.nonce(), cipher.nonceLength());
        boolean inPlace = frame.nioBufferCount() == 1 && !frame.isReadOnly();
        if (inPlace && aead instanceof GcmAead gcm) {
            return gcmInPlace(gcm, frame, header, start, size, nonce);
        }
        ByteBuf target = inPlace ? frame : frame.alloc().buffer(size);
        boolean ok = false;
        try {
            ByteBuffer in = frame.nioBuffer(start, size);
            ByteBuffer out = inPlace ? frame.nioBuffer(start, size) : target.nioBuffer(target.writerIndex(), size);
            if (!aead.open(nonce, aad, in, out, header.signature())) {
                throw badTag(header);
            }
            ok = true;
        } finally {
            if (!ok) {
                if (inPlace) {
                    frame.setZero(start, size);
                } else {
                    target.release();
                }
            }
        }
        if (inPlace) {
            return frame.retainedSlice(start, size);
        }
        return target.writerIndex(target.writerIndex() + size);
    }

    /**
     * GCM in place: the JDK takes ciphertext and tag as one run, so the tag must follow the
     * ciphertext; then one doFinal decrypts over the same memory. Where the frame's buffer has
     * room after its end (a receive buffer sized for it; bytes past the writer index are unused
     * capacity, not part of any message) the tag is copied there and nothing else moves;
     * otherwise the ciphertext moves 16 bytes down into the (already read) header and the
     * plaintext starts there.
     */
    private ByteBuf gcmInPlace(GcmAead gcm, ByteBuf frame, TransformHeader header, int start, int size, byte[] nonce) {
        int base;
        if (frame.writableBytes() >= Aead.TAG_LENGTH) {
            base = start;
            frame.setBytes(frame.writerIndex(), header.signature());
        } else {
            base = start - Aead.TAG_LENGTH;
            ByteBuffer region = frame.nioBuffer(base, size + Aead.TAG_LENGTH);
            region.put(0, region, Aead.TAG_LENGTH, size);
            region.put(size, header.signature());
        }
        boolean ok = false;
        try {
            if (!gcm.openContiguous(nonce, aad, frame.nioBuffer(base, size + Aead.TAG_LENGTH), frame.nioBuffer(base, size))) {
                throw badTag(header);
            }
            ok = true;
        } finally {
            if (!ok) {
                frame.setZero(base, size + Aead.TAG_LENGTH);
            }
        }
        return frame.retainedSlice(base, size);
    }

    private SmbCryptoException badTag(TransformHeader header) {
        return new SmbCryptoException(SmbCryptoException.Reason.BAD_TAG, String.format(
                "%s: the TRANSFORM_HEADER Signature does not authenticate the %d-byte message for SessionId 0x%016X"
                        + " (wrong key, or the frame was altered)", cipher, header.originalMessageSize(), header.sessionId()));
    }

    private TransformHeader check(ByteBuf frame) {
        switch (TransformFrames.classify(frame)) {
            case TRANSFORM -> { }
            case COMPRESSED -> throw TransformFrames.compressionNotSupported();
            default -> {
                if (frame.readableBytes() < 4) {
                    throw new SmbCryptoException(SmbCryptoException.Reason.TRUNCATED,
                            "an encrypted frame needs a 52-byte TRANSFORM_HEADER, got " + frame.readableBytes() + " bytes");
                }
                throw new SmbCryptoException(SmbCryptoException.Reason.BAD_PROTOCOL_ID, String.format(
                        "ProtocolId 0x%08X is not the TRANSFORM_HEADER's 0xFD 'SMB'", frame.getIntLE(frame.readerIndex())));
            }
        }
        TransformHeader header;
        try {
            header = TransformHeader.decode(frame.duplicate());
        } catch (SmbDecodeException e) {
            throw new SmbCryptoException(SmbCryptoException.Reason.TRUNCATED, e.getMessage(), e);
        }
        if (header.flags() != TransformHeader.FLAG_ENCRYPTED) {
            throw new SmbCryptoException(SmbCryptoException.Reason.BAD_FLAGS,
                    String.format("TRANSFORM_HEADER Flags 0x%04X is not 0x0001 (encrypted)", header.flags()));
        }
        long following = frame.readableBytes() - TransformHeader.SIZE;
        if (header.originalMessageSizeUnsigned() != following) {
            throw new SmbCryptoException(SmbCryptoException.Reason.BAD_SIZE, String.format(
                    "TRANSFORM_HEADER OriginalMessageSize %d does not match the %d bytes after the header",
                    header.originalMessageSizeUnsigned(), following));
        }
        return header;
    }

    @Override
    public CipherId cipher() {
        return cipher;
    }

    @Override
    public String toString() {
        return "MessageDecryptor[" + cipher + "]";
    }
}
