package org.stele.node.validator;

/** A node cannot start because of a file or a setting; the message is one line for the operator. */
public final class NodeStartException extends RuntimeException {
    public NodeStartException(String message) {
        super(message);
    }
}
