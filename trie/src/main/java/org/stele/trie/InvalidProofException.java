package org.stele.trie;

/**
 * A Merkle proof does not prove anything about the given root: a node is missing, does not hash to what its parent
 * references, or is malformed. The message names the depth and the reason.
 */
public final class InvalidProofException extends Exception {
    public InvalidProofException(String message) {
        super(message);
    }

    public InvalidProofException(String message, Throwable cause) {
        super(message, cause);
    }
}
