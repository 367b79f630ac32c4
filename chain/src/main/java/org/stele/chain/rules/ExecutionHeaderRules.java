package org.stele.chain.rules;

import java.math.BigInteger;
import java.util.Optional;
import org.stele.chain.BaseFee;
import org.stele.chain.BlockHeader;

/**
 * The header rules of Ethereum's execution layer at Cancun, which every chain profile keeps: number, timestamp, gas
 * limit and gas used, EIP-1559's base fee, the fields Shanghai and Cancun added, and EIP-4844's blob gas. The
 * profile adds its consensus rules (difficulty, nonce, mix hash, extra data) around these.
 */
public final class ExecutionHeaderRules {
    /** Go-ethereum's and Besu's floor for a block's gas limit. */
    public static final long MIN_GAS_LIMIT = 5000;
    /** A block's gas limit moves by less than 1/1024 of its parent's. */
    public static final long GAS_LIMIT_BOUND_DIVISOR = 1024;
    /** EIP-4844 (Cancun): gas per blob. */
    public static final long GAS_PER_BLOB = 131_072;
    /** EIP-4844 (Cancun): three blobs a block is the target. */
    public static final long TARGET_BLOB_GAS_PER_BLOCK = 393_216;
    /** EIP-4844 (Cancun): six blobs a block at most. */
    public static final long MAX_BLOB_GAS_PER_BLOCK = 786_432;

    private ExecutionHeaderRules() {
    }

    /** The first execution-layer rule {@code header} breaks as the child of {@code parent}. */
    public static Optional<Violation> check(BlockHeader header, BlockHeader parent) {
        if (header.baseFeePerGas().isEmpty() || header.withdrawalsRoot().isEmpty() || header.blobGasUsed().isEmpty()
                || header.excessBlobGas().isEmpty() || header.parentBeaconBlockRoot().isEmpty())
            return violation(BlockRule.MISSING_FORK_FIELD,
                    "a Cancun header has 20 fields, this one " + header.fieldCount());
        Optional<Violation> gasLimit = checkGasLimit(header.gasLimit(), parent.gasLimit());
        if (gasLimit.isPresent())
            return gasLimit;
        if (header.gasUsed() > header.gasLimit())
            return violation(BlockRule.GAS_USED_ABOVE_LIMIT,
                    "gas used " + header.gasUsed() + " is above the gas limit " + header.gasLimit());
        if (header.number() != parent.number() + 1)
            return violation(BlockRule.BLOCK_NUMBER,
                    "number " + header.number() + " does not follow the parent's " + parent.number());
        if (header.timestamp() <= parent.timestamp())
            return violation(BlockRule.TIMESTAMP,
                    "timestamp " + header.timestamp() + " is not after the parent's " + parent.timestamp());
        BigInteger expectedBaseFee = parent.baseFeePerGas().isPresent() ? BaseFee.next(parent) : BaseFee.INITIAL;
        if (!header.baseFeePerGas().get().equals(expectedBaseFee))
            return violation(BlockRule.BASE_FEE,
                    "base fee " + header.baseFeePerGas().get() + ", expected " + expectedBaseFee);
        long blobGasUsed = header.blobGasUsed().getAsLong();
        if (blobGasUsed > MAX_BLOB_GAS_PER_BLOCK || blobGasUsed % GAS_PER_BLOB != 0)
            return violation(BlockRule.BLOB_GAS_USED, "blob gas used " + blobGasUsed
                    + " is not a multiple of " + GAS_PER_BLOB + " up to " + MAX_BLOB_GAS_PER_BLOCK);
        long expectedExcess = excessBlobGas(parent);
        if (header.excessBlobGas().getAsLong() != expectedExcess)
            return violation(BlockRule.EXCESS_BLOB_GAS,
                    "excess blob gas " + header.excessBlobGas().getAsLong() + ", expected " + expectedExcess);
        return Optional.empty();
    }

    /** Go-ethereum's {@code VerifyGaslimit}: strictly within 1/1024 of the parent's, and at least the floor. */
    static Optional<Violation> checkGasLimit(long gasLimit, long parentGasLimit) {
        long diff = Math.abs(gasLimit - parentGasLimit);
        long bound = parentGasLimit / GAS_LIMIT_BOUND_DIVISOR;
        if (diff >= bound)
            return violation(BlockRule.GAS_LIMIT, "gas limit " + gasLimit + " moves by " + diff
                    + " from the parent's " + parentGasLimit + ", the bound is below " + bound);
        if (gasLimit < MIN_GAS_LIMIT)
            return violation(BlockRule.GAS_LIMIT, "gas limit " + gasLimit + " is below " + MIN_GAS_LIMIT);
        return Optional.empty();
    }

    /** EIP-4844: the excess blob gas of the child of {@code parent} (zero when the parent predates Cancun). */
    public static long excessBlobGas(BlockHeader parent) {
        long sum = parent.excessBlobGas().orElse(0) + parent.blobGasUsed().orElse(0);
        return sum < TARGET_BLOB_GAS_PER_BLOCK ? 0 : sum - TARGET_BLOB_GAS_PER_BLOCK;
    }

    static Optional<Violation> violation(BlockRule rule, String detail) {
        return Optional.of(new Violation(rule, detail));
    }
}
