package org.stele.consensus.qbft;

/** A header whose commit seals do not prove it final. */
public final class InvalidCertificateException extends RuntimeException {
    public InvalidCertificateException(String message) {
        super(message);
    }
}
