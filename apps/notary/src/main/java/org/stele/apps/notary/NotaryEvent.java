package org.stele.apps.notary;

import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;

/**
 * One event of the Notary contract, with where it is on the chain. Hashes and addresses are lower-case 0x-hex, so
 * that two events about one account compare equal whatever the casing of their source.
 */
public sealed interface NotaryEvent {
    Position position();

    /** A log's place: its block, its index in the block, and the transaction that emitted it. */
    record Position(long block, long logIndex, String transaction) {
        public static final Comparator<Position> CHAIN_ORDER = Comparator.comparingLong(Position::block)
                .thenComparingLong(Position::logIndex);
    }

    record Stamped(Position position, String hash, String by) implements NotaryEvent {}

    record BatchStamped(Position position, String root, String by, BigInteger size) implements NotaryEvent {}

    record DocumentCreated(Position position, String document, String creator, int threshold, List<String> parties)
            implements
                NotaryEvent {
        public DocumentCreated {
            parties = List.copyOf(parties);
        }
    }

    /** {@code relayer} sent the transaction: the signer itself, or whoever relayed its EIP-712 signature. */
    record Signed(Position position, String document, String signer, String relayer) implements NotaryEvent {}

    record Completed(Position position, String document, int signatures) implements NotaryEvent {}

    record Revoked(Position position, String document, String by, String reason) implements NotaryEvent {}

    record Superseded(Position position, String document, String newVersion) implements NotaryEvent {}
}
