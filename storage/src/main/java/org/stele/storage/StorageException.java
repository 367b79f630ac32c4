package org.stele.storage;

/** A store could not be opened, read or written. The message says which store and why. */
public class StorageException extends RuntimeException {
    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
