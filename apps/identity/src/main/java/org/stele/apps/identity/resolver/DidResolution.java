package org.stele.apps.identity.resolver;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A DID Resolution Result ({@code didDocument}, {@code didResolutionMetadata}, {@code didDocumentMetadata}) and what it
 * means for the W3C DID Resolution HTTP binding.
 */
public record DidResolution(Outcome outcome, ObjectNode result) {
    /** How resolution ended, with the HTTP status the binding gives it and the error it names. */
    public enum Outcome {
        RESOLVED(200, null), DEACTIVATED(410, null), INVALID_DID(400, "invalidDid"), INVALID_OPTIONS(400,
                "invalidOptions"), NOT_FOUND(404,
                        "notFound"), METHOD_NOT_SUPPORTED(501, "methodNotSupported"), UNAVAILABLE(503, "internalError");

        private final int httpStatus;
        private final String error;

        Outcome(int httpStatus, String error) {
            this.httpStatus = httpStatus;
            this.error = error;
        }

        public int httpStatus() {
            return httpStatus;
        }

        /** The {@code didResolutionMetadata.error} value, null when resolution succeeded. */
        public String error() {
            return error;
        }
    }

    /** The media type of a DID Resolution Result in the HTTP binding. */
    public static final String MEDIA_TYPE = "application/ld+json;profile=\"https://w3id.org/did-resolution\"";
}
