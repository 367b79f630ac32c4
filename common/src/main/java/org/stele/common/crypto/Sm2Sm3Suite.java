package org.stele.common.crypto;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.ParametersWithID;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.crypto.signers.PlainDSAEncoding;
import org.bouncycastle.crypto.signers.SM2Signer;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;

/**
 * The suite for deployments under the Chinese financial DLT standard: SM3 hashing (GB/T 32905) and SM2 signatures
 * (GB/T 32918) on the recommended curve sm2p256v1, with the standard default user id {@value #DEFAULT_USER_ID}.
 *
 * <p>
 * The signed message M is the 32-byte message hash the caller passes, so e = SM3(Z_A || hash) as GB/T 32918 defines.
 * Signing is deterministic: k comes from RFC 6979's HMAC-DRBG instantiated with SM3 over (d, e), which the verifier
 * cannot tell from a random k. Verification is BouncyCastle's {@link SM2Signer}, so signing here is checked against an
 * independent implementation. SM2 has no public-key recovery: a signature carries the signer's public key, recovery
 * id 0, and {@link #recover} verifies it against that key before returning it.
 */
public final class Sm2Sm3Suite implements CryptoSuite {
    public static final String NAME = "sm2-sm3";
    public static final String DEFAULT_USER_ID = "1234567812345678";

