package org.stele.execution.blocktest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stele.chain.rules.BlockRule;
import org.stele.execution.InvalidTransaction;
import org.stele.execution.importer.Refusal;

class FixtureExceptionsTest {
    @Test
    void aBlockExceptionMatchesTheRulesItsNameMapsTo() {
        assertThat(FixtureExceptions.matches("BlockException.INVALID_STATE_ROOT", Refusal.of(BlockRule.STATE_ROOT, "")))
                .isTrue();
        assertThat(FixtureExceptions.matches("BlockException.INVALID_STATE_ROOT", Refusal.of(BlockRule.GAS_USED, "")))
                .isFalse();
    }

    @Test
    void aTransactionExceptionMatchesOnlyARefusedTransactionWithThatReason() {
        Refusal funds = Refusal.transaction(0, InvalidTransaction.INSUFFICIENT_ACCOUNT_FUNDS, "");
        assertThat(FixtureExceptions.matches("TransactionException.INSUFFICIENT_ACCOUNT_FUNDS", funds)).isTrue();
        assertThat(FixtureExceptions.matches("TransactionException.INTRINSIC_GAS_TOO_LOW", funds)).isFalse();
        assertThat(FixtureExceptions.matches("TransactionException.INSUFFICIENT_ACCOUNT_FUNDS",
                Refusal.of(BlockRule.STATE_ROOT, ""))).isFalse();
    }

    @Test
    void namesJoinedByABarMatchWhenAnyOfThemDoes() {
        String expected = "TransactionException.INTRINSIC_GAS_TOO_LOW|BlockException.RLP_STRUCTURES_ENCODING";
        assertThat(FixtureExceptions.matches(expected, Refusal.of(BlockRule.MALFORMED, ""))).isTrue();
        assertThat(FixtureExceptions.isKnown(expected)).isTrue();
        assertThat(FixtureExceptions.isKnown("BlockException.SOMETHING_NEW")).isFalse();
    }
}
