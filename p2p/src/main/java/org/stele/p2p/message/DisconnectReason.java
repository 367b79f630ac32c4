package org.stele.p2p.message;

import java.util.Optional;

/** Why a connection was closed, with its wire code. */
public enum DisconnectReason {
    REQUESTED(0), SHUTTING_DOWN(1), PROTOCOL_VERSION(2), WRONG_CHAIN(3), WRONG_GENESIS(4), MALFORMED_MESSAGE(
            5), OVERSIZED_FRAME(6), RATE_LIMITED(7), DUPLICATE_CONNECTION(8), NOT_ALLOWED(
                    9), TIMEOUT(10), UNEXPECTED_MESSAGE(
                            11),
    /** The connection ended without a disconnect message (closed or reset); never sent. */
    CONNECTION_LOST(12),
    /** A message that decoded but that the node rejected: a bad signature, a vote from a non-validator. */
    BAD_MESSAGE(13);

    private final int code;

    DisconnectReason(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<DisconnectReason> of(int code) {
        for (DisconnectReason r : values())
            if (r.code == code)
                return Optional.of(r);
        return Optional.empty();
    }

    /** Whether the peer behaved badly (and earns a strike towards a ban) rather than merely disagreeing. */
    public boolean isMisbehaviour() {
        return this == MALFORMED_MESSAGE || this == OVERSIZED_FRAME || this == RATE_LIMITED
                || this == UNEXPECTED_MESSAGE || this == BAD_MESSAGE;
    }
}
