package org.stele.state;

import java.util.List;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;

/**
 * A storage slot's value with the nodes of the account's storage trie on its path (presence or absence).
 *
 * @param proof
 *            trie nodes as RLP, root first, as {@code eth_getProof} returns them
 */
public record StorageProof(Bytes32 key, Bytes32 value, List<Bytes> proof) {
    public StorageProof {
        proof = List.copyOf(proof);
    }
}
