package org.stele.testkit;

import java.util.List;
import java.util.Optional;
import org.stele.chain.Block;
import org.stele.chain.BlockBody;
import org.stele.chain.BlockHeader;
import org.stele.chain.tx.Transaction;

/**
 * Headers and blocks. Each header method returns a {@link BlockHeader.Builder} with the fields a chain needs already
 * set, so that a test adds only what it is about (a base fee, a bloom, extra data…).
 */
public final class TestBlocks {
    private TestBlocks() {
    }

    /** Block 0: no parent, timestamp 0, the fixture gas limit ({@link TestChainSpec#GAS_LIMIT}). */
    public static BlockHeader.Builder genesis() {
        return BlockHeader.builder().number(0).gasLimit(TestChainSpec.GAS_LIMIT);
    }

    /** The header after {@code parent}: its hash, the next number, the same gas limit, one second later. */
    public static BlockHeader.Builder child(BlockHeader parent) {
        return BlockHeader.builder().parentHash(parent.hash(TestKeys.SUITE)).number(parent.number() + 1)
                .gasLimit(parent.gasLimit()).timestamp(parent.timestamp() + 1);
    }

    /** A block of these transactions, without ommers or withdrawals. */
    public static Block block(BlockHeader header, List<Transaction> transactions) {
        return new Block(header, new BlockBody(transactions, List.of(), Optional.empty()));
    }
}
