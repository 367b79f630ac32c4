package org.stele.governance;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.evm.WorldView;

/**
 * The governance contracts' state as a node reads it: straight from their storage slots ({@link Layout}) in one world
 * state, without running the EVM, so that the pool and the importer can ask per transaction. A chain without the
 * contracts reads as open: no freezes, no allowlists, no parameters set.
 */
public final class GovernanceState {
    /** A list longer than this is not a list genesis or proposals wrote: read no further than this. */
    private static final int MAX_MEMBERS = 1024;
    private final WorldView world;

    public GovernanceState(WorldView world) {
        this.world = world;
    }

    public boolean isFrozen(Address account) {
        return !read(SystemContract.FREEZES, StorageSlots.mappingEntry(Layout.FREEZES_IS_FROZEN, account)).isZero();
    }

    /** How many addresses are frozen: while none is, no call needs looking up. */
    public BigInteger frozenCount() {
        return number(SystemContract.FREEZES, StorageSlots.slot(Layout.FREEZES_FROZEN_COUNT));
    }

    /** The validator set in the contract's order (see {@code Validators.getValidators()}). */
    public List<Address> validators() {
        return members(SystemContract.VALIDATORS);
    }

    /** The admitted node keys, as addresses. */
    public List<Address> nodes() {
        return members(SystemContract.NODE_ALLOWLIST);
    }

    public boolean isAdmitted(Address node) {
        return !read(SystemContract.NODE_ALLOWLIST, StorageSlots.mappingEntry(Layout.MEMBER_POSITION, node)).isZero();
    }

    /** Whether sending is allowlisted (else open to every account). */
    public boolean sendingAllowlisted() {
        return (modes() & 0xff) == 1;
    }

    /** Whether deploying is allowlisted (else open to every account). */
    public boolean deployingAllowlisted() {
        return ((modes() >> 8) & 0xff) == 1;
    }

    public boolean maySend(Address account) {
        return !read(SystemContract.ACCOUNTS, StorageSlots.mappingEntry(Layout.ACCOUNTS_CAN_SEND, account)).isZero();
    }

    public boolean mayDeploy(Address account) {
        return !read(SystemContract.ACCOUNTS, StorageSlots.mappingEntry(Layout.ACCOUNTS_CAN_DEPLOY, account))
                .isZero();
    }

    public long roles(Address account) {
        return number(SystemContract.ACCOUNTS, StorageSlots.mappingEntry(Layout.ACCOUNTS_ROLES, account)).longValue();
    }

    /** The Unix second up to which the account's JSON-RPC account tokens are revoked; 0 when none are. */
    public long tokensRevokedAt(Address account) {
        BigInteger v = number(SystemContract.ACCOUNTS,
                StorageSlots.mappingEntry(Layout.ACCOUNTS_TOKENS_REVOKED_AT, account));
        return v.bitLength() < 63 ? v.longValue() : Long.MAX_VALUE;
    }

    /** A governor's weight in the committee; 0 for anyone else. */
    public BigInteger weight(Address account) {
        return number(SystemContract.COMMITTEE, StorageSlots.mappingEntry(Layout.COMMITTEE_WEIGHT_OF, account));
    }

    /** The committee's participation threshold: percent of the total weight that must take part in a vote. */
    public BigInteger participationThreshold() {
        return number(SystemContract.COMMITTEE, StorageSlots.slot(Layout.COMMITTEE_PARTICIPATION));
    }

    /** The committee's win threshold: percent of the weight taking part that must vote yes. */
    public BigInteger winThreshold() {
        return number(SystemContract.COMMITTEE, StorageSlots.slot(Layout.COMMITTEE_WIN));
    }

    /** The blocks within which a proposal must be executed, from its creation. */
    public BigInteger votingPeriod() {
        return number(SystemContract.COMMITTEE, StorageSlots.slot(Layout.COMMITTEE_VOTING_PERIOD));
    }

    public ChainParameters parameters() {
        return new ChainParameters(longAt(Layout.PARAMETERS_BLOCK_GAS_LIMIT),
                number(SystemContract.PARAMETERS, StorageSlots.slot(Layout.PARAMETERS_MIN_GAS_PRICE)),
                longAt(Layout.PARAMETERS_MAX_TX_SIZE), longAt(Layout.PARAMETERS_BLOCK_PERIOD_MILLIS));
    }

    private long longAt(long slot) {
        BigInteger v = number(SystemContract.PARAMETERS, StorageSlots.slot(slot));
        return v.bitLength() < 63 ? v.longValue() : Long.MAX_VALUE;
    }

    private long modes() {
        return number(SystemContract.ACCOUNTS, StorageSlots.slot(Layout.ACCOUNTS_MODES)).longValue();
    }

    private List<Address> members(SystemContract contract) {
        BigInteger length = number(contract, StorageSlots.slot(Layout.MEMBERS));
        int n = length.min(BigInteger.valueOf(MAX_MEMBERS)).intValue();
        List<Address> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++)
            out.add(StorageSlots.address(read(contract, StorageSlots.arrayElement(Layout.MEMBERS, i))));
        return out;
    }

    private BigInteger number(SystemContract contract, Bytes32 slot) {
        return new BigInteger(1, read(contract, slot).toArray());
    }

    private Bytes32 read(SystemContract contract, Bytes32 slot) {
        return world.storage(contract.address(), slot);
    }
}
