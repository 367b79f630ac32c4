package org.stele.bench.load;

import java.math.BigInteger;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Hex;

/**
 * A minimal ERC-20 token, hand-assembled so the benchmark needs no compiler: the constructor gives the deployer a
 * supply of 2^256 - 1 (balances live at the storage slot equal to the holder's address), and the runtime answers
 * {@code transfer(address,uint256)} (reverting on insufficient balance, logging {@code Transfer}, returning true)
 * and {@code balanceOf(address)}; any other selector reverts.
 *
 * <pre>
 * constructor: PUSH1 0 NOT CALLER SSTORE; CODECOPY the runtime to memory 0; RETURN it
 * runtime:     sel = CALLDATALOAD(0) >> 224
 *              sel == a9059cbb -> transfer; sel == 70a08231 -> balanceOf; else REVERT
 * balanceOf:   return SLOAD(CALLDATALOAD(4))
 * transfer:    amt = CALLDATALOAD(36); bal = SLOAD(CALLER); if bal < amt REVERT
 *              SSTORE(CALLER, bal - amt); to = CALLDATALOAD(4) & (2^160 - 1); SSTORE(to, SLOAD(to) + amt)
 *              MSTORE(0, amt); LOG3(0, 32, Transfer topic, CALLER, to); return 1
 * </pre>
 */
public final class Erc20Token {
    /** Creation code: an 18-byte constructor followed by the 152-byte runtime. */
    public static final Bytes CREATION_CODE = Bytes.fromHex("6000193355610098806100126000396000f3"
            + "60003560e01c8063a9059cbb1461002c576370a082311461001f57600080fd5b6004355460005260206000f35b506024"
            + "35335481811061009357819003335560043573ffffffffffffffffffffffffffffffffffffffff16805482018155816000"
            + "52337fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef60206000a36001600052602060"
            + "00f35b600080fd");

    /** keccak256("Transfer(address,address,uint256)"). */
    public static final String TRANSFER_TOPIC = "0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef";

    private Erc20Token() {
    }

    /** Call data for {@code transfer(to, amount)}. */
    public static Bytes transferCall(Address to, BigInteger amount) {
        return Bytes.fromHex("a9059cbb" + word(to.toBytes()) + word(amount));
    }

    /** Call data for {@code balanceOf(owner)}. */
    public static Bytes balanceOfCall(Address owner) {
        return Bytes.fromHex("70a08231" + word(owner.toBytes()));
    }

    private static String word(Bytes b) {
        return "0".repeat(64 - 2 * b.size()) + Hex.encodeNoPrefix(b.unsafeArray());
    }

    private static String word(BigInteger v) {
        if (v.signum() < 0 || v.bitLength() > 256)
            throw new IllegalArgumentException("not a uint256: " + v);
        String h = v.toString(16);
        return "0".repeat(64 - h.length()) + h;
    }
}
