package org.stele.sdk.contracts;

import java.util.List;

/**
 * A refusal named: the custom error a call reverted with and its arguments as text (numbers in decimal, addresses and
 * bytes in 0x-hex), shown as {@code GoalNotReached(1, 40, 100)}.
 */
public record ContractError(String name, List<String> arguments) {
    public ContractError {
        arguments = List.copyOf(arguments);
    }

    @Override
    public String toString() {
        return name + "(" + String.join(", ", arguments) + ")";
    }
}
