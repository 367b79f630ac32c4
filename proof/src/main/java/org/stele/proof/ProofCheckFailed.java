package org.stele.proof;

/** A proof that does not prove what it claims: the first {@link Check} it fails, and why. */
public final class ProofCheckFailed extends Exception {
    private final Check check;

    public ProofCheckFailed(Check check, String detail) {
        super(check.id() + ": " + detail);
        this.check = check;
    }

    public Check check() {
        return check;
    }
}
