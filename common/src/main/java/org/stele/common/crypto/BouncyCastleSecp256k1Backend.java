package org.stele.common.crypto;

import java.math.BigInteger;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/**
 * Pure-Java secp256k1 on BouncyCastle's curve arithmetic: the fallback when libsecp256k1 cannot load, and the
 * reference the native backend is tested against.
 */
final class BouncyCastleSecp256k1Backend implements Secp256k1Backend {
    static final BouncyCastleSecp256k1Backend INSTANCE = new BouncyCastleSecp256k1Backend();

    /** BouncyCastle's custom curve, which uses the GLV endomorphism: several times faster than the generic one. */
    private static final X9ECParameters PARAMS = CustomNamedCurves.getByName("secp256k1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(PARAMS.getCurve(), PARAMS.getG(),
            PARAMS.getN(), PARAMS.getH());
    private static final ECCurve CURVE = PARAMS.getCurve();
    private static final ECPoint G = PARAMS.getG();
    private static final BigInteger N = Secp256k1Curve.N;

    private BouncyCastleSecp256k1Backend() {
    }

    @Override
    public String name() {
        return "bouncycastle";
    }

    @Override
    public byte[] publicKey(byte[] privateKey) {
        return new FixedPointCombMultiplier().multiply(G, new BigInteger(1, privateKey)).normalize().getEncoded(false);
    }

    @Override
    public byte[] sign(byte[] hash, byte[] privateKey) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(new BigInteger(1, privateKey), DOMAIN));
        BigInteger[] rs = signer.generateSignature(hash);
        BigInteger s = rs[1].compareTo(Secp256k1Curve.HALF_N) > 0 ? N.subtract(rs[1]) : rs[1];
        byte[] out = new byte[64];
        System.arraycopy(Secp256k1Curve.to32(rs[0]), 0, out, 0, 32);
        System.arraycopy(Secp256k1Curve.to32(s), 0, out, 32, 32);
        return out;
    }

    @Override
    public boolean verify(byte[] hash, byte[] signature, byte[] publicKey) {
        ECPoint q;
        try {
            q = CURVE.decodePoint(publicKey);
        } catch (IllegalArgumentException notOnCurve) {
            return false;
        }
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(q, DOMAIN));
        return verifier.verifySignature(hash, new BigInteger(1, Arrays.copyOfRange(signature, 0, 32)),
                new BigInteger(1, Arrays.copyOfRange(signature, 32, 64)));
    }

    /**
     * SEC 1 v2, section 4.1.6: Q = r^-1 (sR - eG), where R is the point with x = r and the y parity given by the
     * recovery id (the suite passes only 0 and 1, so the x = r + n candidates are never needed).
     */
    @Override
    public byte[] recover(byte[] hash, byte[] signature, int recoveryId) {
        BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
        ECPoint bigR = decompress(r, recoveryId == 1);
        if (bigR == null)
            return null;
        BigInteger e = new BigInteger(1, hash);
        BigInteger rInv = r.modInverse(N);
        BigInteger u1 = N.subtract(e).multiply(rInv).mod(N);
        BigInteger u2 = s.multiply(rInv).mod(N);
        ECPoint q = ECAlgorithms.sumOfTwoMultiplies(G, u1, bigR, u2).normalize();
        return q.isInfinity() ? null : q.getEncoded(false);
    }

    private static ECPoint decompress(BigInteger x, boolean odd) {
        byte[] compressed = new byte[33];
        compressed[0] = (byte) (odd ? 0x03 : 0x02);
        System.arraycopy(Secp256k1Curve.to32(x), 0, compressed, 1, 32);
        try {
            return CURVE.decodePoint(compressed);
        } catch (IllegalArgumentException noSquareRoot) {
            return null;
        }
    }
}