    private static final Sm2Sm3Suite INSTANCE = new Sm2Sm3Suite();
    private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("sm2p256v1");
    private static final ECCurve CURVE = PARAMS.getCurve();
    private static final ECPoint G = PARAMS.getG();
    private static final BigInteger N = PARAMS.getN();
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE, G, N, PARAMS.getH());
    private static final byte[] USER_ID = DEFAULT_USER_ID.getBytes(StandardCharsets.US_ASCII);

    private Sm2Sm3Suite() {
    }

    public static Sm2Sm3Suite instance() {
        return INSTANCE;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] hash(byte[] data) {
        return sm3(data, 0, data.length);
    }

    static byte[] sm3(byte[] data, int offset, int length) {
        SM3Digest d = new SM3Digest();
        d.update(data, offset, length);
        byte[] out = new byte[32];
        d.doFinal(out, 0);
        return out;
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        byte[] d = new byte[32];
        do {
            random.nextBytes(d);
        } while (!isValidPrivateKey(new BigInteger(1, d)));
        return keyPair(d);
    }

    /** GB/T 32918 takes d in [1, n-2], since signing inverts 1 + d. */
    @Override
    public KeyPair keyPair(byte[] privateKey) {
        if (privateKey.length != 32 || !isValidPrivateKey(new BigInteger(1, privateKey)))
            throw new IllegalArgumentException("an SM2 private key is 32 bytes in [1, n-2]");
        byte[] d = privateKey.clone();
        ECPoint q = new FixedPointCombMultiplier().multiply(G, new BigInteger(1, d)).normalize();
        return new KeyPair(Bytes.wrap(d), new PublicKey(Bytes.wrap(Arrays.copyOfRange(q.getEncoded(false), 1, 65))));
    }

    @Override
    public Signature sign(byte[] messageHash, KeyPair key) {
        requireHash(messageHash);
        BigInteger d = new BigInteger(1, key.privateKey().unsafeArray());
        if (key.privateKey().size() != 32 || !isValidPrivateKey(d))
            throw new IllegalArgumentException("not an SM2 private key");
        ECPoint q = new FixedPointCombMultiplier().multiply(G, d).normalize();
        if (!Arrays.equals(Arrays.copyOfRange(q.getEncoded(false), 1, 65), key.publicKey().xy().unsafeArray()))
            throw new IllegalArgumentException("the key pair's public key does not belong to its private key");

        byte[] eBytes = digestE(messageHash, key.publicKey().xy().unsafeArray());
        BigInteger e = new BigInteger(1, eBytes);
        BigInteger inverse = d.add(BigInteger.ONE).modInverse(N);
        HMacDSAKCalculator kCalculator = new HMacDSAKCalculator(new SM3Digest());
        kCalculator.init(N, d, eBytes);
        FixedPointCombMultiplier multiplier = new FixedPointCombMultiplier();
        while (true) {
            BigInteger k = kCalculator.nextK();
            BigInteger x1 = multiplier.multiply(G, k).normalize().getAffineXCoord().toBigInteger();
            BigInteger r = e.add(x1).mod(N);
            if (r.signum() == 0 || r.add(k).equals(N))
                continue;
            BigInteger s = inverse.multiply(k.subtract(r.multiply(d))).mod(N);
            if (s.signum() == 0)
                continue;
            return new Signature(Bytes32.wrap(Secp256k1Curve.to32(r)), Bytes32.wrap(Secp256k1Curve.to32(s)), 0,
                    key.publicKey().xy());
        }
    }

    /** True when {@code publicKey} signed the hash and the signature carries that same key. */
    @Override
    public boolean verify(byte[] messageHash, Signature signature, PublicKey publicKey) {
        requireHash(messageHash);
        if (!signature.publicKey().equals(publicKey.xy()) || signature.recoveryId() != 0)
            return false;
        return verifyWith(messageHash, signature, publicKey.xy().unsafeArray());
    }

    @Override
    public PublicKey recover(byte[] messageHash, Signature signature) {
        requireHash(messageHash);
        if (signature.publicKey().size() != 64)
            throw new InvalidSignatureException(
                    "the signature carries no public key: it is not an " + NAME + " signature");
        if (signature.recoveryId() != 0)
            throw new InvalidSignatureException(
                    "an " + NAME + " signature has recovery id 0, got " + signature.recoveryId());
        if (!verifyWith(messageHash, signature, signature.publicKey().unsafeArray()))
            throw new InvalidSignatureException("the signature does not verify against the public key it carries");
        return new PublicKey(signature.publicKey());
    }

    @Override
    public Address address(PublicKey publicKey) {
        byte[] xy = publicKey.xy().unsafeArray();
        return Address.wrap(Arrays.copyOfRange(sm3(xy, 0, xy.length), 12, 32));
    }

    @Override
    public String toString() {
        return NAME;
    }

    private static boolean verifyWith(byte[] messageHash, Signature signature, byte[] xy) {
        BigInteger r = new BigInteger(1, signature.r().unsafeArray());
        BigInteger s = new BigInteger(1, signature.s().unsafeArray());
        if (r.signum() == 0 || r.compareTo(N) >= 0 || s.signum() == 0 || s.compareTo(N) >= 0)
            return false;
        ECPoint q;
        try {
            byte[] encoded = new byte[65];
            encoded[0] = 0x04;
            System.arraycopy(xy, 0, encoded, 1, 64);
            q = CURVE.decodePoint(encoded);
        } catch (IllegalArgumentException notOnCurve) {
            return false;
        }
        SM2Signer verifier = new SM2Signer(PlainDSAEncoding.INSTANCE);
        verifier.init(false, new ParametersWithID(new ECPublicKeyParameters(q, DOMAIN), USER_ID));
        verifier.update(messageHash, 0, messageHash.length);
        byte[] rs = new byte[64];
        System.arraycopy(signature.r().unsafeArray(), 0, rs, 0, 32);
        System.arraycopy(signature.s().unsafeArray(), 0, rs, 32, 32);
        return verifier.verifySignature(rs);
    }

    /** e = SM3(Z_A || M) with Z_A = SM3(ENTL_A || ID_A || a || b || x_G || y_G || x_A || y_A). */
    private static byte[] digestE(byte[] message, byte[] publicXy) {
        SM3Digest z = new SM3Digest();
        int bits = USER_ID.length * 8;
        z.update((byte) (bits >> 8));
        z.update((byte) bits);
        z.update(USER_ID, 0, USER_ID.length);
        update32(z, CURVE.getA().toBigInteger());
        update32(z, CURVE.getB().toBigInteger());
        update32(z, G.getAffineXCoord().toBigInteger());
        update32(z, G.getAffineYCoord().toBigInteger());
        z.update(publicXy, 0, 64);
        byte[] za = new byte[32];
        z.doFinal(za, 0);
        SM3Digest e = new SM3Digest();
        e.update(za, 0, 32);
        e.update(message, 0, message.length);
        byte[] out = new byte[32];
        e.doFinal(out, 0);
        return out;
    }

    private static void update32(SM3Digest digest, BigInteger v) {
        digest.update(Secp256k1Curve.to32(v), 0, 32);
    }

    private static boolean isValidPrivateKey(BigInteger d) {
        return d.signum() > 0 && d.compareTo(N.subtract(BigInteger.ONE)) < 0;
    }

    private static void requireHash(byte[] messageHash) {
        if (messageHash.length != 32)
            throw new IllegalArgumentException("a message hash is 32 bytes, got " + messageHash.length);
    }
}
