package org.stele.governance;

import org.stele.common.Address;

/** A member of the committee and the weight of its vote. */
public record Governor(Address address, long weight) {
    public Governor {
        if (weight <= 0)
            throw new IllegalArgumentException("a governor's weight must be positive: " + address + " has " + weight);
    }
}
