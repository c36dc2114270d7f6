package dev.smbco.protocol.crypto;

import dev.smbco.protocol.Command;
import dev.smbco.protocol.Smb2Header;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * MS-SMB2 3.1.4.1, dialect 3.1.1 with AES-GMAC negotiated (SIGNING_CAPABILITIES): AES-128-GCM
 * with an empty plaintext and the whole message (zero signature) as additional authenticated
 * data; the 16-byte tag is the signature.
 *
 * <p>Nonce (12 bytes): MessageId (8 bytes, little-endian), then a 32-bit little-endian word
 * whose bit 0 is set for a message sent by the server (SMB2_FLAGS_SERVER_TO_REDIR) and bit 1 for
 * a CANCEL request; the other bits are zero.
 *
 * <p>Speed: the JDK runs GHASH over the whole AAD in one call per message, with a CLMUL
 * intrinsic only once the JIT has compiled that method (after some thousands of messages). A
 * JVM that has signed few messages would run megabyte messages through the bit-serial fallback
 * (about 30 MB/s). So messages with a body of {@value #LARGE_BODY} bytes or more take another,
 * equivalent route whose JDK calls come in {@value #CHUNK}-byte chunks (see {@link #CHUNK}): GHASH is
 * linear, and GCM-encrypting P = M XOR keystream (AES-CTR from inc32(J0)) yields ciphertext
 * C = M, whose tag T = E(K, J0) XOR GHASH(C, lengths (0, |M|)) differs from the GMAC
 * E(K, J0) XOR GHASH(M, lengths (|M|, 0)) only in the length block:
 * GMAC = T XOR ([|M|]64 || [|M|]64) * H, with H = E(K, 0^128). Both routes give the same tag
 * (tested against BouncyCastle); see BENCHMARKS.md.
 */
final class GmacSigner extends TagSigner {
    private static final int TAG_BITS = 128;
    private static final int NONCE_LENGTH = 12;
    /** Bodies from this size on take the CTR + GCM route. */
    static final int LARGE_BODY = 64 * 1024;
    /**
     * The JDK's AES-CTR and GHASH loops are only fast once C2 has compiled them (then they are
     * CPU intrinsics), and C2 compiles a method after enough <em>calls</em>, not bytes. With
     * 32 KiB calls a fresh JVM on a busy 2-core machine signed its first ~15 8 MiB WRITEs at
     * 20-40 MB/s (3.9 s of warm-up); with 4 KiB calls the same warm-up took 0.45 s, and the
     * steady state is the same (about 3 ms per 8 MiB). Measured in the end-to-end harness,
     * BENCHMARKS.md.
     */
    static final int CHUNK = 4 * 1024;

    private final Cipher gcm;
    private final Cipher ctr;
    private final Cipher ecb;
    private final SecretKeySpec key;
    /** H = E(K, 0^128) as two big-endian halves. */
    private final long hHigh;
    private final long hLow;
    private final byte[] in = new byte[CHUNK];
    private final byte[] keyed = new byte[CHUNK];
    private final byte[] sink = new byte[CHUNK + 32];
    private final byte[] header = new byte[Smb2Header.SIZE];
    private final byte[] tag = new byte[16];
    /** The JDK refuses two consecutive encryption inits with one key and IV; remember the last. */
    private final byte[] lastNonce = new byte[NONCE_LENGTH];
    private boolean used;
    /** The last power of H the tail route needed, and its value: consecutive WRITEs share their size. */
    private long powerExponent = -1;
    private long[] power;

    GmacSigner(byte[] key) {
        try {
            this.key = new SecretKeySpec(key, "AES");
            gcm = Cipher.getInstance("AES/GCM/NoPadding");
            ctr = Cipher.getInstance("AES/CTR/NoPadding");
            ecb = Cipher.getInstance("AES/ECB/NoPadding");
            ecb.init(Cipher.ENCRYPT_MODE, this.key);
            byte[] h = ecb.doFinal(new byte[16]);
            hHigh = java.nio.ByteBuffer.wrap(h).getLong(0);
            hLow = java.nio.ByteBuffer.wrap(h).getLong(8);
            Arrays.fill(h, (byte) 0);
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException(SmbCryptoException.Reason.PROVIDER, "AES/GCM unavailable", e);
        }
    }

    @Override
    public SigningAlgorithm algorithm() {
        return SigningAlgorithm.AES_GMAC;
    }

    /** The large-message route (see the class comment); gcm is already initialised with the nonce. */
    private byte[] viaEncryption(byte[] nonce, ByteBuf message) throws GeneralSecurityException {
        byte[] counter = Arrays.copyOf(nonce, 16);
        counter[15] = 2; // inc32(J0): the first counter block GCM encrypts with
        ctr.init(Cipher.ENCRYPT_MODE, key, new javax.crypto.spec.IvParameterSpec(counter));
        feed(ctr, gcm, header, Smb2Header.SIZE, keyed, sink);
        feedAll(ctr, gcm, SignedMessage.body(message), in, keyed, sink);
        int produced = gcm.doFinal(sink, 0);
        System.arraycopy(sink, produced - 16, tag, 0, 16);
        long bits = 8L * message.readableBytes();
        long[] fix = multiplyByH(bits, bits);
        xorLong(tag, 0, fix[0]);
        xorLong(tag, 8, fix[1]);
        return tag;
    }

    /**
     * Feeds buffers through CTR then GCM in {@link #CHUNK}-byte calls (the output is discarded:
     * only the tag matters). Shared by the signer's own route and {@link #digestTail}, so both
     * warm up the same compiled code.
     */
    private static void feedAll(Cipher ctr, Cipher gcm, ByteBuffer[] buffers, byte[] in, byte[] keyed, byte[] sink)
            throws GeneralSecurityException {
        for (ByteBuffer b : buffers) {
            while (b.hasRemaining()) {
                int n = Math.min(CHUNK, b.remaining());
                b.get(in, 0, n);
                feed(ctr, gcm, in, n, keyed, sink);
            }
        }
    }

    private static void feed(Cipher ctr, Cipher gcm, byte[] data, int n, byte[] keyed, byte[] sink) throws GeneralSecurityException {
        ctr.update(data, 0, n, keyed, 0);
        gcm.update(keyed, 0, n, sink, 0);
    }

    /** X * H in GF(2^128), X given as two big-endian halves. */
    private long[] multiplyByH(long xHigh, long xLow) {
        return Gf128.multiply(xHigh, xLow, hHigh, hLow);
    }

    private static void xorLong(byte[] b, int at, long v) {
        for (int i = 0; i < 8; i++) {
            b[at + i] ^= (byte) (v >>> (56 - 8 * i));
        }
    }

    /** The 12-byte GMAC nonce of a header (MS-SMB2 3.1.4.1). */
    static byte[] nonce(byte[] header) {
        byte[] nonce = new byte[NONCE_LENGTH];
        System.arraycopy(header, Smb2Header.OFFSET_MESSAGE_ID, nonce, 0, 8);
        int flags = (header[Smb2Header.OFFSET_FLAGS] & 0xFF);
        int command = (header[12] & 0xFF) | (header[13] & 0xFF) << 8;
        int role = (flags & Smb2Header.FLAG_SERVER_TO_REDIR) != 0 ? 1 : 0;
        int cancel = command == Command.CANCEL.code() ? 2 : 0;
        nonce[8] = (byte) (role | cancel);
        return nonce;
    }

    @Override
    byte[] compute(ByteBuf message) {
        SignedMessage.copyHeader(message, header);
        byte[] nonce = nonce(header);
        try {
            if (used && Arrays.equals(nonce, lastNonce)) {
                // Re-signing or re-verifying the same message: step through a nonce SMB never
                // uses (bit 7 of byte 11) so the JDK's IV-reuse guard lets the same nonce pass.
                byte[] other = nonce.clone();
                other[11] ^= (byte) 0x80;
                gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, other));
            }
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            System.arraycopy(nonce, 0, lastNonce, 0, NONCE_LENGTH);
            used = true;
            if (message.readableBytes() - Smb2Header.SIZE >= LARGE_BODY) {
                return viaEncryption(nonce, message);
            }
            gcm.updateAAD(header);
            for (ByteBuffer b : SignedMessage.body(message)) {
                gcm.updateAAD(b);
            }
            gcm.doFinal(tag, 0);
            return tag;
        } catch (GeneralSecurityException e) {
            throw new SmbCryptoException(SmbCryptoException.Reason.PROVIDER, "AES-GMAC failed", e);
        }
    }

    // ---------------------------------------------------------------- split signing (TailDigest)
    //
    // GMAC over a message M of n blocks M_1..M_n (the last zero-padded) is
    //   T = E(K, J0) xor Y,  Y = sum_i M_i * H^(n+2-i)  xor  L * H,  L = [8|M|]64 || [0]64.
    // Split M into a head of a whole blocks and a tail D of k blocks (n = a + k): the tail's share
    //   sum_j D_j * H^(k+2-j)
    // depends on the key and D only, so it can be computed before the header exists, and
    //   Y = (sum_i Head_i * H^(a+1-i)) * H^(k+1)  xor  tail share  xor  L * H.
    // The tail share comes from the JDK's fast GCM as in viaEncryption, with a fixed nonce N:
    // encrypting D xor keystream gives ciphertext D and a tag E(K, J0_N) xor S, where
    // S = sum_j D_j * H^(k+2-j) xor [0]64||[8|D|]64 * H.

    @Override
    public boolean digestsTails() {
        return true;
    }

    @Override
    public TailDigest digestTail(ByteBuf tail) {
        int length = tail.readableBytes();
        byte[] nonce = new byte[NONCE_LENGTH]; // any nonce will do: E(K, J0) is taken back out below
        try {
            // own cipher objects and scratch: this runs on the caller's thread, beside the loop's signing
            Cipher g = Cipher.getInstance("AES/GCM/NoPadding");
            Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
            Cipher e = Cipher.getInstance("AES/ECB/NoPadding");
            g.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] counter = Arrays.copyOf(nonce, 16);
            counter[15] = 2;
            c.init(Cipher.ENCRYPT_MODE, key, new javax.crypto.spec.IvParameterSpec(counter));
            byte[] out = new byte[CHUNK + 32];
            feedAll(c, g, tail.nioBuffers(), new byte[CHUNK], new byte[CHUNK], out);
            int produced = g.doFinal(out, 0);
            byte[] j0 = Arrays.copyOf(nonce, 16);
            j0[15] = 1;
            e.init(Cipher.ENCRYPT_MODE, key);
            byte[] ej0 = e.doFinal(j0);
            ByteBuffer t = ByteBuffer.wrap(out, produced - 16, 16);
            ByteBuffer m = ByteBuffer.wrap(ej0);
            long sHigh = t.getLong() ^ m.getLong(0);
            long sLow = t.getLong() ^ m.getLong(8);
            long[] lengthTerm = multiplyByH(0, 8L * length);
            return new TailDigest(this, length, sHigh ^ lengthTerm[0], sLow ^ lengthTerm[1]);
        } catch (GeneralSecurityException ex) {
            throw new SmbCryptoException(SmbCryptoException.Reason.PROVIDER, "AES-GMAC failed", ex);
        }
    }

    @Override
    byte[] compute(ByteBuf message, TailDigest tail) {
        long total = message.readableBytes();
        long headLength = total - tail.length();
        if (!tail.madeBy(this) || headLength < Smb2Header.SIZE || headLength % 16 != 0) {
            return compute(message);
        }
        SignedMessage.copyHeader(message, header);
        ByteBuffer h = ByteBuffer.wrap(header);
        long zHigh = 0;
        long zLow = 0;
        for (int at = 0; at < headLength; at += 16) {
            boolean inHeader = at < Smb2Header.SIZE;
            zHigh ^= inHeader ? h.getLong(at) : message.getLong(message.readerIndex() + at);
            zLow ^= inHeader ? h.getLong(at + 8) : message.getLong(message.readerIndex() + at + 8);
            long[] z = multiplyByH(zHigh, zLow);
            zHigh = z[0];
            zLow = z[1];
        }
        long[] hk = powerOfH((tail.length() + 15) / 16 + 1);
        long[] y = Gf128.multiply(zHigh, zLow, hk[0], hk[1]);
        long[] lengthTerm = multiplyByH(8L * total, 0);
        byte[] j0 = Arrays.copyOf(nonce(header), 16);
        j0[15] = 1;
        try {
            ByteBuffer ej0 = ByteBuffer.wrap(ecb.doFinal(j0));
            ByteBuffer.wrap(tag)
                    .putLong(0, ej0.getLong(0) ^ y[0] ^ tail.high ^ lengthTerm[0])
                    .putLong(8, ej0.getLong(8) ^ y[1] ^ tail.low ^ lengthTerm[1]);
            return tag;
        } catch (GeneralSecurityException ex) {
            throw new SmbCryptoException(SmbCryptoException.Reason.PROVIDER, "AES-GMAC failed", ex);
        }
    }

    private long[] powerOfH(long e) {
        if (e != powerExponent) {
            power = Gf128.power(hHigh, hLow, e);
            powerExponent = e;
        }
        return power;
    }
}
