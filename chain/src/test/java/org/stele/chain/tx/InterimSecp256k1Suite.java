package org.stele.chain.tx;

import fr.acinq.secp256k1.Secp256k1;
import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.crypto.InvalidSignatureException;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Keccak256;
import org.stele.common.crypto.PublicKey;
import org.stele.common.crypto.Signature;

/** secp256k1-keccak over libsecp256k1 for these tests, until common's suite is merged. */
final class InterimSecp256k1Suite implements CryptoSuite {
    static final InterimSecp256k1Suite INSTANCE = new InterimSecp256k1Suite();
    private static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
    private static final ECDomainParameters DOMAIN = new ECDomainParameters(CURVE.getCurve(), CURVE.getG(),
            CURVE.getN(), CURVE.getH());

    @Override
    public String name() {
        return "secp256k1-keccak";
    }

    @Override
    public byte[] hash(byte[] data) {
        return Keccak256.hash(data);
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        byte[] k = new byte[32];
        random.nextBytes(k);
        return keyPair(k);
    }

    @Override
    public KeyPair keyPair(byte[] privateKey) {
        byte[] pub = Secp256k1.Companion.get().pubkeyCreate(privateKey);
        return new KeyPair(Bytes.of(privateKey), new PublicKey(Bytes.wrap(Arrays.copyOfRange(pub, 1, 65))));
    }

    @Override
    public Signature sign(byte[] messageHash, KeyPair key) {
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(new BigInteger(1, key.privateKey().toArray()), DOMAIN));
        BigInteger[] rs = signer.generateSignature(messageHash);
        BigInteger s = rs[1].compareTo(DOMAIN.getN().shiftRight(1)) > 0 ? DOMAIN.getN().subtract(rs[1]) : rs[1];
        Bytes32 r32 = Bytes32.leftPad(unsigned(rs[0]));
        Bytes32 s32 = Bytes32.leftPad(unsigned(s));
        for (int id = 0; id < 2; id++) {
            Signature sig = Signature.secp256k1(r32, s32, id);
            try {
                if (recover(messageHash, sig).equals(key.publicKey()))
                    return sig;
            } catch (InvalidSignatureException ignored) {
                // try the other parity
            }
        }
        throw new IllegalStateException("no recovery id reproduces the key");
    }

    @Override
    public boolean verify(byte[] messageHash, Signature signature, PublicKey publicKey) {
        return recover(messageHash, signature).equals(publicKey);
    }

    @Override
    public PublicKey recover(byte[] messageHash, Signature signature) {
        byte[] compact = Bytes.concat(signature.r().toBytes(), signature.s().toBytes()).toArray();
        try {
            byte[] pub = Secp256k1.Companion.get().ecdsaRecover(compact, messageHash, signature.recoveryId());
            return new PublicKey(Bytes.wrap(Arrays.copyOfRange(pub, 1, 65)));
        } catch (RuntimeException e) {
            throw new InvalidSignatureException("recovery failed: " + e.getMessage());
        }
    }

    @Override
    public Address address(PublicKey publicKey) {
        byte[] h = Keccak256.hash(publicKey.xy().toArray());
        return Address.wrap(Arrays.copyOfRange(h, 12, 32));
    }

    private static byte[] unsigned(BigInteger v) {
        byte[] b = v.toByteArray();
        return b[0] == 0 && b.length > 1 ? Arrays.copyOfRange(b, 1, b.length) : b;
    }
}
