package org.stele.apps.notary;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.stele.apps.notary.NotaryCheck.Failed;
import org.stele.apps.notary.NotaryEvent.Position;
import org.stele.apps.notary.NotaryProof.Kind;
import org.stele.chain.Log;
import org.stele.common.crypto.CryptoSuite;
import org.stele.proof.ProofCheckFailed;
import org.stele.proof.TransactionProof;
import org.stele.proof.TransactionProofVerifier;
import org.stele.proof.TransactionProofVerifier.TrustedGenesis;
import org.stele.proof.TransactionProofVerifier.Verified;
import org.web3j.utils.Numeric;

/**
 * Checks a {@code stele-notary/1} proof against a document, with no node: the document's hash, its Merkle path to the
 * anchored root, the anchoring transaction with the proof module's verifier (commit seals against the validator set),
 * the Notary event in its proven receipt, then each signing transaction the same way and the {@code Signed} event in
 * its receipt. A signature is shown by its transaction, not checked as an EIP-712 signature here: the contract already
 * checked it when it accepted the signature, and the sealed receipt proves that it did.
 */
public final class NotaryProofVerifier {
    private final TransactionProofVerifier transactions;

    public NotaryProofVerifier(CryptoSuite suite) {
        this.transactions = new TransactionProofVerifier(suite);
    }

    /** When, where and by whom a stamp or signature was made. */
    public record Stamp(String by, long block, String blockHash, Instant time, String transaction) {}

    /** A document's parties and the signatures the proof shows. */
    public record Signatures(String creator, int threshold, List<String> parties, List<Signature> signed) {
        public Signatures {
            parties = List.copyOf(parties);
            signed = List.copyOf(signed);
        }

        public List<String> awaited() {
            Set<String> awaited = new LinkedHashSet<>(parties);
            signed.forEach(s -> awaited.remove(s.signer()));
            return List.copyOf(awaited);
        }

        public boolean complete() {
            return signed.size() >= threshold;
        }
    }

    public record Signature(String signer, String relayer, Stamp stamp) {}

    /** What a valid proof shows; {@code signatures} is present for a signed document. */
    public record Verified(NotaryProof proof, Stamp stamp, long chainId, String genesisHash, boolean genesisTrusted,
            int sealedBy, int validators, Optional<Signatures> signatures) {}

    /** @throws Failed with the first check the proof fails for this document */
    public Verified verify(byte[] documentHash, NotaryProof p, Optional<TrustedGenesis> trusted) throws Failed {
        if (!Arrays.equals(documentHash, Numeric.hexStringToByteArray(p.documentHash())))
            throw new Failed(NotaryCheck.DOCUMENT_HASH, "the file's " + p.algorithm() + " hash is "
                    + Numeric.toHexString(documentHash) + ", the proof is of " + p.documentHash());
        NotaryProof.Anchor a = p.anchor();
        if (a.kind() == Kind.BATCH) {
            if (a.index() >= a.size() || !a.path().stream().map(MerkleTree.Step::side).toList()
                    .equals(MerkleTree.sides(a.index(), a.size())))
                throw new Failed(NotaryCheck.MERKLE_PATH, "the path is not that of document " + a.index()
                        + " of a batch of " + a.size());
            byte[] root = MerkleTree.rootOf(p.algorithm(), documentHash, a.path());
            if (!Numeric.toHexString(root).equals(a.root()))
                throw new Failed(NotaryCheck.MERKLE_PATH, "the path leads to " + Numeric.toHexString(root)
                        + ", the anchored root is " + a.root());
        } else if (!a.path().isEmpty() || !a.root().equals(p.documentHash())) {
            throw new Failed(NotaryCheck.MERKLE_PATH, "a " + a.kind().id() + " anchor is the document hash itself,"
                    + " with no path");
        }
        return anchor(p, trusted);
    }

