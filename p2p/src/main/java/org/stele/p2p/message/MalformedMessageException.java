package org.stele.p2p.message;

/** A frame whose payload is not a well-formed message; the peer that sent it loses its connection. */
public final class MalformedMessageException extends Exception {
    public MalformedMessageException(String message) {
        super(message);
    }
}
