package org.stele.state;

import java.util.List;
import org.stele.common.Address;
import org.stele.common.Bytes;

/**
 * An account with the world-trie nodes on its path and proofs for the requested storage slots, the content of an
 * {@code eth_getProof} answer.
 *
 * @param account
 *            null when the account does not exist (the proof then proves its absence)
 */
public record AccountProof(Address address, StateAccount account, List<Bytes> accountProof,
        List<StorageProof> storageProofs) {
    public AccountProof {
        accountProof = List.copyOf(accountProof);
        storageProofs = List.copyOf(storageProofs);
    }
}
