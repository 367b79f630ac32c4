package org.stele.proof;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import org.stele.chain.BlockHeader;
import org.stele.chain.Receipt;
import org.stele.chain.tx.Transaction;
import org.stele.chain.tx.TransactionDecoder;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.rlp.RlpException;
import org.stele.common.rlp.RlpWriter;
import org.stele.consensus.qbft.BftExtraDataCodec;
import org.stele.consensus.qbft.FinalityVerifier;
import org.stele.consensus.qbft.InvalidCertificateException;
import org.stele.consensus.qbft.QbftHashing;
import org.stele.trie.InvalidProofException;
import org.stele.trie.ProofVerifier;

/**
 * Checks a {@link TransactionProof} with nothing but the document and, optionally, the genesis hash the caller trusts
 * (from a {@code genesis.json} it has, or from the chain's operators). The checks run in {@link Check}'s order and the
 * first that fails is reported; the JavaScript verifier runs the same ones in the same order.
 *
 * <p>
 * A header lists the validators that govern the blocks after it, and is sealed by the set in force before it; so a
 * validator-set change is accepted only when a quorum of the previous set sealed the header announcing it. Without a
 * trusted genesis the proof's own genesis hash is taken as stated, which proves consistency but not which chain.
 */
public final class TransactionProofVerifier {
    private final CryptoSuite suite;
    private final FinalityVerifier finality;

    public TransactionProofVerifier(CryptoSuite suite) {
        this.suite = suite;
        this.finality = new FinalityVerifier(suite);
    }

    /**
     * What a valid proof establishes.
     *
     * @param signers the validators whose seals the header carries
     * @param validators the size of the set that sealed it
     * @param genesisTrusted whether the genesis was checked against one the caller trusts
     */
    public record Verified(TransactionProof proof, Transaction transaction, Address sender, Receipt receipt,
            BlockHeader header, List<Address> signers, int validators, boolean genesisTrusted) {}

    /** A chain the caller trusts: the hash of its genesis block and its chain id (from its genesis file). */
    public record TrustedGenesis(Bytes32 hash, long chainId) {}

    /** @throws ProofCheckFailed with the first check the proof fails */
    public Verified verify(TransactionProof p, Optional<TrustedGenesis> trustedGenesis) throws ProofCheckFailed {
        List<TransactionProof.ValidatorSet> sets = p.validatorSets();
        // genesis
        if (sets.isEmpty())
            throw new ProofCheckFailed(Check.GENESIS, "the validator-set history is empty; it starts with genesis");
        BlockHeader genesis = header(sets.get(0).header(), Check.GENESIS, "validatorSets[0].header");
        if (genesis.number() != 0)
            throw new ProofCheckFailed(Check.GENESIS,
                    "validatorSets[0] is block " + genesis.number() + ", not the genesis block");
        Bytes32 genesisHash = genesis.hash(suite);
        if (!genesisHash.equals(p.genesisHash()))
            throw new ProofCheckFailed(Check.GENESIS, "the genesis header hashes to " + genesisHash
                    + ", the proof names genesis " + p.genesisHash());
        if (trustedGenesis.isPresent() && !trustedGenesis.get().hash().equals(genesisHash))
            throw new ProofCheckFailed(Check.GENESIS, "the proof is of genesis " + genesisHash
                    + ", the trusted genesis is " + trustedGenesis.get().hash());
        if (trustedGenesis.isPresent() && trustedGenesis.get().chainId() != p.chainId())
            throw new ProofCheckFailed(Check.GENESIS, "the proof states chain id " + p.chainId()
                    + ", the trusted genesis is of chain " + trustedGenesis.get().chainId());

        // validator-sets
        List<Address> previous = listed(genesis, sets.get(0), 0);
        long previousNumber = 0;
        for (int i = 1; i < sets.size(); i++) {
            BlockHeader h = header(sets.get(i).header(), Check.VALIDATOR_SETS, "validatorSets[" + i + "].header");
            if (h.number() <= previousNumber || h.number() > p.blockNumber())
                throw new ProofCheckFailed(Check.VALIDATOR_SETS, "validatorSets[" + i + "] is block " + h.number()
                        + ", out of order (after block " + previousNumber + ", up to block " + p.blockNumber() + ")");
            try {
                finality.verify(h, previous);
            } catch (InvalidCertificateException e) {
                throw new ProofCheckFailed(Check.VALIDATOR_SETS,
                        "validatorSets[" + i + "] (block " + h.number() + "): " + e.getMessage());
            }
            List<Address> next = listed(h, sets.get(i), i);
            if (next.equals(previous))
                throw new ProofCheckFailed(Check.VALIDATOR_SETS,
                        "validatorSets[" + i + "] (block " + h.number() + ") does not change the set");
            previous = next;
            previousNumber = h.number();
        }

        // seals
        BlockHeader header = header(p.header(), Check.SEALS, "header");
        if (header.number() == 0)
            throw new ProofCheckFailed(Check.SEALS, "the header is the genesis block, which holds no transactions");
        List<Address> inForce = inForce(sets, header.number(), false);
        List<Address> listed;
        try {
            listed = BftExtraDataCodec.decode(header.extraData()).validators();
        } catch (RlpException e) {
            throw new ProofCheckFailed(Check.SEALS, "the header's extra data is not QBFT's: " + e.getMessage());
        }
        if (!listed.equals(inForce(sets, header.number(), true)))
            throw new ProofCheckFailed(Check.SEALS, "the header lists validators " + listed
                    + ", not the set the history gives for block " + header.number());
        FinalityVerifier.Certificate certificate;
        try {
            certificate = finality.verify(header, inForce);
        } catch (InvalidCertificateException e) {
            throw new ProofCheckFailed(Check.SEALS, e.getMessage());
        }

        // header-hash: QBFT names a block by its header with round 0 and no seals, as Besu does
        Bytes32 hash = new QbftHashing(suite).blockHash(header);
        if (!hash.equals(p.blockHash()))
            throw new ProofCheckFailed(Check.HEADER_HASH,
                    "the header hashes to " + hash + ", the proof states block hash " + p.blockHash());
        if (header.number() != p.blockNumber())
            throw new ProofCheckFailed(Check.HEADER_HASH,
                    "the header is block " + header.number() + ", the proof states block " + p.blockNumber());

        // transaction-included
        Bytes key = Bytes.wrap(new RlpWriter(8).writeLong(p.transactionIndex()).toByteArray());
        Bytes32 txHash = Bytes32.wrap(suite.hash(p.rawTransaction().unsafeArray()));
        if (!txHash.equals(p.transactionHash()))
            throw new ProofCheckFailed(Check.TRANSACTION,
                    "the raw transaction hashes to " + txHash + ", the proof states " + p.transactionHash());
        included(header.transactionsRoot(), key, p.transactionProof(), p.rawTransaction(), Check.TRANSACTION,
                "transaction");
        Transaction tx;
        Address sender;
        try {
            tx = TransactionDecoder.decode(p.rawTransaction().unsafeArray());
            sender = tx.sender(suite);
        } catch (RuntimeException e) {
            throw new ProofCheckFailed(Check.TRANSACTION, "the raw transaction does not decode: " + e.getMessage());
        }
        if (tx.chainId().isPresent() && !tx.chainId().get().equals(java.math.BigInteger.valueOf(p.chainId())))
            throw new ProofCheckFailed(Check.TRANSACTION,
                    "the transaction is signed for chain " + tx.chainId().get() + ", the proof states " + p.chainId());

        // receipt-included
        included(header.receiptsRoot(), key, p.receiptProof(), p.rawReceipt(), Check.RECEIPT, "receipt");
        Receipt receipt;
        try {
            receipt = Receipt.decode(p.rawReceipt().unsafeArray());
        } catch (RlpException e) {
            throw new ProofCheckFailed(Check.RECEIPT, "the raw receipt does not decode: " + e.getMessage());
        }

        // receipt-status
        if (!receipt.success())
            throw new ProofCheckFailed(Check.STATUS, "the receipt's status is 0: the transaction failed");
        return new Verified(p, tx, sender, receipt, header, certificate.signers(), inForce.size(),
                trustedGenesis.isPresent());
    }

