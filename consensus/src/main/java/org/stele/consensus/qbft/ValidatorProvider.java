package org.stele.consensus.qbft;

import java.util.List;
import org.stele.common.Address;

/**
 * The validator set as a function of block number, so that a set changed by governance takes effect at a given
 * height without restarting anything. Implementations return the same list for the same number every time.
 */
@FunctionalInterface
public interface ValidatorProvider {
    /** The validators that decide block {@code blockNumber}, sorted ascending by address and without duplicates. */
    List<Address> validatorsForBlock(long blockNumber);

    /** A set that never changes. */
    static ValidatorProvider fixed(List<Address> validators) {
        List<Address> sorted = validators.stream().distinct().sorted().toList();
        return n -> sorted;
    }
}
