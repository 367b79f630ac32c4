package org.stele.chain;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.stele.chain.tx.InvalidTransactionException;
import org.stele.chain.tx.Transaction;
import org.stele.chain.tx.TransactionDecoder;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.rlp.RlpException;
import org.stele.common.rlp.RlpReader;
import org.stele.common.rlp.RlpWriter;

/**
 * What a block carries besides its header: transactions, ommer headers (always empty under QBFT, kept for the
 * encoding) and, from Shanghai, withdrawals. Encoded as {@code [transactions, ommers(, withdrawals)]}.
 */
public record BlockBody(List<Transaction> transactions, List<BlockHeader> ommers,
        Optional<List<Withdrawal>> withdrawals) {

    public static final BlockBody EMPTY = new BlockBody(List.of(), List.of(), Optional.empty());

    public BlockBody {
        transactions = List.copyOf(transactions);
        ommers = List.copyOf(ommers);
        Objects.requireNonNull(withdrawals, "withdrawals");
        withdrawals = withdrawals.map(List::copyOf);
    }

    /** The transactions root: the trie of {@code rlp(i) → transaction i's canonical encoding}. */
    public Bytes32 transactionsRoot(RootCalculator roots) {
        return roots.root(transactions.stream().map(Transaction::encode).toList());
    }

    /** The withdrawals root, when the body has withdrawals. */
    public Optional<Bytes32> withdrawalsRoot(RootCalculator roots) {
        return withdrawals.map(ws -> roots.root(ws.stream().map(Withdrawal::encode).toList()));
    }

    /** The ommers hash: the chain's hash of the RLP list of ommer headers. */
    public Bytes32 ommersHash(CryptoSuite suite) {
        RlpWriter w = new RlpWriter();
        writeOmmers(w);
        return Bytes32.wrap(suite.hash(w.toByteArray()));
    }

    public byte[] encode() {
        RlpWriter w = new RlpWriter(1024);
        w.startList();
        writeFields(w);
        return w.endList().toByteArray();
    }

    /** Writes the body's fields (not enclosed in a list), for a block or a body message to wrap. */
    void writeFields(RlpWriter w) {
        w.startList();
        for (Transaction tx : transactions)
            TransactionDecoder.writeToBlockBody(w, tx);
        w.endList();
        writeOmmers(w);
        if (withdrawals.isPresent()) {
            w.startList();
            for (Withdrawal wd : withdrawals.get())
                wd.writeTo(w);
            w.endList();
        }
    }

    private void writeOmmers(RlpWriter w) {
        w.startList();
        for (BlockHeader h : ommers)
            h.writeTo(w);
        w.endList();
    }

    public static BlockBody decode(byte[] encoded) {
        RlpReader r = RlpReader.of(encoded);
        RlpReader fields = r.readList();
        r.requireEnd();
        BlockBody body = readFields(fields);
        fields.requireEnd();
        return body;
    }

    /**
     * Decodes a body from its fields as a block's list holds them after the header (transactions, ommers, optional
     * withdrawals), concatenated without a list around them: what consensus carries as a proposal's body.
     *
     * @throws RlpException for malformed fields or anything after them
     */
    public static BlockBody decodeFields(byte[] fields) {
        RlpReader r = RlpReader.of(fields);
        BlockBody body = readFields(r);
        r.requireEnd();
        return body;
    }

    /** Reads transactions, ommers and optional withdrawals from {@code r}, leaving anything after them. */
    static BlockBody readFields(RlpReader r) {
        int at = r.position();
        RlpReader txs = r.readList();
        List<Transaction> transactions = new ArrayList<>();
        while (txs.hasNext()) {
            int txAt = txs.position();
            try {
                transactions.add(TransactionDecoder.readFromBlockBody(txs));
            } catch (InvalidTransactionException e) {
                throw new RlpException("transaction " + transactions.size() + ": " + e.getMessage(), txAt);
            }
        }
        RlpReader om = r.readList();
        List<BlockHeader> ommers = new ArrayList<>();
        while (om.hasNext())
            ommers.add(BlockHeader.readFrom(om));
        Optional<List<Withdrawal>> withdrawals = Optional.empty();
        if (r.hasNext()) {
            RlpReader ws = r.readList();
            List<Withdrawal> list = new ArrayList<>();
            while (ws.hasNext())
                list.add(Withdrawal.readFrom(ws));
            withdrawals = Optional.of(list);
        }
        if (r.hasNext())
            throw new RlpException("block body has more than transactions, ommers and withdrawals", at);
        return new BlockBody(transactions, ommers, withdrawals);
    }
}
