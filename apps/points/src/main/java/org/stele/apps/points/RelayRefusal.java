package org.stele.apps.points;

/**
 * Why the relayer will not relay a request, or could not: a stable {@code code} for programs, a one-line
 * {@code message} for people, and the HTTP status the relayer's server answers with.
 */
public final class RelayRefusal extends Exception {
    private static final long serialVersionUID = 1L;
    private final String code;
    private final int status;

    public RelayRefusal(String code, int status, String message) {
        super(message, null, false, false);
        this.code = code;
        this.status = status;
    }

    public String code() {
        return code;
    }

    public int status() {
        return status;
    }

    @Override
    public String toString() {
        return code + ": " + getMessage();
    }
}
