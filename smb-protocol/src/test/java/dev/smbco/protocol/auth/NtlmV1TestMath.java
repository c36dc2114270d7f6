package dev.smbco.protocol.auth;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import org.bouncycastle.crypto.digests.MD4Digest;
import org.bouncycastle.crypto.engines.DESEngine;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * NTLMv1 / LM arithmetic (MS-NLMP 3.3.1, 6 "DES" and "DESL") for checking the MS-NLMP 4.2.2 and
 * 4.2.3 vectors. Test code only: the library itself never computes LM or NTLMv1 responses.
 */
final class NtlmV1TestMath {
    private NtlmV1TestMath() {
    }

    /** DES in ECB mode of one 8-byte block with a 7-byte key (parity bits inserted). */
    static byte[] des(byte[] key7, byte[] block) {
        DESEngine des = new DESEngine();
        des.init(true, new KeyParameter(expand(key7)));
        byte[] out = new byte[8];
        des.processBlock(block, 0, out, 0);
        return out;
    }

    static byte[] expand(byte[] k) {
        int[] b = new int[7];
        for (int i = 0; i < 7; i++) {
            b[i] = k[i] & 0xFF;
        }
        int[] o = {
            b[0] >> 1,
            ((b[0] & 0x01) << 6) | (b[1] >> 2),
            ((b[1] & 0x03) << 5) | (b[2] >> 3),
            ((b[2] & 0x07) << 4) | (b[3] >> 4),
            ((b[3] & 0x0F) << 3) | (b[4] >> 5),
            ((b[4] & 0x1F) << 2) | (b[5] >> 6),
            ((b[5] & 0x3F) << 1) | (b[6] >> 7),
            b[6] & 0x7F};
        byte[] key = new byte[8];
        for (int i = 0; i < 8; i++) {
            key[i] = (byte) (o[i] << 1);
        }
        return key;
    }

    /** LMOWFv1 = DES(upper(passwd)[0..7], "KGS!@#$%") || DES(upper(passwd)[7..14], "KGS!@#$%"). */
    static byte[] lmowfv1(String password) {
        byte[] p = Arrays.copyOf(password.toUpperCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII), 14);
        byte[] magic = "KGS!@#$%".getBytes(StandardCharsets.US_ASCII);
        return concat(des(Arrays.copyOfRange(p, 0, 7), magic), des(Arrays.copyOfRange(p, 7, 14), magic));
    }

    /** DESL(K, D) = DES(K[0..7], D) || DES(K[7..14], D) || DES(K[14..16] || Z(5), D). */
    static byte[] desl(byte[] k16, byte[] d) {
        byte[] k = Arrays.copyOf(k16, 21);
        return concat(concat(des(Arrays.copyOfRange(k, 0, 7), d), des(Arrays.copyOfRange(k, 7, 14), d)), des(Arrays.copyOfRange(k, 14, 21), d));
    }

    static byte[] md4(byte[] data) {
        MD4Digest md4 = new MD4Digest();
        md4.update(data, 0, data.length);
        byte[] out = new byte[16];
        md4.doFinal(out, 0);
        return out;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
