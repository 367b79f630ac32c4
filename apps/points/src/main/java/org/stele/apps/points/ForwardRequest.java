package org.stele.apps.points;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.web3j.crypto.ECKeyPair;
import org.web3j.crypto.Hash;
import org.web3j.crypto.Keys;
import org.web3j.crypto.Sign;
import org.web3j.utils.Numeric;

/**
 * An ERC-2771 request for OpenZeppelin's forwarder: {@code from} asks that {@code data} be called on {@code to}, with
 * at most {@code gas}, until {@code deadline} (a block timestamp), as its {@code nonce}-th request. The holder signs
 * its EIP-712 digest (domain "PointsForwarder", version "1", the chain id and the forwarder's address); whoever submits
 * it pays the gas. Addresses lower-case 0x-hex, {@code data} 0x-hex.
 */
public record ForwardRequest(String from, String to, BigInteger value, BigInteger gas, BigInteger nonce,
        long deadline, String data) {
    public static final String DOMAIN_NAME = "PointsForwarder";
    public static final String DOMAIN_VERSION = "1";
    static final String TYPE = "ForwardRequest(address from,address to,uint256 value,uint256 gas,uint256 nonce,"
            + "uint48 deadline,bytes data)";
    private static final byte[] TYPE_HASH = Hash.sha3(TYPE.getBytes(StandardCharsets.UTF_8));
    private static final byte[] DOMAIN_TYPE_HASH = Hash.sha3(
            "EIP712Domain(string name,string version,uint256 chainId,address verifyingContract)"
                    .getBytes(StandardCharsets.UTF_8));
    static final String EXECUTE = selector("execute((address,address,uint256,uint256,uint48,bytes,bytes))");
    static final String VERIFY = selector("verify((address,address,uint256,uint256,uint48,bytes,bytes))");
    static final String EXECUTE_BATCH = selector(
            "executeBatch((address,address,uint256,uint256,uint48,bytes,bytes)[],address)");
    static final String NONCES = selector("nonces(address)");
    static final String SIMULATE = selector("simulate(address,bytes,bytes)");
    private static final BigInteger UINT48 = BigInteger.ONE.shiftLeft(48);
    // Compiled once: a relayer checks the form of every request it is sent.
    private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-fA-F]{40}");
    private static final Pattern HEX_BYTES = Pattern.compile("0x(?:[0-9a-fA-F]{2})*+");
    private static final Pattern SIGNATURE = Pattern.compile("0x[0-9a-fA-F]{130}");

    public ForwardRequest {
        from = address(from, "from");
        to = address(to, "to");
        if (value.signum() < 0 || gas.signum() < 0 || nonce.signum() < 0)
            throw new IllegalArgumentException("value, gas and nonce are unsigned");
        if (deadline < 0 || BigInteger.valueOf(deadline).compareTo(UINT48) >= 0)
            throw new IllegalArgumentException("deadline " + deadline + " is not a uint48 timestamp");
        if (data == null || !HEX_BYTES.matcher(data).matches())
            throw new IllegalArgumentException("data is not 0x-hex bytes");
        data = data.toLowerCase(Locale.ROOT);
    }

    /** A request signed by its holder: {@code signature} is 65 bytes r‖s‖v as 0x-hex. */
    public record Signed(ForwardRequest request, String signature) {
        public Signed {
            if (signature == null || !SIGNATURE.matcher(signature).matches())
                throw new IllegalArgumentException("signature is not 65 bytes of 0x-hex");
            signature = signature.toLowerCase(Locale.ROOT);
        }
    }

    /** The EIP-712 digest the holder signs for the forwarder at {@code forwarder} on chain {@code chainId}. */
    public byte[] digest(long chainId, String forwarder) {
        return digest(domainSeparator(chainId, forwarder));
    }

    /** The forwarder's EIP-712 domain separator on chain {@code chainId}: the same for every request it checks. */
    public static byte[] domainSeparator(long chainId, String forwarder) {
        return Hash.sha3(concat(DOMAIN_TYPE_HASH, Hash.sha3(DOMAIN_NAME.getBytes(StandardCharsets.UTF_8)),
                Hash.sha3(DOMAIN_VERSION.getBytes(StandardCharsets.UTF_8)), raw(BigInteger.valueOf(chainId)),
                raw(forwarder)));
    }

    /** The digest signed for the domain whose separator is {@code domain} ({@link #domainSeparator}). */
    public byte[] digest(byte[] domain) {
        byte[] struct = Hash.sha3(concat(TYPE_HASH, raw(from), raw(to), raw(value), raw(gas), raw(nonce),
                raw(BigInteger.valueOf(deadline)), Hash.sha3(Numeric.hexStringToByteArray(data))));
        return Hash.sha3(concat(new byte[]{0x19, 0x01}, domain, struct));
    }

    /** Signs with {@code key}, which must be {@code from}'s. */
    public Signed sign(ECKeyPair key, long chainId, String forwarder) {
        if (!("0x" + Keys.getAddress(key)).equals(from))
            throw new IllegalArgumentException("the key is not " + from + "'s");
        Sign.SignatureData s = Sign.signMessage(digest(chainId, forwarder), key, false);
        return new Signed(this, Numeric.toHexString(concat(s.getR(), s.getS(), s.getV())));
    }

    /** The calldata of the forwarder's {@code execute(request)}. */
    public static String execute(Signed request) {
        return EXECUTE + word(32) + tuple(request);
    }

    /** The calldata of the forwarder's {@code verify(request)}. */
    public static String verify(Signed request) {
        return VERIFY + word(32) + tuple(request);
    }

    /** The calldata of {@code executeBatch(requests, refundReceiver)}: a non-zero receiver skips invalid requests. */
    public static String executeBatch(List<Signed> requests, String refundReceiver) {
        StringBuilder offsets = new StringBuilder();
        StringBuilder tuples = new StringBuilder();
        int at = 32 * requests.size();
        for (Signed r : requests) {
            String t = tuple(r);
            offsets.append(word(at));
            tuples.append(t);
            at += t.length() / 2;
        }
        return EXECUTE_BATCH + word(64) + hex(raw(refundReceiver)) + word(requests.size()) + offsets + tuples;
    }

    /**
     * The calldata of RelaySimulator's {@code simulate(forwarder, priorBatch, request)}: {@code prior} (the signer's
     * requests in flight, skipped on chain when no longer valid) run first, then {@code request}'s {@code execute}.
     */
    public static String simulate(String forwarder, List<Signed> prior, Signed request, String refundReceiver) {
        String batch = bytes(prior.isEmpty() ? "0x" : executeBatch(prior, refundReceiver));
        String execute = bytes(execute(request));
        return SIMULATE + hex(raw(forwarder)) + word(96) + word(96 + batch.length() / 2) + batch + execute;
    }

    /** The calldata of the forwarder's {@code nonces(owner)}. */
    public static String nonces(String owner) {
        return NONCES + hex(raw(owner));
    }

    // ForwardRequestData(address from, address to, uint256 value, uint256 gas, uint48 deadline, bytes data,
    // bytes signature): five static words, then the offsets and bodies of the two byte strings.
    private static String tuple(Signed signed) {
        ForwardRequest r = signed.request();
        String data = bytes(r.data());
        String signature = bytes(signed.signature());
        return hex(raw(r.from())) + hex(raw(r.to())) + word(r.value()) + word(r.gas()) + word(r.deadline())
                + word(7 * 32) + word(7 * 32 + data.length() / 2) + data + signature;
    }

    private static String bytes(String hex) {
        String body = hex.substring(2);
        int padded = (body.length() + 63) / 64 * 64;
        return word(body.length() / 2) + body + "0".repeat(padded - body.length());
    }

    private static String selector(String signature) {
        return Hash.sha3String(signature).substring(0, 10);
    }

    /** One ABI word as hex without 0x. */
    private static String word(long v) {
        return word(BigInteger.valueOf(v));
    }

    private static String word(BigInteger v) {
        return hex(Numeric.toBytesPadded(v, 32));
    }

    /** One ABI word as bytes: an address left-padded, or a number. */
    private static byte[] raw(String address) {
        return Numeric.toBytesPadded(Numeric.toBigInt(address), 32);
    }

    private static byte[] raw(BigInteger v) {
        return Numeric.toBytesPadded(v, 32);
    }

    private static String hex(byte[] b) {
        return Numeric.toHexStringNoPrefix(b);
    }

    private static String address(String a, String field) {
        if (a == null || !ADDRESS.matcher(a).matches())
            throw new IllegalArgumentException(field + " is not an address: " + a);
        return a.toLowerCase(Locale.ROOT);
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
