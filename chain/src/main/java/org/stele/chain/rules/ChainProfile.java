package org.stele.chain.rules;

import java.util.Optional;
import org.stele.chain.Block;
import org.stele.chain.BlockHeader;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;
import org.stele.chain.RootCalculator;

/**
 * The header and body rules of one kind of chain. Both profiles keep Ethereum's execution rules at Cancun
 * ({@link ExecutionHeaderRules}) and differ in what consensus leaves in the header: {@link EthereumCancun} is a
 * post-merge Ethereum chain (the reference fixtures), {@link SteleQbft} a Stele chain whose extra data carries QBFT's
 * validators and seals.
 */
public sealed interface ChainProfile permits EthereumCancun, SteleQbft {
    /** The name a genesis file or the command line uses. */
    String name();

    /** Which block becomes the head when a valid block does not extend it. */
    ForkChoice forkChoice();

    /** The first rule {@code header} breaks as a child of {@code parent}, or empty when it keeps them all. */
    Optional<Violation> checkHeader(BlockHeader header, BlockHeader parent);

    /**
     * The hash that names {@code header}: the key it is stored under, and the parent hash its child carries. Ethereum's
     * is the hash of the whole header; a profile whose header carries signatures made after the block was agreed
     * leaves them out, so that every node names the same block alike however many seals it holds.
     */
    default Bytes32 blockHash(BlockHeader header, CryptoSuite suite) {
        return header.hash(suite);
    }

    /** The first rule the shape of the body of {@code block} breaks (ommers, missing lists), before execution. */
    default Optional<Violation> checkBodyShape(Block block) {
        return BodyRules.checkShape(block);
    }

    /**
     * The first rule the body's transactions and withdrawals roots, then the results of executing the block, break
     * against its header.
     */
    default Optional<Violation> checkExecuted(Block block, ExecutionResultRules.Executed executed,
            RootCalculator roots) {
        return BodyRules.checkRoots(block, roots).or(() -> ExecutionResultRules.check(block.header(), executed, roots));
    }

    /** The profile called {@code name}: {@code ethereum-cancun} or {@code stele-qbft}. */
    static ChainProfile named(String name) {
        return switch (name) {
            case EthereumCancun.NAME -> new EthereumCancun();
            case SteleQbft.NAME -> new SteleQbft();
            default -> throw new IllegalArgumentException(
                    "unknown chain profile '" + name + "' (known: " + EthereumCancun.NAME + ", " + SteleQbft.NAME
                            + ")");
        };
    }
}
