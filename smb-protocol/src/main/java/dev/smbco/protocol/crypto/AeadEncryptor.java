package dev.smbco.protocol.crypto;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.ByteBuffer;
import java.security.SecureRandom;
import java.util.Arrays;

/** {@link MessageEncryptor} over one {@link Aead} and one {@link NonceSequence}. */
final class AeadEncryptor implements MessageEncryptor {
    private static final byte[] NO_SIGNATURE = new byte[16];

    private final CipherId cipher;
    private final byte[] key;
    private final Aead aead;
    private final NonceSequence nonces;
    private final byte[] aad = new byte[TransformHeader.AAD_LENGTH];
    private final byte[] tag = new byte[Aead.TAG_LENGTH];

    AeadEncryptor(CipherId cipher, byte[] key, SecureRandom random) {
        this.cipher = cipher;
        this.key = key.clone(); // for the ciphers of reserved seals
        this.aead = Aead.create(cipher, key);
        this.nonces = new NonceSequence(cipher, random);
    }

    @Override
    public ByteBuf encrypt(ByteBufAllocator alloc, ByteBuf plain, long sessionId) {
        return encrypt(alloc, plain, sessionId, nonces.next());
    }

    @Override
    public Sealer reserve() {
        byte[] nonceField = nonces.next();
        return (alloc, plain, sessionId) -> seal(cipher, Aead.create(cipher, key), new byte[TransformHeader.AAD_LENGTH],
                new byte[Aead.TAG_LENGTH], alloc, plain, sessionId, nonceField);
    }

    /** Encrypts with a given 16-byte Nonce field (published vectors; never in production paths). */
    ByteBuf encrypt(ByteBufAllocator alloc, ByteBuf plain, long sessionId, byte[] nonceField) {
        return seal(cipher, aead, aad, tag, alloc, plain, sessionId, nonceField);
    }

    /** The transform frame of {@code plain} under {@code nonceField}, with the given cipher and scratch arrays. */
    private static ByteBuf seal(CipherId cipher, Aead aead, byte[] aad, byte[] tag, ByteBufAllocator alloc, ByteBuf plain,
            long sessionId, byte[] nonceField) {
        int size = plain.readableBytes();
        // room for the tag the JDK's GCM appends; it is moved into the header afterwards
        ByteBuf frame = alloc.buffer(TransformHeader.SIZE + size + Aead.TAG_LENGTH);
        try {
            new TransformHeader(NO_SIGNATURE, nonceField, size, 0, TransformHeader.FLAG_ENCRYPTED, sessionId).encode(frame);
            frame.getBytes(frame.readerIndex() + TransformHeader.OFFSET_NONCE, aad);
            ByteBuffer out = frame.nioBuffer(frame.writerIndex(), size + Aead.TAG_LENGTH);
            ByteBuffer[] in = size == 0 ? new ByteBuffer[] {ByteBuffer.allocate(0)}
                    : plain.nioBufferCount() == 1 ? new ByteBuffer[] {plain.nioBuffer(plain.readerIndex(), size)}
                    : plain.nioBuffers(plain.readerIndex(), size);
            aead.seal(Arrays.copyOf(nonceField, cipher.nonceLength()), aad, in, out, tag);
            frame.setBytes(frame.readerIndex() + TransformHeader.OFFSET_SIGNATURE, tag);
            frame.writerIndex(frame.writerIndex() + size);
            return frame;
        } catch (RuntimeException e) {
            frame.release();
            throw e;
        }
    }

    @Override
    public CipherId cipher() {
        return cipher;
    }

    @Override
    public String toString() {
        return "MessageEncryptor[" + cipher + "]";
    }
}
