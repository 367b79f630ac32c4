package org.stele.apps.points;

/** A call the token refused (naming its custom error), a transaction that failed, or a node or relayer that failed. */
public final class PointsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PointsException(String message) {
        super(message);
    }
}
