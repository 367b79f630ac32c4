package org.stele.apps.points;

import fr.acinq.secp256k1.Secp256k1;
import java.math.BigInteger;
import java.util.Arrays;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * What OpenZeppelin 5's ERC2771Forwarder and PointsToken's {@code transfer} check, decided in the relayer from what it
 * knows (the signer's next forwarder nonce and spendable points, whether the token is paused, the earliest block time
 * the request can be mined at), so that a request needs no {@code eth_call}. The forwarder's {@code execute} succeeds
 * when the target trusts it, {@code msg.value} equals the request's value, the deadline has not passed, the EIP-712
 * signature recovers (low s, v 27 or 28) to {@code from} with the signer's current nonce, and the call inside, given
 * the request's {@code gas}, does not revert. This class accepts only a request for which all of that holds; anything
 * else, including every call but a well-formed {@code transfer}, is {@link Undecided} and left to a simulation on the
 * node, which also names the reason. So an accepted request is one the forwarder runs on the state described; the
 * relayer's property test compares the two over random requests on a dev node.
 */
public final class ForwarderRules {
    /**
     * Gas that PointsToken's {@code transfer} never exceeds when forwarded: the paused flag (a cold read, 2,100), the
     * sender's balance (cold, 2,100 + 2,900) and the recipient's (cold, from zero: 2,100 + 20,000), the Transfer log
     * (about 1,800) and the dispatch and checks around them (a few thousand). A request that gives its call less is
     * left to the simulation.
     */
    public static final BigInteger TRANSFER_GAS = BigInteger.valueOf(45_000);
    static final String TRANSFER = "0xa9059cbb";
    private static final BigInteger HALF_N = new BigInteger(
            "7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a0", 16);
    private static final BigInteger N = new BigInteger(
            "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);
    private static final Secp256k1 SECP256K1 = Secp256k1.get();

    /** The verdict on one request: run it, or ask the node. */
    public sealed interface Verdict {
    }

    /** The forwarder runs the request and its call succeeds; {@code amount} points leave the signer. */
    public record Accept(BigInteger amount) implements Verdict {}

    /** Not decided here: {@code why} says what the relayer did not know or found wrong; a simulation decides. */
    public record Undecided(String why) implements Verdict {}

    /**
     * What the relayer knows of the chain a request will run on: {@code nonce} the signer's next forwarder nonce,
     * {@code spendable} its points less those its earlier accepted requests take, {@code paused} the token's state,
     * {@code earliestTime} a time no earlier than the timestamp of any block the request can be mined in.
     */
    public record Known(BigInteger nonce, BigInteger spendable, boolean paused, long earliestTime) {}

    private final String token;
    private final byte[] domain;

    /** For requests to {@code token} (which trusts {@code forwarder}: the caller checked) on chain {@code chainId}. */
    public ForwarderRules(long chainId, String forwarder, String token) {
        this.token = token.toLowerCase(java.util.Locale.ROOT);
        // The domain is the same for every request: hashed once, not three times a check.
        this.domain = ForwardRequest.domainSeparator(chainId, forwarder.toLowerCase(java.util.Locale.ROOT));
    }

    public Verdict judge(ForwardRequest.Signed signed, Known known) {
        ForwardRequest r = signed.request();
        if (!r.to().equals(token)) return new Undecided("not a call to the points token");
        if (r.value().signum() != 0) return new Undecided("carries a value");
        if (!r.nonce().equals(known.nonce())) return new Undecided("nonce is not the signer's next");
        if (r.deadline() < known.earliestTime()) return new Undecided("deadline may pass before it is mined");
        if (!signedBy(signed, r.from())) return new Undecided("signature does not recover to the signer");
        String data = r.data();
        // transfer(address,uint256): exactly a selector and two words, the address word's 12 high bytes zero (the ABI
        // decoder of solc 0.8 reverts on dirty ones).
        if (data.length() != 2 + 8 + 128 || !data.startsWith(TRANSFER)) return new Undecided("not a transfer");
        if (!data.substring(10, 34).chars().allMatch(c -> c == '0')) return new Undecided("address word not clean");
        if (data.substring(34, 74).chars().allMatch(c -> c == '0')) return new Undecided("transfer to address zero");
        if (r.gas().compareTo(TRANSFER_GAS) < 0) return new Undecided("gas below " + TRANSFER_GAS);
        if (known.paused()) return new Undecided("the token is paused");
        BigInteger amount = new BigInteger(data.substring(74), 16);
        if (amount.compareTo(known.spendable()) > 0) return new Undecided("more than the signer can spend");
        return new Accept(amount);
    }

    /** OpenZeppelin's ECDSA.tryRecover of the request's EIP-712 digest is {@code from}: 65 bytes, low s, v 27/28. */
    private boolean signedBy(ForwardRequest.Signed signed, String from) {
        byte[] sig = Numeric.hexStringToByteArray(signed.signature());
        int v = sig[64] & 0xff;
        if (v != 27 && v != 28) return false;
        BigInteger rr = new BigInteger(1, Arrays.copyOfRange(sig, 0, 32));
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(sig, 32, 64));
        if (rr.signum() == 0 || rr.compareTo(N) >= 0 || s.signum() == 0 || s.compareTo(HALF_N) > 0) return false;
        byte[] key;
        try {
            key = SECP256K1.ecdsaRecover(Arrays.copyOf(sig, 64), signed.request().digest(domain), v - 27);
        } catch (RuntimeException noPoint) {
            return false;
        }
        if (key == null || key.length != 65) return false;
        byte[] hash = Hash.sha3(Arrays.copyOfRange(key, 1, 65));
        return Numeric.toHexString(Arrays.copyOfRange(hash, 12, 32)).equals(from);
    }
}
