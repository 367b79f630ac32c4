package org.stele.execution.statetest;

/** A fixture file is not valid JSON or not in the state-test format; the message names the file and the field. */
public final class FixtureFormatException extends RuntimeException {
    public FixtureFormatException(String message) {
        super(message);
    }

    public FixtureFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
