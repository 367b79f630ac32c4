package org.stele.node.keys;

import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.engines.Salsa20Engine;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * scrypt (RFC 7914) without RFC 7914's {@code N < 2^(128 r / 8)} rule, which BouncyCastle enforces and geth does not:
 * the web3 secret-storage test vector itself uses r = 1 with N = 2^18, so a keystore reader must accept it. Memory
 * and work bounds are the caller's business ({@link Web3Keystore} checks them before calling).
 */
final class Scrypt {
    private Scrypt() {
    }

    static byte[] derive(byte[] passphrase, byte[] salt, int n, int r, int p, int dkLen) {
        byte[] b = pbkdf2Sha256(passphrase, salt, 1, p * 128 * r);
        int blockInts = 32 * r;
        int[] x = new int[blockInts];
        int[] v = new int[n * blockInts];
        int[] y = new int[blockInts];
        for (int i = 0; i < p; i++) {
            int offset = i * 128 * r;
            for (int k = 0; k < blockInts; k++)
                x[k] = littleEndian(b, offset + 4 * k);
            roMix(x, v, y, n, r);
            for (int k = 0; k < blockInts; k++) {
                int w = x[k], o = offset + 4 * k;
                b[o] = (byte) w;
                b[o + 1] = (byte) (w >>> 8);
                b[o + 2] = (byte) (w >>> 16);
                b[o + 3] = (byte) (w >>> 24);
            }
        }
        return pbkdf2Sha256(passphrase, b, 1, dkLen);
    }

    static byte[] pbkdf2Sha256(byte[] passphrase, byte[] salt, int iterations, int dkLen) {
        var generator = new PKCS5S2ParametersGenerator(new SHA256Digest());
        generator.init(passphrase, salt, iterations);
        return ((KeyParameter) generator.generateDerivedParameters(dkLen * 8)).getKey();
    }

    private static void roMix(int[] x, int[] v, int[] y, int n, int r) {
        int blockInts = 32 * r;
        for (int i = 0; i < n; i++) {
            System.arraycopy(x, 0, v, i * blockInts, blockInts);
            blockMix(x, y, r);
        }
        for (int i = 0; i < n; i++) {
            int j = x[(2 * r - 1) * 16] & (n - 1);
            int base = j * blockInts;
            for (int k = 0; k < blockInts; k++)
                x[k] ^= v[base + k];
            blockMix(x, y, r);
        }
    }

    /** BlockMix with Salsa20/8, in place on {@code b}, using {@code y} as scratch. */
    private static void blockMix(int[] b, int[] y, int r) {
        int[] t = new int[16];
        int[] out = new int[16];
        System.arraycopy(b, (2 * r - 1) * 16, t, 0, 16);
        for (int i = 0; i < 2 * r; i++) {
            for (int k = 0; k < 16; k++)
                t[k] ^= b[i * 16 + k];
            Salsa20Engine.salsaCore(8, t, out);
            System.arraycopy(out, 0, t, 0, 16);
            // Even blocks go to the first half, odd blocks to the second.
            int dest = (i % 2 == 0 ? i / 2 : r + i / 2) * 16;
            System.arraycopy(t, 0, y, dest, 16);
        }
        System.arraycopy(y, 0, b, 0, 32 * r);
    }

    private static int littleEndian(byte[] b, int o) {
        return (b[o] & 0xff) | (b[o + 1] & 0xff) << 8 | (b[o + 2] & 0xff) << 16 | (b[o + 3] & 0xff) << 24;
    }
}
