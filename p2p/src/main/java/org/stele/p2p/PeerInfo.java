package org.stele.p2p;

import java.net.SocketAddress;
import org.stele.common.Address;
import org.stele.p2p.message.Message.Hello;

/** A connected peer: its proven address, the socket address it is reached at, who dialed, and its hello. */
public record PeerInfo(Address address, SocketAddress remote, boolean outbound, Hello hello) {}
