package org.stele.apps.identity.status;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.stele.apps.identity.vc.Abi;
import org.stele.apps.identity.vc.Artifact;
import org.stele.apps.identity.vc.Chain;
import org.stele.common.Address;
import org.stele.common.Bytes;

/**
 * The {@code StatusLists} contract ({@code StatusLists.sol}) that every Stele chain holds in genesis at
 * {@link #ADDRESS}: its code, the calls that change it (sent by the issuer's owner key), and the reads.
 */
public final class StatusLists {
    public static final Address ADDRESS = Address.fromHex("0x0000000000000000000000000000000000005100");
    /** Entries per list: 16 KB of bits, the specification's minimum. */
    public static final long LIST_SIZE = 131_072;
    public static final List<String> ERRORS = List.of("NotIssuer(address,address)", "UnknownPurpose(uint8)",
            "IndexNotAllocated(address,uint256,uint256)", "RevocationIsFinal(address,uint256)",
            "StatusUnchanged(address,uint8,uint256,bool)", "NotIdentityOwner(address,address)",
            "IdentityDeactivated(address)");
    public static final String INDEX_ALLOCATED = "IndexAllocated(address,uint256,address)";
    public static final String STATUS_CHANGED = "StatusChanged(address,uint8,uint256,bool,address)";

    private static final Artifact ARTIFACT = Artifact.load("StatusLists", ADDRESS);

    private StatusLists() {
    }

    public static Bytes code() {
        return ARTIFACT.code();
    }

    public static void addTo(ObjectNode alloc) {
        ARTIFACT.addTo(alloc);
    }

    public static Bytes allocate(Address issuer) {
        return Abi.call("allocate(address)", issuer);
    }

    public static Bytes setStatus(Address issuer, StatusPurpose purpose, long index, boolean set) {
        return Abi.call("setStatus(address,uint8,uint256,bool)", issuer, purpose.code(), index, set);
    }

    public static boolean isSet(Chain chain, Address issuer, StatusPurpose purpose, long index) {
        return Abi.boolAt(chain.call(ADDRESS, Abi.call("isSet(address,uint8,uint256)", issuer, purpose.code(), index)),
                0);
    }

    public static long allocated(Chain chain, Address issuer) {
        return Abi.uintAt(chain.call(ADDRESS, Abi.call("allocated(address)", issuer)), 0).longValueExact();
    }

    /** A whole list's 16 KB of bits, as the contract holds them. */
    public static byte[] list(Chain chain, Address issuer, StatusPurpose purpose, long listNumber) {
        Bytes words = chain.call(ADDRESS, Abi.call("list(address,uint8,uint256)", issuer, purpose.code(), listNumber));
        if (words.size() != LIST_SIZE / 8)
            throw new org.stele.apps.identity.vc.VcException(
                    "StatusLists answered " + words.size() + " bytes for a list");
        return words.toArray();
    }
}
