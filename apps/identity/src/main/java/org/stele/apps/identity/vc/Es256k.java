package org.stele.apps.identity.vc;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.stele.common.Address;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.common.crypto.Signature;

/**
 * JWS signatures on secp256k1 over SHA-256 of the signing input (RFC 8812): ES256K is {@code r ‖ s} (64 bytes, low
 * s), ES256K-R adds the recovery id (65 bytes), as did-jwt writes them. A did:ethr issuer named by an address has no
 * public key in its document, so verification recovers the signer's address, with both recovery ids for ES256K as
 * did-jwt does, and asks the registry whether that address speaks for the issuer.
 */
public final class Es256k {
    public static final String ES256K = "ES256K";
    public static final String ES256K_R = "ES256K-R";
    private static final Secp256k1KeccakSuite SUITE = Secp256k1KeccakSuite.instance();

    private Es256k() {
    }

    public static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }

    /** The signature of {@code alg} (ES256K or ES256K-R) over {@code signingInput}. */
    public static byte[] sign(String alg, byte[] signingInput, KeyPair key) {
        Signature sig = SUITE.sign(sha256(signingInput), key);
        byte[] rs = new byte[alg.equals(ES256K_R) ? 65 : 64];
        System.arraycopy(sig.r().toArray(), 0, rs, 0, 32);
        System.arraycopy(sig.s().toArray(), 0, rs, 32, 32);
        if (rs.length == 65) rs[64] = (byte) sig.recoveryId();
        return rs;
    }

    /** The addresses that may have made {@code signature}: one for ES256K-R, up to two for ES256K. */
    public static List<Address> signers(String alg, byte[] signingInput, byte[] signature) {
        byte[] hash = sha256(signingInput);
        byte[] r = Arrays.copyOfRange(signature, 0, Math.min(32, signature.length));
        byte[] s = signature.length >= 64 ? Arrays.copyOfRange(signature, 32, 64) : new byte[0];
        List<Address> out = new ArrayList<>();
        switch (alg) {
            case ES256K -> {
                if (signature.length != 64)
                    throw new VcException("an ES256K signature is 64 bytes, this one "
                            + signature.length);
                for (int id = 0; id < 2; id++)
                    SUITE.ecrecover(hash, r, s, id).ifPresent(out::add);
            }
            case ES256K_R -> {
                if (signature.length != 65)
                    throw new VcException("an ES256K-R signature is 65 bytes, this one "
                            + signature.length);
                int v = signature[64] & 0xff;
                int id = v >= 27 ? v - 27 : v;
                if (id > 1) throw new VcException("an ES256K-R recovery id is 0 or 1, this one " + v);
                SUITE.ecrecover(hash, r, s, id).ifPresent(out::add);
            }
            default -> throw new VcException("the JWT is signed " + alg + "; Stele verifies ES256K and ES256K-R");
        }
        return out;
    }

    public static Address address(KeyPair key) {
        return SUITE.address(key.publicKey());
    }
}