    private Verified anchor(NotaryProof p, Optional<TrustedGenesis> trusted) throws Failed {
        TransactionProofVerifier.Verified tx;
        try {
            tx = transactions.verify(p.anchorProof(), trusted);
        } catch (ProofCheckFailed e) {
            throw new Failed(NotaryCheck.ANCHOR_PROOF, e.getMessage());
        }
        NotaryProof.Anchor a = p.anchor();
        Optional<NotaryEvent> event = events(p, tx).stream().filter(e -> switch (e) {
            case NotaryEvent.Stamped s -> a.kind() == Kind.HASH && s.hash().equals(a.root());
            case NotaryEvent.BatchStamped b -> a.kind() == Kind.BATCH && b.root().equals(a.root())
                    && b.size().longValueExact() == a.size();
            case NotaryEvent.DocumentCreated d -> a.kind() == Kind.DOCUMENT && d.document().equals(a.root());
            default -> false;
        }).findFirst();
        if (event.isEmpty())
            throw new Failed(NotaryCheck.ANCHOR_EVENT, "transaction " + p.anchorProof().transactionHash()
                    + " records no " + switch (a.kind()) {
                        case HASH -> "Stamped(" + a.root() + ")";
                        case BATCH -> "BatchStamped(" + a.root() + ", size " + a.size() + ")";
                        case DOCUMENT -> "DocumentCreated(" + a.root() + ")";
                    } + " in contract " + p.contract());
        String by = switch (event.get()) {
            case NotaryEvent.Stamped s -> s.by();
            case NotaryEvent.BatchStamped b -> b.by();
            case NotaryEvent.DocumentCreated d -> d.creator();
            default -> throw new IllegalStateException("filtered above");
        };
        Optional<Signatures> signatures = Optional.empty();
        if (event.get() instanceof NotaryEvent.DocumentCreated d) signatures = Optional.of(signatures(p, d, trusted));
        else if (!p.signatureProofs().isEmpty())
            throw new Failed(NotaryCheck.SIGNATURE_PROOFS, "only a document anchored by createDocument has signatures");
        TransactionProof ap = p.anchorProof();
        return new Verified(p, stamp(by, tx), ap.chainId(), ap.genesisHash().toHex(), tx.genesisTrusted(),
                tx.signers().size(), tx.validators(), signatures);
    }

    private Signatures signatures(NotaryProof p, NotaryEvent.DocumentCreated created, Optional<TrustedGenesis> trusted)
            throws Failed {
        List<TransactionProofVerifier.Verified> proven = new ArrayList<>();
        for (int i = 0; i < p.signatureProofs().size(); i++) {
            TransactionProof sp = p.signatureProofs().get(i);
            if (!sp.genesisHash().equals(p.anchorProof().genesisHash()) || sp.chainId() != p.anchorProof().chainId())
                throw new Failed(NotaryCheck.SIGNATURE_PROOFS, "signatureProofs[" + i + "] is of another chain ("
                        + sp.genesisHash() + ", chain id " + sp.chainId() + ")");
            try {
                proven.add(transactions.verify(sp, trusted));
            } catch (ProofCheckFailed e) {
                throw new Failed(NotaryCheck.SIGNATURE_PROOFS, "signatureProofs[" + i + "]: " + e.getMessage());
            }
        }
        List<Signature> signed = new ArrayList<>();
        for (int i = 0; i < proven.size(); i++) {
            TransactionProofVerifier.Verified tx = proven.get(i);
            List<NotaryEvent.Signed> found = events(p, tx).stream()
                    .filter(e -> e instanceof NotaryEvent.Signed s && s.document().equals(created.document()))
                    .map(NotaryEvent.Signed.class::cast).toList();
            if (found.isEmpty())
                throw new Failed(NotaryCheck.SIGNATURE_EVENTS, "signatureProofs[" + i + "] records no signature of "
                        + created.document() + " in contract " + p.contract());
            for (NotaryEvent.Signed s : found) {
                if (!created.parties().contains(s.signer()))
                    throw new Failed(NotaryCheck.SIGNATURE_EVENTS, s.signer() + " signed but is not a party");
                if (signed.stream().anyMatch(x -> x.signer().equals(s.signer())))
                    throw new Failed(NotaryCheck.SIGNATURE_EVENTS, s.signer() + "'s signature is given twice");
                signed.add(new Signature(s.signer(), s.relayer(), stamp(s.relayer(), tx)));
            }
        }
        return new Signatures(created.creator(), created.threshold(), created.parties(), signed);
    }

    /** The contract's events in a proven receipt. */
    private static List<NotaryEvent> events(NotaryProof p, TransactionProofVerifier.Verified tx) {
        List<NotaryEvent> events = new ArrayList<>();
        Position at = new Position(tx.proof().blockNumber(), 0, tx.proof().transactionHash().toHex());
        for (Log log : tx.receipt().logs()) {
            if (!log.address().toHex().equalsIgnoreCase(p.contract())) continue;
            NotaryEvents.decode(at, log.topics().stream().map(t -> t.toHex()).toList(), log.data().toHex())
                    .ifPresent(events::add);
        }
        return events;
    }

    private static Stamp stamp(String by, TransactionProofVerifier.Verified tx) {
        return new Stamp(by, tx.proof().blockNumber(), tx.proof().blockHash().toHex(),
                Instant.ofEpochSecond(tx.header().timestamp()), tx.proof().transactionHash().toHex());
    }
}
