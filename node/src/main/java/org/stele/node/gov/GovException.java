package org.stele.node.gov;

/** A {@code stele gov} step that failed, with the one line the operator reads. */
class GovException extends RuntimeException {
    GovException(String message) {
        super(message, null, false, false);
    }
}
