package org.stele.p2p;

import java.util.Objects;
import org.stele.common.Address;

/**
 * A peer to dial: the address it must prove in the handshake, and where it listens. Written {@code ADDRESS@HOST:PORT}
 * in configuration (the address stands where an enode URL has the public key).
 */
public record PeerEndpoint(Address address, String host, int port) {
    public PeerEndpoint {
        Objects.requireNonNull(address);
        Objects.requireNonNull(host);
        if (host.isEmpty() || port < 1 || port > 65535)
            throw new IllegalArgumentException("a peer endpoint needs a host and a port in 1..65535");
    }

    /** Parses {@code 0xADDRESS@HOST:PORT} (IPv6 hosts in brackets). */
    public static PeerEndpoint parse(String text) {
        int at = text.indexOf('@'), colon = text.lastIndexOf(':');
        if (at < 1 || colon < at + 2 || colon == text.length() - 1)
            throw new IllegalArgumentException("peer '" + text + "' is not ADDRESS@HOST:PORT");
        String host = text.substring(at + 1, colon);
        if (host.startsWith("[") && host.endsWith("]"))
            host = host.substring(1, host.length() - 1);
        int port;
        try {
            port = Integer.parseInt(text.substring(colon + 1));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("peer '" + text + "' has no numeric port");
        }
        return new PeerEndpoint(Address.fromHex(text.substring(0, at)), host, port);
    }

    @Override
    public String toString() {
        return address.toChecksumHex() + "@" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
