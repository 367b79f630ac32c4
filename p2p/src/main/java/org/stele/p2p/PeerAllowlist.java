package org.stele.p2p;

import org.stele.common.Address;

/**
 * Which node addresses may connect. Asked during every TLS handshake, on both sides, so a change applies to the next
 * connection; the node backs it with the NodeAllowlist governance contract at the head, and its configuration.
 */
@FunctionalInterface
public interface PeerAllowlist {
    boolean isAllowed(Address node);
}
