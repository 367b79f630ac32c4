package org.stele.execution.block;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.stele.chain.Block;
import org.stele.chain.BlockBody;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.state.BlockHashes;
import org.stele.state.WorldState;
import org.stele.storage.KeyValueStore;
import org.stele.storage.WriteBatch;

/**
 * The first block: its accounts and the header fields a chain starts from. Allocations are kept sorted, so the
 * genesis state root does not depend on the order they were given in.
 */
public record Genesis(long chainId, long timestamp, long gasLimit, BigInteger baseFeePerGas, Address coinbase,
        Bytes extraData, Map<Address, Allocation> alloc) {

    /** One account of the genesis state. */
    public record Allocation(BigInteger balance, long nonce, Bytes code, Map<Bytes32, Bytes32> storage) {
        public static Allocation balance(BigInteger balance) {
            return new Allocation(balance, 0, Bytes.EMPTY, Map.of());
        }
    }

    public Genesis {
        alloc = new TreeMap<>(alloc);
    }

    /** Stages the state holding {@code alloc} in {@code batch} and returns its root. */
    public static Bytes32 commitState(KeyValueStore store, Map<Address, Allocation> alloc, WriteBatch batch) {
        WorldState world = WorldState.empty(store, BlockHashes.NONE);
        alloc.forEach((address, a) -> world.putAccount(address, a.nonce(), a.balance(), a.code(), a.storage()));
        return world.commit(batch);
    }

    /** The genesis block and the batch that writes its state; the caller appends both to the chain store. */
    public record Built(Block block, WriteBatch batch) {}

    public Built build(KeyValueStore store) {
        WriteBatch batch = new WriteBatch();
        Bytes32 root = commitState(store, alloc, batch);
        BlockHeader header = BlockHeader.builder().number(0).parentHash(Bytes32.ZERO).coinbase(coinbase).stateRoot(root)
                .gasLimit(gasLimit).timestamp(timestamp).extraData(extraData).baseFeePerGas(baseFeePerGas)
                .withdrawalsRoot(BlockHeader.EMPTY_TRIE_ROOT).blobGasUsed(0).excessBlobGas(0)
                .parentBeaconBlockRoot(Bytes32.ZERO).build();
        return new Built(new Block(header, new BlockBody(List.of(), List.of(), Optional.of(List.of()))), batch);
    }
}
