package org.stele.execution.importer;

import java.util.Objects;
import java.util.Optional;
import org.stele.chain.rules.BlockRule;
import org.stele.chain.rules.Violation;
import org.stele.execution.InvalidTransaction;

/**
 * Why a block was refused: the rule it broke and, for {@link BlockRule#INVALID_TRANSACTION}, which transaction rule.
 *
 * @param transaction
 *            present exactly when the rule is {@link BlockRule#INVALID_TRANSACTION}
 */
public record Refusal(BlockRule rule, Optional<InvalidTransaction> transaction, String detail) {
    public Refusal {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(detail, "detail");
        if (transaction.isPresent() != (rule == BlockRule.INVALID_TRANSACTION))
            throw new IllegalArgumentException("a transaction reason goes with INVALID_TRANSACTION only");
    }

    public static Refusal of(Violation v) {
        return new Refusal(v.rule(), Optional.empty(), v.detail());
    }

    public static Refusal of(BlockRule rule, String detail) {
        return new Refusal(rule, Optional.empty(), detail);
    }

    public static Refusal transaction(int index, InvalidTransaction reason, String detail) {
        return new Refusal(BlockRule.INVALID_TRANSACTION, Optional.of(reason), "transaction " + index + ": " + detail);
    }

    @Override
    public String toString() {
        return transaction.map(t -> rule + "(" + t + ")").orElse(rule.toString()) + ": " + detail;
    }
}
