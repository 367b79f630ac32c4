package org.stele.node.keys;

/** A key file that cannot be read or written, with a message fit to print as the one line a user sees. */
public final class KeyFileException extends Exception {
    public KeyFileException(String message) {
        super(message);
    }

    public KeyFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
