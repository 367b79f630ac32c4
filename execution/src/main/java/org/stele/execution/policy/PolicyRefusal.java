package org.stele.execution.policy;

import java.util.Objects;
import org.stele.execution.InvalidTransaction;

/**
 * A transaction the chain's rules refuse.
 *
 * @param reason one of the chain-rule reasons of {@link InvalidTransaction} ({@code ACCOUNT_FROZEN} and its kin)
 * @param detail one line for the sender, naming the account and the contract that holds the rule
 */
public record PolicyRefusal(InvalidTransaction reason, String detail) {
    public PolicyRefusal {
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(detail, "detail");
    }
}
