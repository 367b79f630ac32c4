package org.stele.execution.block;

import java.util.Objects;
import org.stele.common.Bytes32;
import org.stele.state.BlockHashes;
import org.stele.state.WorldState;
import org.stele.storage.KeyValueStore;

/**
 * The world state the last block left in memory, handed to the next block when that one starts from its root, so
 * that a chain executing block after block reads each account and slot from the store (and hashes its key) once
 * rather than once per block. A state is identified by its root alone: whatever block reached a root, the trie nodes
 * behind it are the same, so the next block sees exactly what opening the root in the store would give. A state is
 * taken by the block that uses it, and kept again only once that block committed it; a block that fails part-way
 * leaves nothing behind, and the next one opens its root in the store. Past {@link #MAX_HELD} accounts and slots the
 * state is dropped, which bounds the memory it holds.
 */
public final class CarriedState {
    /** Accounts and slots a kept state may hold; a busy dev chain's senders and a token's balances fit many times. */
    static final long MAX_HELD = 100_000;

    private final KeyValueStore store;
    private WorldState world;
    private Bytes32 root;

    public CarriedState(KeyValueStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /** The state at {@code root}: the one kept, when it is at that root, else the store's. */
    public synchronized WorldState open(Bytes32 root, BlockHashes hashes) {
        WorldState kept = world;
        world = null;
        if (kept != null && root.equals(this.root))
            return kept.continueWith(hashes);
        return WorldState.open(store, root, hashes);
    }

    /** Keeps {@code committed}, whose last commit returned {@code root}, for the block that starts from it. */
    public synchronized void keep(WorldState committed, Bytes32 root) {
        if (committed.heldInMemory() > MAX_HELD)
            return;
        this.world = committed;
        this.root = Objects.requireNonNull(root, "root");
    }
}
