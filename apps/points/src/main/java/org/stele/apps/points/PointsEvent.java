package org.stele.apps.points;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * One event of PointsToken or PointsForwarder, decoded; addresses in lower-case 0x-hex. The events are the
 * application's whole record: balances over time, history and the issuer's dashboard are folded from them.
 */
public sealed interface PointsEvent {
    /** Where the event is: block, log index within the block, and the transaction that emitted it. */
    record Position(long block, long logIndex, String transaction) {
        public static final Comparator<Position> CHAIN_ORDER = Comparator.comparingLong(Position::block)
                .thenComparingLong(Position::logIndex);
    }

    Position position();

    /** ERC-20's Transfer: from the zero address for an issue, to it for a redemption. */
    record Transfer(Position position, String from, String to, BigInteger amount) implements PointsEvent {}

    record Approval(Position position, String owner, String spender, BigInteger amount) implements PointsEvent {}

    record Issued(Position position, String issuer, String holder, BigInteger amount, String ref)
            implements
                PointsEvent {}

    record Redeemed(Position position, String merchant, String holder, BigInteger amount, String ref)
            implements
                PointsEvent {}

    record IssuerCapSet(Position position, String issuer, BigInteger cap) implements PointsEvent {}

    /** {@code paused} true for Paused, false for Unpaused. */
    record PauseChanged(Position position, String account, boolean paused) implements PointsEvent {}

    /** AccessControl's RoleGranted ({@code granted}) or RoleRevoked; {@code role} by name when it is one of ours. */
    record RoleChanged(Position position, String role, String account, String sender, boolean granted)
            implements
                PointsEvent {}

    /** The forwarder ran a signed request of {@code signer}; {@code success} false when the call inside reverted. */
    record ForwardExecuted(Position position, String signer, BigInteger nonce, boolean success)
            implements
                PointsEvent {}
}
