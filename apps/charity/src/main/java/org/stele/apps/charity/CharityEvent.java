package org.stele.apps.charity;

import java.math.BigInteger;
import java.util.Comparator;

/**
 * One event of the Charity contract, with where it is on the chain. Addresses are lower-case 0x-hex, so that two
 * events about one account compare equal whatever the checksum casing of their source.
 */
public sealed interface CharityEvent {
    Position position();

    /** A log's place: its block, its index in the block, and the transaction that emitted it. */
    record Position(long block, long logIndex, String transaction) {
        /** Chain order: the order in which the contract emitted the events. */
        public static final Comparator<Position> CHAIN_ORDER = Comparator.comparingLong(Position::block)
                .thenComparingLong(Position::logIndex);
    }

    record OrganisationRegistered(Position position, long organisation, String admin, String name)
            implements
                CharityEvent {}

    /** {@code token} is null for the native coin. */
    record CampaignCreated(Position position, long campaign, long organisation, String token, BigInteger goal,
            long deadline, String title) implements CharityEvent {}

    record BeneficiaryAdded(Position position, long campaign, String beneficiary,
            String name) implements CharityEvent {}

    /** {@code donation} counts the campaign's donations from 1. */
    record Donated(Position position, long campaign, String donor, long donation, BigInteger amount)
            implements
                CharityEvent {}

    record Disbursed(Position position, long campaign, String beneficiary, long disbursement, BigInteger amount,
            String evidenceHash, String evidenceUri) implements CharityEvent {}

    record DeliveryConfirmed(Position position, long campaign, String beneficiary, long disbursement)
            implements
                CharityEvent {}

    record Refunded(Position position, long campaign, String donor, BigInteger amount) implements CharityEvent {}
}
