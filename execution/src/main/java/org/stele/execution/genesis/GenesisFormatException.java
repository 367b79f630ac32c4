package org.stele.execution.genesis;

/** A genesis file that cannot be read, or describes a chain Stele does not run; the message names the field. */
public final class GenesisFormatException extends RuntimeException {
    public GenesisFormatException(String message) {
        super(message);
    }

    public GenesisFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
