package org.stele.state;

/** The stored state is unreadable: a missing trie node or an account that does not decode. */
public final class StateException extends RuntimeException {
    public StateException(String message, Throwable cause) {
        super(message, cause);
    }
}
