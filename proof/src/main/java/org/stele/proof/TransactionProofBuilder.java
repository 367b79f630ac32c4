package org.stele.proof;

import java.util.List;
import org.stele.chain.Block;
import org.stele.chain.BlockHeader;
import org.stele.chain.Receipt;
import org.stele.chain.tx.Transaction;
import org.stele.common.Bytes;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.rlp.RlpWriter;
import org.stele.consensus.qbft.QbftHashing;
import org.stele.trie.MerklePatriciaTrie;

/**
 * Builds a {@link TransactionProof} from what a node stores: the block, its receipts and the validator-set history.
 * The transaction and receipt tries of one block are rebuilt in memory (a block's own items, nothing else), which
 * takes well under a millisecond for a full block of transfers.
 */
public final class TransactionProofBuilder {
    private final CryptoSuite suite;

    public TransactionProofBuilder(CryptoSuite suite) {
        this.suite = suite;
    }

    /**
     * @param history the genesis header and every validator-set change up to the block, as
     *            {@link ValidatorSetHistory#upTo} returns
     */
    public TransactionProof build(long chainId, Block block, List<Receipt> receipts, int index,
            List<BlockHeader> history) {
        List<Transaction> txs = block.body().transactions();
        if (index < 0 || index >= txs.size() || receipts.size() != txs.size())
            throw new IllegalArgumentException("no transaction " + index + " with a receipt in block "
                    + block.header().number());
        MerklePatriciaTrie txTrie = MerklePatriciaTrie.inMemory();
        MerklePatriciaTrie receiptTrie = MerklePatriciaTrie.inMemory();
        for (int i = 0; i < txs.size(); i++) {
            Bytes key = key(i);
            txTrie.put(key, Bytes.wrap(txs.get(i).encode()));
            receiptTrie.put(key, Bytes.wrap(receipts.get(i).encode()));
        }
        Transaction tx = txs.get(index);
        List<TransactionProof.ValidatorSet> sets = history.stream()
                .map(h -> new TransactionProof.ValidatorSet(TransactionProof.ValidatorSet.SOURCE_EXTRA_DATA,
                        Bytes.wrap(h.encode()), ValidatorSetHistory.validators(h)))
                .toList();
        BlockHeader header = block.header();
        return new TransactionProof(chainId, history.get(0).hash(suite), header.number(),
                new QbftHashing(suite).blockHash(header), index,
                tx.hash(suite), Bytes.wrap(tx.encode()), Bytes.wrap(receipts.get(index).encode()),
                txTrie.proof(key(index)), receiptTrie.proof(key(index)), Bytes.wrap(header.encode()), sets);
    }

    private static Bytes key(int index) {
        return Bytes.wrap(new RlpWriter(8).writeLong(index).toByteArray());
    }
}
