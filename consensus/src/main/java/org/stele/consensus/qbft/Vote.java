package org.stele.consensus.qbft;

import java.util.Objects;
import org.stele.common.Address;

/**
 * A proposer's vote carried in a header: add {@code recipient} to the validator set, or drop it. Encoded as
 * {@code [address, 0xff]} (add) or {@code [address, 0x00]} (drop), as Besu and GoQuorum do.
 */
public record Vote(Address recipient, boolean add) {
    public static final byte ADD = (byte) 0xff;
    public static final byte DROP = 0x00;

    public Vote {
        Objects.requireNonNull(recipient, "recipient");
    }
}
