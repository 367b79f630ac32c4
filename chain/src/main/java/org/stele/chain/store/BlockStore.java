package org.stele.chain.store;

import org.stele.common.crypto.CryptoSuite;
import java.util.List;
import java.util.Optional;
import org.stele.chain.Block;
import org.stele.chain.BlockBody;
import org.stele.chain.BlockHeader;
import org.stele.chain.Receipt;
import org.stele.common.Bytes32;

/**
 * Read access to the stored chain. Numbers map to the blocks of the canonical chain, the one ending at the head;
 * blocks of side branches (kept by the importer when a block does not extend the head) are reachable by hash only.
 * Under QBFT blocks are final when written, so the canonical chain only grows.
 */
public interface BlockStore {
    /** The highest stored block, or empty before genesis is written. */
    Optional<BlockHeader> head();

    Optional<BlockHeader> header(Bytes32 hash);

    /**
     * The hash that names {@code header} in this store: the chain's hash of the header unless the chain's profile names
     * blocks otherwise (QBFT leaves the round and commit seals out).
     */
    default Bytes32 hash(BlockHeader header, CryptoSuite suite) {
        return header.hash(suite);
    }

    Optional<Bytes32> hashOf(long number);

    default Optional<BlockHeader> header(long number) {
        return hashOf(number).flatMap(this::header);
    }

    Optional<BlockBody> body(Bytes32 hash);

    default Optional<Block> block(Bytes32 hash) {
        return header(hash).flatMap(h -> body(hash).map(b -> new Block(h, b)));
    }

    /** The receipts of a block's transactions, in order. */
    Optional<List<Receipt>> receipts(Bytes32 blockHash);

    Optional<TransactionLocation> transactionLocation(Bytes32 transactionHash);
}
