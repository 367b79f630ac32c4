package org.stele.common.crypto;

/** A signature that is malformed, out of range (e.g. high s under EIP-2) or does not verify. */
public final class InvalidSignatureException extends RuntimeException {
    public InvalidSignatureException(String message) {
        super(message);
    }
}
