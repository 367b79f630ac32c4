package org.stele.evm;

import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;

/**
 * The world as it stood before the transaction: what the EVM reads and never writes. The state module implements it
 * over the trie; {@link InMemoryWorld} is a map-based one for tools and tests. Every method is called at most once per
 * account or slot per transaction, because the journal caches what it has read.
 */
public interface WorldView {
    /** The account, or {@code null} when it does not exist. */
    AccountInfo account(Address address);

    /** The code whose Keccak-256 is {@code codeHash}; empty for {@link AccountInfo#EMPTY_CODE_HASH}. */
    Bytes code(Bytes32 codeHash);

    /** The slot's value, {@link Bytes32#ZERO} when unset or when the account does not exist. */
    Bytes32 storage(Address address, Bytes32 key);

    /** Whether the account has any non-zero storage slot (EIP-7610 treats such an address as taken). */
    boolean hasStorage(Address address);

    /** The hash of an earlier block, or {@link Bytes32#ZERO} when it is unknown. */
    Bytes32 blockHash(long number);
}
