package org.stele.chain.rules;

import java.util.Objects;

/** A broken rule and what was found, for logs and error messages. */
public record Violation(BlockRule rule, String detail) {
    public Violation {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(detail, "detail");
    }

    @Override
    public String toString() {
        return rule + ": " + detail;
    }
}
