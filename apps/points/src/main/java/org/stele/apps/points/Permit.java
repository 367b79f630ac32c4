package org.stele.apps.points;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * An EIP-2612 permit of PointsToken: {@code owner} lets {@code spender} take {@code value} points until
 * {@code deadline}, signed over the token's EIP-712 domain (its name, version "1"). A merchant presents it with
 * {@code permit} and then {@code redeemFrom}, so the holder spends no gas.
 */
public record Permit(String owner, String spender, BigInteger value, BigInteger nonce, long deadline) {
    private static final byte[] TYPE_HASH = Hash.sha3(
            "Permit(address owner,address spender,uint256 value,uint256 nonce,uint256 deadline)"
                    .getBytes(StandardCharsets.UTF_8));
    private static final byte[] DOMAIN_TYPE_HASH = Hash.sha3(
            "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
                    .getBytes(StandardCharsets.UTF_8));

    /** The digest for the token named {@code tokenName} at {@code token} on chain {@code chainId}. */
    public byte[] digest(String tokenName, long chainId, String token) {
        byte[] domain = Hash.sha3(concat(DOMAIN_TYPE_HASH, Hash.sha3(tokenName.getBytes(StandardCharsets.UTF_8)),
                Hash.sha3("1".getBytes(StandardCharsets.UTF_8)), word(BigInteger.valueOf(chainId)),
                word(Numeric.toBigInt(token))));
        byte[] struct = Hash.sha3(concat(TYPE_HASH, word(Numeric.toBigInt(owner)), word(Numeric.toBigInt(spender)),
                word(value), word(nonce), word(BigInteger.valueOf(deadline))));
        return Hash.sha3(concat(new byte[]{0x19, 0x01}, domain, struct));
    }

    /** 65 bytes r‖s‖v as 0x-hex. */
    public String sign(ECKeyPair key, String tokenName, long chainId, String token) {
        Sign.SignatureData s = Sign.signMessage(digest(tokenName, chainId, token), key, false);
        return Numeric.toHexString(concat(s.getR(), s.getS(), s.getV()));
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
