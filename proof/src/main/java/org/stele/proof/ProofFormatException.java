package org.stele.proof;

/** A proof file that is not a {@code stele-proof/1} document: not JSON, a field missing or of the wrong shape. */
public final class ProofFormatException extends RuntimeException {
    public ProofFormatException(String message) {
        super(message);
    }

    public ProofFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
