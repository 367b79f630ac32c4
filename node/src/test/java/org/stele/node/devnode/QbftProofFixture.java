package org.stele.node.devnode;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stele.chain.Block;
import org.stele.chain.BlockBody;
import org.stele.chain.BlockHeader;
import org.stele.chain.Receipt;
import org.stele.chain.rules.SteleQbft;
import org.stele.chain.tx.FeeMarketTransaction;
import org.stele.chain.tx.Transaction;
import org.stele.chain.tx.TransactionSignature;
import org.stele.chain.tx.TransactionType;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.common.crypto.Signature;
import org.stele.consensus.qbft.BftExtraData;
import org.stele.consensus.qbft.BftExtraDataCodec;
import org.stele.consensus.qbft.QbftHashing;
import org.stele.proof.TransactionProof;
import org.stele.proof.TransactionProofBuilder;
import org.stele.trie.MerklePatriciaTrie;

/**
 * Proofs from a four-validator QBFT chain whose set changes once, made from headers alone (no execution): genesis lists
 * set A, block 2 lists set B and is sealed by a quorum of A, block 3 holds the proven transfer and is sealed by a
 * quorum of B. With their variants (a change sealed by the new set, too few seals, a seal twice) they give the shared
 * vectors the paths a one-validator dev chain never takes.
 */
final class QbftProofFixture {
    private static final Secp256k1KeccakSuite SUITE = Secp256k1KeccakSuite.instance();
    private static final long CHAIN_ID = 2026;
    private final List<KeyPair> a = keys(1, 4);
    /** B keeps three of A and replaces the fourth. */
    private final List<KeyPair> b = List.of(a.get(0), a.get(1), a.get(2), keys(5, 1).get(0));
    private final QbftHashing hashing = new QbftHashing(SUITE);

    /** A proof, the answer every verifier must give, and what it shows. */
    record Case(String name, String what, String expect, TransactionProof proof) {}

    List<Case> cases() {
        BlockHeader genesis = header(0, Bytes32.ZERO, a, Bytes32.ZERO, Bytes32.ZERO);
        Bytes32 genesisHash = genesis.hash(SUITE);
        List<Transaction> txs = new ArrayList<>();
        List<Receipt> receipts = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            txs.add(new FeeMarketTransaction(BigInteger.valueOf(CHAIN_ID), i, BigInteger.ONE, BigInteger.TEN, 21_000,
                    Optional.of(address(b.get(3))), BigInteger.valueOf(1000 + i), Bytes.EMPTY, List.of(),
                    TransactionSignature.UNSIGNED).sign(a.get(0), SUITE));
            receipts.add(Receipt.of(TransactionType.FEE_MARKET, true, 21_000L * (i + 1), List.of()));
        }
        Bytes32 txRoot = MerklePatriciaTrie.orderedRoot(txs.stream().map(Transaction::encode).toList());
        Bytes32 receiptRoot = MerklePatriciaTrie.orderedRoot(receipts.stream().map(Receipt::encode).toList());
        BlockHeader change = seal(header(2, genesisHash, b, BlockHeader.EMPTY_TRIE_ROOT, BlockHeader.EMPTY_TRIE_ROOT),
                a.subList(0, 3));
        BlockHeader unsealedTarget = header(3, change.hash(SUITE), b, txRoot, receiptRoot);
        Block target = new Block(seal(unsealedTarget, b.subList(1, 4)),
                new BlockBody(txs, List.of(), Optional.of(List.of())));
        TransactionProofBuilder builder = new TransactionProofBuilder(SUITE);

        List<Case> cases = new ArrayList<>();
        TransactionProof genuine = builder.build(CHAIN_ID, target, receipts, 1, List.of(genesis, change));
        cases.add(new Case("set-change", "4 validators, a set change at block 2 sealed by 3 of the old set, the block"
                + " sealed by 3 of the new", "ok", genuine));
        BlockHeader changeByNewSet = seal(header(2, genesisHash, b, BlockHeader.EMPTY_TRIE_ROOT,
                BlockHeader.EMPTY_TRIE_ROOT), b.subList(1, 4));
        cases.add(new Case("set-change-sealed-by-new-set", "the set change sealed by the new set, not the old",
                "validator-sets", builder.build(CHAIN_ID, target, receipts, 1, List.of(genesis, changeByNewSet))));
        cases.add(new Case("set-change-left-out", "the history without its set change", "seals",
                builder.build(CHAIN_ID, target, receipts, 1, List.of(genesis))));
        Block twoSeals = new Block(seal(unsealedTarget, b.subList(2, 4)), target.body());
        cases.add(new Case("below-quorum", "the block sealed by 2 of 4 validators", "seals",
                builder.build(CHAIN_ID, twoSeals, receipts, 1, List.of(genesis, change))));
        Block sealTwice = new Block(seal(unsealedTarget, List.of(b.get(1), b.get(2), b.get(1))), target.body());
        cases.add(new Case("seal-twice", "the block sealed 3 times, by 2 validators", "seals",
                builder.build(CHAIN_ID, sealTwice, receipts, 1, List.of(genesis, change))));
        return cases;
    }

    private static List<KeyPair> keys(int first, int count) {
        List<KeyPair> keys = new ArrayList<>();
        for (int i = first; i < first + count; i++) {
            byte[] secret = new byte[32];
            secret[31] = (byte) i;
            secret[0] = 0x5e;
            keys.add(SUITE.keyPair(secret));
        }
        return keys;
    }

    private static Address address(KeyPair key) {
        return SUITE.address(key.publicKey());
    }

    private static BlockHeader header(long number, Bytes32 parent, List<KeyPair> validators, Bytes32 txRoot,
            Bytes32 receiptRoot) {
        List<Address> set = validators.stream().map(QbftProofFixture::address).sorted(Comparator.naturalOrder())
                .toList();
        Bytes extra = BftExtraDataCodec.encode(new BftExtraData(Bytes.wrap(new byte[BftExtraData.VANITY_LENGTH]), set,
                Optional.empty(), 0, List.of()));
        return BlockHeader.builder().number(number).parentHash(parent).coinbase(Address.ZERO)
                .stateRoot(BlockHeader.EMPTY_TRIE_ROOT).transactionsRoot(txRoot).receiptsRoot(receiptRoot)
                .difficulty(BigInteger.ONE).mixHash(SteleQbft.MIX_HASH).gasLimit(30_000_000)
                .gasUsed(number == 3 ? 42_000 : 0).timestamp(1_767_225_600L + number).extraData(extra)
                .baseFeePerGas(BigInteger.ONE).withdrawalsRoot(BlockHeader.EMPTY_TRIE_ROOT).blobGasUsed(0)
                .excessBlobGas(0).parentBeaconBlockRoot(Bytes32.ZERO).build();
    }

    private BlockHeader seal(BlockHeader header, List<KeyPair> sealers) {
        byte[] hash = hashing.commitSealHash(header).toArray();
        List<Signature> seals = sealers.stream().map(k -> SUITE.sign(hash, k)).toList();
        return QbftHashing.withSeals(header, seals);
    }

    static Map<String, Case> byName(List<Case> cases) {
        Map<String, Case> m = new LinkedHashMap<>();
        for (Case c : cases)
            m.put(c.name(), c);
        return m;
    }
}
