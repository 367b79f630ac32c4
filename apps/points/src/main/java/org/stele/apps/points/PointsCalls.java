package org.stele.apps.points;

import java.math.BigInteger;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The calldata of PointsToken's functions, as 0x-hex, ready for a transaction's or a forward request's {@code data}.
 */
public final class PointsCalls {
    public static final String ISSUER_ROLE = Hash.sha3String("ISSUER_ROLE");
    public static final String REDEEMER_ROLE = Hash.sha3String("REDEEMER_ROLE");
    public static final String PAUSER_ROLE = Hash.sha3String("PAUSER_ROLE");

    private PointsCalls() {
    }

    /** The creation data of a PointsToken trusting {@code forwarder}. */
    public static String deployToken(String name, String symbol, String forwarder) {
        return PointsContracts.TOKEN.bytecode() + FunctionEncoder.encodeConstructor(
                List.of(new Utf8String(name), new Utf8String(symbol), new Address(forwarder)));
    }

    public static String deployForwarder() {
        return PointsContracts.FORWARDER.bytecode();
    }

    public static String setIssuerCap(String issuer, BigInteger cap) {
        return encode("setIssuerCap", new Address(issuer), new Uint256(cap));
    }

    public static String issue(String holder, BigInteger amount, String ref) {
        return encode("issue", new Address(holder), new Uint256(amount), new Utf8String(ref));
    }

    public static String transfer(String to, BigInteger amount) {
        return encode("transfer", new Address(to), new Uint256(amount));
    }

    public static String approve(String spender, BigInteger amount) {
        return encode("approve", new Address(spender), new Uint256(amount));
    }

    public static String redeem(String merchant, BigInteger amount, String ref) {
        return encode("redeem", new Address(merchant), new Uint256(amount), new Utf8String(ref));
    }

    public static String redeemFrom(String holder, BigInteger amount, String ref) {
        return encode("redeemFrom", new Address(holder), new Uint256(amount), new Utf8String(ref));
    }

    /** EIP-2612: {@code signature} is 65 bytes r‖s‖v of the holder's Permit. */
    public static String permit(String owner, String spender, BigInteger value, long deadline, String signature) {
        byte[] sig = Numeric.hexStringToByteArray(signature);
        byte[] r = java.util.Arrays.copyOfRange(sig, 0, 32);
        byte[] s = java.util.Arrays.copyOfRange(sig, 32, 64);
        return encode("permit", new Address(owner), new Address(spender), new Uint256(value),
                new Uint256(BigInteger.valueOf(deadline)), new Uint8(Byte.toUnsignedInt(sig[64])), new Bytes32(r),
                new Bytes32(s));
    }

    public static String grantRole(String role, String account) {
        return encode("grantRole", new Bytes32(Numeric.hexStringToByteArray(role)), new Address(account));
    }

    public static String revokeRole(String role, String account) {
        return encode("revokeRole", new Bytes32(Numeric.hexStringToByteArray(role)), new Address(account));
    }

    public static String pause() {
        return encode("pause");
    }

    public static String unpause() {
        return encode("unpause");
    }

    public static String balanceOf(String holder) {
        return encode("balanceOf", new Address(holder));
    }

    public static String nonces(String holder) {
        return encode("nonces", new Address(holder));
    }

    public static String issuedBy(String issuer) {
        return encode("issuedBy", new Address(issuer));
    }

    public static String issuerCap(String issuer) {
        return encode("issuerCap", new Address(issuer));
    }

    public static String totalSupply() {
        return encode("totalSupply");
    }

    @SuppressWarnings("rawtypes")
    private static String encode(String name, Type... args) {
        return FunctionEncoder.encode(new Function(name, List.of(args), List.<TypeReference<?>>of()));
    }
}
