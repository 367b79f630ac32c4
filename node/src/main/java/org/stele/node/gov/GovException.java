package org.stele.node.gov;

/** A {@code stele gov} step that failed, with the one line the operator reads. */
final class GovException extends RuntimeException {
    GovException(String message) {
        super(message, null, false, false);
    }
}
