package org.stele.apps.notary;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * A party's EIP-712 signature of a document: the typed data {@code Signature(bytes32 document)} under the domain
 * {@code EIP712Domain(name "Stele Notary", version "1", chainId, verifyingContract)}, which is what
 * {@code eth_signTypedData_v4} signs and what {@code Notary.signFor} checks. The signature binds the document, the
 * chain and the contract, so it cannot be replayed elsewhere; it needs no nonce, because a party signs a document once.
 */
public final class NotarySignatures {
    private static final byte[] DOMAIN_TYPE = Hash.sha3(
            "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
                    .getBytes(StandardCharsets.UTF_8));
    private static final byte[] SIGNATURE_TYPE = Hash.sha3("Signature(bytes32 document)"
            .getBytes(StandardCharsets.UTF_8));

    private NotarySignatures() {
    }

    /** The 32-byte digest a party signs for {@code document} on this chain and contract. */
    public static byte[] digest(long chainId, String contract, String document) {
        byte[] domain = Hash.sha3(concat(DOMAIN_TYPE, Hash.sha3("Stele Notary".getBytes(StandardCharsets.UTF_8)),
                Hash.sha3("1".getBytes(StandardCharsets.UTF_8)), word(BigInteger.valueOf(chainId)),
                word(Numeric.toBigInt(contract))));
        byte[] struct = Hash.sha3(concat(SIGNATURE_TYPE, NotaryCalls.word(document).getValue()));
        return Hash.sha3(concat(new byte[]{0x19, 0x01}, domain, struct));
    }

    /** The 65-byte signature (r, s, v with v 27 or 28) of {@code document} by {@code key}. */
    public static byte[] sign(ECKeyPair key, long chainId, String contract, String document) {
        Sign.SignatureData s = Sign.signMessage(digest(chainId, contract, document), key, false);
        return concat(s.getR(), s.getS(), s.getV());
    }

    private static byte[] word(BigInteger v) {
        return Numeric.toBytesPadded(v, 32);
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] out = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
