package org.stele.common.rlp;

/** Malformed or non-canonical RLP. The message names the byte offset where decoding failed. */
public final class RlpException extends RuntimeException {
    private final int offset;

    public RlpException(String message, int offset) {
        super(message + " (at offset " + offset + ")");
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
