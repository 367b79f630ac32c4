package org.stele.consensus.qbft.message;

/** Bytes from the network that are not a well-formed, correctly signed QBFT message. */
public final class MessageDecodingException extends Exception {
    public MessageDecodingException(String message) {
        super(message);
    }

    public MessageDecodingException(String message, Throwable cause) {
        super(message, cause);
    }
}
