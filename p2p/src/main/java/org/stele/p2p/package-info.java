/**
 * The P2P network of a Stele node: {@link org.stele.p2p.P2pNetwork} listens and dials over TLS 1.3 with mutual
 * authentication (Netty), admits only allowlisted node addresses, exchanges hellos, and then carries messages with
 * per-peer bounds (outbound queue, inbound rate, frame size) and timed bans for peers that misbehave. The node wires it
 * to consensus, sync and the transaction pool through {@link org.stele.p2p.P2pListener} and {@code send}/{@code
 * broadcast}; the wire protocol is specified in docs/network.md.
 */
package org.stele.p2p;
