package org.stele.apps.identity.vc;

/** An input that is not what it should be (a malformed JWT, DID, claims), or a node that did not answer: one line. */
public class VcException extends RuntimeException {
    public VcException(String message) {
        super(message);
    }
}
