package org.stele.execution.blocktest;

import static java.util.Map.entry;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.stele.chain.rules.BlockRule;
import org.stele.execution.InvalidTransaction;
import org.stele.execution.importer.Refusal;

/**
 * The one table from the exception names of Ethereum's fixtures ({@code BlockException.*},
 * {@code TransactionException.*}, as in execution-spec-tests) to Stele's refusal rules. A refused block matches an
 * expectation when its rule is one the expected name maps to; an expectation may list several names joined by
 * {@code |}, any of which matches. Several fixture names share one Stele rule where the fixtures split a rule by how it
 * shows (an RLP overflow and a bad address are both a malformed block).
 */
public final class FixtureExceptions {
    private static final String BLOCK = "BlockException.";
    private static final String TRANSACTION = "TransactionException.";

    private static final Map<String, Set<BlockRule>> BLOCK_RULES = Map.ofEntries(
            entry("RLP_STRUCTURES_ENCODING", EnumSet.of(BlockRule.MALFORMED)),
            entry("RLP_INVALID_FIELD_OVERFLOW_64", EnumSet.of(BlockRule.MALFORMED)),
            entry("RLP_INVALID_ADDRESS", EnumSet.of(BlockRule.MALFORMED)),
            entry("RLP_WITHDRAWALS_NOT_READ", EnumSet.of(BlockRule.MALFORMED)),
            entry("RLP_BLOCK_LIMIT_EXCEEDED", EnumSet.of(BlockRule.MALFORMED)),
            entry("INCORRECT_BLOCK_FORMAT", EnumSet.of(BlockRule.MALFORMED, BlockRule.MISSING_FORK_FIELD)),
            entry("UNKNOWN_PARENT", EnumSet.of(BlockRule.UNKNOWN_PARENT)),
            entry("UNKNOWN_PARENT_ZERO", EnumSet.of(BlockRule.UNKNOWN_PARENT)),
            entry("INVALID_BLOCK_NUMBER", EnumSet.of(BlockRule.BLOCK_NUMBER)),
            entry("INVALID_BLOCK_TIMESTAMP_OLDER_THAN_PARENT", EnumSet.of(BlockRule.TIMESTAMP)),
            entry("INVALID_GASLIMIT", EnumSet.of(BlockRule.GAS_LIMIT)),
            entry("GASLIMIT_TOO_BIG", EnumSet.of(BlockRule.GAS_LIMIT, BlockRule.MALFORMED)),
            entry("GAS_USED_OVERFLOW", EnumSet.of(BlockRule.GAS_USED_ABOVE_LIMIT)),
            entry("INVALID_BASEFEE_PER_GAS", EnumSet.of(BlockRule.BASE_FEE)),
            entry("EXTRA_DATA_TOO_BIG", EnumSet.of(BlockRule.EXTRA_DATA)),
            entry("IMPORT_IMPOSSIBLE_DIFFICULTY_OVER_PARIS", EnumSet.of(BlockRule.DIFFICULTY)),
            entry("IMPORT_IMPOSSIBLE_UNCLES_OVER_PARIS", EnumSet.of(BlockRule.OMMERS)),
            entry("INVALID_UNCLES_HASH", EnumSet.of(BlockRule.OMMERS)),
            entry("INVALID_WITHDRAWALS_ROOT", EnumSet.of(BlockRule.WITHDRAWALS_ROOT)),
            entry("INVALID_TRANSACTIONS_ROOT", EnumSet.of(BlockRule.TRANSACTIONS_ROOT)),
            entry("INCORRECT_BLOB_GAS_USED", EnumSet.of(BlockRule.BLOB_GAS_USED)),
            entry("BLOB_GAS_USED_ABOVE_LIMIT", EnumSet.of(BlockRule.BLOB_GAS_USED)),
            entry("INCORRECT_EXCESS_BLOB_GAS", EnumSet.of(BlockRule.EXCESS_BLOB_GAS)),
            entry("INVALID_GAS_USED", EnumSet.of(BlockRule.GAS_USED)),
            entry("INVALID_RECEIPTS_ROOT", EnumSet.of(BlockRule.RECEIPTS_ROOT)),
            entry("INVALID_LOG_BLOOM", EnumSet.of(BlockRule.LOGS_BLOOM)),
            entry("INVALID_STATE_ROOT", EnumSet.of(BlockRule.STATE_ROOT)));

    /**
     * Transaction exceptions whose fixture name differs from Stele's reason; every other
     * {@code TransactionException.X} is Stele's {@link InvalidTransaction} of the same name.
     */
    private static final Map<String, Set<InvalidTransaction>> TRANSACTION_ALIASES = Map.ofEntries(
            entry("TYPE_3_TX_MAX_BLOB_GAS_ALLOWANCE_EXCEEDED",
                    EnumSet.of(InvalidTransaction.TYPE_3_TX_BLOB_COUNT_EXCEEDED)),
            entry("TYPE_3_TX_PRE_FORK", EnumSet.of(InvalidTransaction.TYPE_NOT_SUPPORTED)),
            entry("TYPE_3_TX_WITH_FULL_BLOBS", EnumSet.of(InvalidTransaction.TYPE_NOT_SUPPORTED)),
            entry("INVALID_SIGNATURE_VRS", EnumSet.of(InvalidTransaction.INVALID_SIGNATURE_VRS)),
            entry("INVALID_CHAINID", EnumSet.of(InvalidTransaction.INVALID_CHAINID)));

    private FixtureExceptions() {
    }

    /** Whether {@code refusal} is one of the reasons {@code expected} (names joined by {@code |}) allows. */
    public static boolean matches(String expected, Refusal refusal) {
        for (String name : expected.split("\\|"))
            if (matchesOne(name.trim(), refusal))
                return true;
        return false;
    }

    /** Whether every name in {@code expected} is in this table, so that a mismatch is a real one. */
    public static boolean isKnown(String expected) {
        for (String name : expected.split("\\|")) {
            String n = name.trim();
            if (n.startsWith(BLOCK) && !BLOCK_RULES.containsKey(n.substring(BLOCK.length())))
                return false;
            if (n.startsWith(TRANSACTION) && transactionReasons(n.substring(TRANSACTION.length())).isEmpty())
                return false;
            if (!n.startsWith(BLOCK) && !n.startsWith(TRANSACTION))
                return false;
        }
        return true;
    }

    private static boolean matchesOne(String name, Refusal refusal) {
        if (name.startsWith(BLOCK))
            return BLOCK_RULES.getOrDefault(name.substring(BLOCK.length()), Set.of()).contains(refusal.rule());
        if (name.startsWith(TRANSACTION))
            return refusal.transaction().map(transactionReasons(name.substring(TRANSACTION.length()))::contains)
                    .orElse(false);
        return false;
    }

    private static Set<InvalidTransaction> transactionReasons(String name) {
        Set<InvalidTransaction> alias = TRANSACTION_ALIASES.get(name);
        if (alias != null)
            return alias;
        try {
            return EnumSet.of(InvalidTransaction.valueOf(name));
        } catch (IllegalArgumentException unknown) {
            return Set.of();
        }
    }
}
