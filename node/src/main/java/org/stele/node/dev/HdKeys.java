package org.stele.node.dev;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;

/** BIP-32 private-key derivation on secp256k1, for paths such as m/44'/60'/0'/0/i. */
public final class HdKeys {
    private static final BigInteger N = new BigInteger(
            "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);
    private static final int HARDENED = 0x80000000;
    private final Secp256k1KeccakSuite suite;

    public HdKeys(Secp256k1KeccakSuite suite) {
        this.suite = suite;
    }

    /** The key at {@code path} (e.g. {@code m/44'/60'/0'/0/3}) below the master key of {@code seed}. */
    public KeyPair derive(byte[] seed, String path) {
        byte[] i = hmac("Bitcoin seed".getBytes(java.nio.charset.StandardCharsets.US_ASCII), seed);
        byte[] key = Arrays.copyOf(i, 32);
        byte[] chain = Arrays.copyOfRange(i, 32, 64);
        String[] parts = path.split("/");
        if (parts.length == 0 || !parts[0].equals("m"))
            throw new IllegalArgumentException("a derivation path starts with m/: " + path);
        for (int p = 1; p < parts.length; p++) {
            String part = parts[p];
            boolean hardened = part.endsWith("'");
            int index;
            try {
                index = Integer.parseInt(hardened ? part.substring(0, part.length() - 1) : part);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("bad path element '" + part + "' in " + path);
            }
            if (index < 0) throw new IllegalArgumentException("path index out of range in " + path);
            ByteBuffer data = ByteBuffer.allocate(37);
            if (hardened) {
                data.put((byte) 0).put(key);
                index |= HARDENED;
            } else {
                data.put(compressedPublicKey(key));
            }
            data.putInt(index);
            byte[] child = hmac(chain, data.array());
            BigInteger il = new BigInteger(1, Arrays.copyOf(child, 32));
            BigInteger k = il.add(new BigInteger(1, key)).mod(N);
            if (il.compareTo(N) >= 0 || k.signum() == 0) {
                throw new IllegalStateException(
                        "invalid child key at " + part + " (probability 2^-127); use the next index");
            }
            key = toBytes32(k);
            chain = Arrays.copyOfRange(child, 32, 64);
        }
        return suite.keyPair(key);
    }

    private byte[] compressedPublicKey(byte[] privateKey) {
        byte[] xy = suite.keyPair(privateKey).publicKey().xy().unsafeArray();
        byte[] out = new byte[33];
        out[0] = (byte) ((xy[63] & 1) == 0 ? 0x02 : 0x03);
        System.arraycopy(xy, 0, out, 1, 32);
        return out;
    }

    private static byte[] toBytes32(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[32];
        int len = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - len, out, 32 - len, len);
        return out;
    }

    private static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA512");
            mac.init(new SecretKeySpec(key, "HmacSHA512"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA512 is part of every JDK", e);
        }
    }
}
