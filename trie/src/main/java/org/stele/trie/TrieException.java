package org.stele.trie;

/** The trie could not be read: a node is missing from the store or its encoding is malformed. */
public class TrieException extends RuntimeException {
    public TrieException(String message) {
        super(message);
    }

    public TrieException(String message, Throwable cause) {
        super(message, cause);
    }
}