    private static BlockHeader header(Bytes rlp, Check check, String where) throws ProofCheckFailed {
        try {
            return BlockHeader.decode(rlp.unsafeArray());
        } catch (RlpException | IllegalArgumentException e) {
            throw new ProofCheckFailed(check, where + " is not an RLP block header: " + e.getMessage());
        }
    }

    /** The set a history entry's header lists, which must be the one the entry states. */
    private static List<Address> listed(BlockHeader h, TransactionProof.ValidatorSet set, int i)
            throws ProofCheckFailed {
        List<Address> validators;
        try {
            validators = BftExtraDataCodec.decode(h.extraData()).validators();
        } catch (RlpException e) {
            throw new ProofCheckFailed(Check.VALIDATOR_SETS,
                    "validatorSets[" + i + "]: the header's extra data is not QBFT's: " + e.getMessage());
        }
        if (!validators.equals(set.validators()))
            throw new ProofCheckFailed(Check.VALIDATOR_SETS, "validatorSets[" + i + "] states validators "
                    + set.validators() + ", its header lists " + validators);
        if (validators.isEmpty() || new HashSet<>(validators).size() != validators.size())
            throw new ProofCheckFailed(Check.VALIDATOR_SETS,
                    "validatorSets[" + i + "] lists an empty set or a validator twice");
        return validators;
    }

    /** The set of the last history entry before {@code number} (or at it, with {@code inclusive}). */
    private static List<Address> inForce(List<TransactionProof.ValidatorSet> sets, long number, boolean inclusive) {
        List<Address> set = sets.get(0).validators();
        for (TransactionProof.ValidatorSet s : sets) {
            long n = BlockHeader.decode(s.header().unsafeArray()).number();
            if (n < number || (inclusive && n == number))
                set = s.validators();
        }
        return set;
    }

    private static void included(Bytes32 root, Bytes key, List<Bytes> proof, Bytes expected, Check check, String what)
            throws ProofCheckFailed {
        Optional<Bytes> value;
        try {
            value = ProofVerifier.verify(root, key, proof);
        } catch (InvalidProofException e) {
            throw new ProofCheckFailed(check, "the " + what + " proof does not lead from the header's root: "
                    + e.getMessage());
        }
        if (value.isEmpty())
            throw new ProofCheckFailed(check, "the " + what + " proof shows no " + what + " at this index");
        if (!value.get().equals(expected))
            throw new ProofCheckFailed(check,
                    "the " + what + " trie holds other bytes at this index than the raw " + what);
    }
}
