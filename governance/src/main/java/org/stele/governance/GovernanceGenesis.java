package org.stele.governance;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.execution.block.Genesis;

/**
 * The governance contracts as a genesis places them: each contract's runtime code at its address, and the storage
 * its constructor would have written, slot by slot in the contracts' layout ({@link Layout}). Nothing else changes
 * them afterwards but executed proposals.
 *
 * @param governors              the committee (each also gets the governor role in {@code Accounts})
 * @param participationThreshold percent of the total weight that must vote (1 to 100)
 * @param winThreshold           percent of the voting weight that must vote yes (1 to 100)
 * @param votingPeriod           blocks a proposal stays open
 * @param validators             the first validator set (also the extra data's)
 * @param nodes                  the node keys admitted to the network
 * @param parameters             the chain's parameters at genesis
 */
public record GovernanceGenesis(List<Governor> governors, int participationThreshold, int winThreshold,
        long votingPeriod, List<Address> validators, List<Address> nodes, ChainParameters parameters) {
    /** Two thirds of the weight must vote, two thirds of that yes: QBFT's own quorum, for the committee. */
    public static final int DEFAULT_THRESHOLD = 67;
    /** About a day at the network's 250 ms blocks is 345,600; a week of one-second blocks 604,800: 100,000 between. */
    public static final long DEFAULT_VOTING_PERIOD = 100_000;

    public GovernanceGenesis {
        governors = List.copyOf(governors);
        validators = List.copyOf(validators);
        nodes = List.copyOf(nodes);
        if (governors.isEmpty())
            throw new IllegalArgumentException("the committee needs at least one governor");
        if (validators.isEmpty())
            throw new IllegalArgumentException("the chain needs at least one validator");
        if (participationThreshold < 1 || participationThreshold > 100 || winThreshold < 1 || winThreshold > 100)
            throw new IllegalArgumentException("thresholds are percentages from 1 to 100");
        if (votingPeriod < 1)
            throw new IllegalArgumentException("the voting period must be at least one block");
        requireDistinct(governors.stream().map(Governor::address).toList(), "governor");
        requireDistinct(validators, "validator");
        requireDistinct(nodes, "node");
    }

    /**
     * A network's governance: its validators are the governors (weight 1 each), the validator set and the admitted
     * nodes.
     */
    public static GovernanceGenesis ofValidators(List<Address> validators, long gasLimit, long blockPeriodMillis) {
        return new GovernanceGenesis(validators.stream().map(v -> new Governor(v, 1)).toList(), DEFAULT_THRESHOLD,
                DEFAULT_THRESHOLD, DEFAULT_VOTING_PERIOD, validators, validators, new ChainParameters(gasLimit,
                        BigInteger.ZERO, ChainParameters.DEFAULT_MAX_TX_SIZE, blockPeriodMillis));
    }

    /**
     * A dev chain's governance: one governor (the first dev account, so that a developer can propose and vote alone),
     * the dev validator, and its node admitted.
     */
    public static GovernanceGenesis ofDev(Address governor, Address validator, long gasLimit, long blockPeriodMillis) {
        return new GovernanceGenesis(List.of(new Governor(governor, 1)), DEFAULT_THRESHOLD, DEFAULT_THRESHOLD,
                DEFAULT_VOTING_PERIOD, List.of(validator), List.of(validator), new ChainParameters(gasLimit,
                        BigInteger.ZERO, ChainParameters.DEFAULT_MAX_TX_SIZE, blockPeriodMillis));
    }

    /** The allocations of the six contracts, in address order. */
    public Map<Address, Genesis.Allocation> allocations() {
        Map<Address, Genesis.Allocation> alloc = new TreeMap<>();
        for (SystemContract c : SystemContract.values())
            alloc.put(c.address(), new Genesis.Allocation(BigInteger.ZERO, 1, c.deployedCode(), storage(c)));
        return alloc;
    }

    /**
     * What a governor without an account of its own in genesis gets, to pay for its proposals and votes: 1000 ether.
     */
    static final String GOVERNOR_BALANCE = "0x3635c9adc5dea00000";

    /**
     * Adds the contracts to a genesis file's {@code alloc} object (code, nonce and storage as geth writes them), and
     * funds each governor that the file does not list yet, so that the committee can pay for its transactions.
     */
    public void addTo(ObjectNode alloc) {
        for (Governor g : governors)
            if (!alloc.has(g.address().toHex()))
                alloc.putObject(g.address().toHex()).put("balance", GOVERNOR_BALANCE);
        allocations().forEach((address, a) -> {
            ObjectNode account = alloc.putObject(address.toHex());
            account.put("balance", "0x0");
            account.put("nonce", "0x" + Long.toHexString(a.nonce()));
            account.put("code", a.code().toHex());
            ObjectNode storage = account.putObject("storage");
            a.storage().forEach((slot, value) -> storage.put(slot.toHex(), value.toHex()));
        });
    }

    private Map<Bytes32, Bytes32> storage(SystemContract contract) {
        Map<Bytes32, Bytes32> s = new TreeMap<>();
        switch (contract) {
            case COMMITTEE -> {
                put(s, StorageSlots.slot(Layout.COMMITTEE_PARTICIPATION), participationThreshold);
                put(s, StorageSlots.slot(Layout.COMMITTEE_WIN), winThreshold);
                put(s, StorageSlots.slot(Layout.COMMITTEE_VOTING_PERIOD), votingPeriod);
                put(s, StorageSlots.slot(Layout.COMMITTEE_GOVERNORS), governors.size());
                for (int i = 0; i < governors.size(); i++) {
                    Governor g = governors.get(i);
                    s.put(StorageSlots.arrayElement(Layout.COMMITTEE_GOVERNORS, i), StorageSlots.word(g.address()));
                    put(s, StorageSlots.mappingEntry(Layout.COMMITTEE_WEIGHT_OF, g.address()), g.weight());
                }
            }
            case VALIDATORS -> members(s, validators);
            case NODE_ALLOWLIST -> members(s, nodes);
            case ACCOUNTS -> {
                for (Governor g : governors)
                    put(s, StorageSlots.mappingEntry(Layout.ACCOUNTS_ROLES, g.address()), Roles.GOVERNOR);
            }
            case FREEZES -> {
            }
            case PARAMETERS -> {
                put(s, StorageSlots.slot(Layout.PARAMETERS_BLOCK_GAS_LIMIT), parameters.blockGasLimit());
                put(s, StorageSlots.slot(Layout.PARAMETERS_MIN_GAS_PRICE), parameters.minGasPrice());
                put(s, StorageSlots.slot(Layout.PARAMETERS_MAX_TX_SIZE), parameters.maxTxSize());
                put(s, StorageSlots.slot(Layout.PARAMETERS_BLOCK_PERIOD_MILLIS), parameters.blockPeriodMillis());
            }
        }
        return s;
    }

    private static void members(Map<Bytes32, Bytes32> s, List<Address> members) {
        put(s, StorageSlots.slot(Layout.MEMBERS), members.size());
        for (int i = 0; i < members.size(); i++) {
            s.put(StorageSlots.arrayElement(Layout.MEMBERS, i), StorageSlots.word(members.get(i)));
            put(s, StorageSlots.mappingEntry(Layout.MEMBER_POSITION, members.get(i)), i + 1);
        }
    }

    private static void put(Map<Bytes32, Bytes32> s, Bytes32 slot, long value) {
        put(s, slot, BigInteger.valueOf(value));
    }

    /** Zero is what an unwritten slot holds: genesis leaves it out, as the trie does. */
    private static void put(Map<Bytes32, Bytes32> s, Bytes32 slot, BigInteger value) {
        if (value.signum() != 0)
            s.put(slot, StorageSlots.word(value));
    }

    private static void requireDistinct(List<Address> addresses, String what) {
        List<Address> seen = new ArrayList<>(new LinkedHashSet<>(addresses));
        if (seen.size() != addresses.size())
            throw new IllegalArgumentException("a " + what + " is listed twice: " + addresses);
    }
}
