package org.stele.governance;

/**
 * The storage slots of the governance contracts' state variables, in declaration order (the {@code @dev Storage
 * layout} comment of each contract). {@code GenesisLayoutTest} proves them by running the contracts' getters on a
 * seeded genesis.
 */
final class Layout {
    static final long COMMITTEE_PARTICIPATION = 0;
    static final long COMMITTEE_WIN = 1;
    static final long COMMITTEE_VOTING_PERIOD = 2;
    static final long COMMITTEE_GOVERNORS = 3;
    static final long COMMITTEE_WEIGHT_OF = 4;

    /** {@code MemberList}: the validators and the admitted nodes. */
    static final long MEMBERS = 0;
    static final long MEMBER_POSITION = 1;

    /** Byte 0: send mode, byte 1: deploy mode (0 open, 1 allowlist). */
    static final long ACCOUNTS_MODES = 0;
    static final long ACCOUNTS_CAN_SEND = 1;
    static final long ACCOUNTS_CAN_DEPLOY = 2;
    static final long ACCOUNTS_ROLES = 3;
    static final long ACCOUNTS_TOKENS_REVOKED_AT = 4;

    static final long FREEZES_IS_FROZEN = 0;
    static final long FREEZES_FROZEN_COUNT = 1;

    static final long PARAMETERS_BLOCK_GAS_LIMIT = 0;
    static final long PARAMETERS_MIN_GAS_PRICE = 1;
    static final long PARAMETERS_MAX_TX_SIZE = 2;
    static final long PARAMETERS_BLOCK_PERIOD_MILLIS = 3;

    private Layout() {
    }
}
