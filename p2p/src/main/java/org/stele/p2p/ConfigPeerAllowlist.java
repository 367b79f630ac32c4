package org.stele.p2p;

import java.util.Collection;
import java.util.Set;
import org.stele.common.Address;

/** An allowlist fixed by configuration: the listed node addresses and no others. */
public record ConfigPeerAllowlist(Set<Address> nodes) implements PeerAllowlist {
    public ConfigPeerAllowlist {
        nodes = Set.copyOf(nodes);
    }

    public static ConfigPeerAllowlist of(Collection<Address> nodes) {
        return new ConfigPeerAllowlist(Set.copyOf(nodes));
    }

    @Override
    public boolean isAllowed(Address node) {
        return nodes.contains(node);
    }
}
