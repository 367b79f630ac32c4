package org.stele.p2p;

import org.stele.common.Address;

/**
 * Which node addresses may connect. Asked during every TLS handshake, on both sides, so a change applies to the next
 * connection; the node backs it with configuration now and with the governance contract's state later.
 */
@FunctionalInterface
public interface PeerAllowlist {
    boolean isAllowed(Address node);
}
