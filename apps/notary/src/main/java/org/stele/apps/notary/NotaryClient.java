package org.stele.apps.notary;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.stele.apps.notary.NotaryEvent.Position;
import org.stele.apps.notary.NotaryProof.Anchor;
import org.stele.apps.notary.NotaryProof.Kind;
import org.stele.proof.ProofFormatException;
import org.stele.proof.ProofJson;
import org.stele.proof.TransactionProof;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.methods.request.EthFilter;
import org.web3j.protocol.core.methods.request.Transaction;
import org.web3j.protocol.core.methods.response.EthCall;
import org.web3j.protocol.core.methods.response.EthLog;
import org.web3j.protocol.core.methods.response.EthSendTransaction;
import org.web3j.protocol.core.methods.response.Log;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.protocol.exceptions.TransactionException;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/**
 * A Notary contract on a node, over JSON-RPC through web3j: stamps, batches, signed documents, their events and the
 * {@code stele-notary/1} proofs built from the node's {@code stele_getTransactionProof}. Each transaction is first run
 * as {@code eth_call}, so a refusal is reported by its custom error name before anything is sent.
 */
public final class NotaryClient {
    private static final BigInteger CALL_GAS = BigInteger.valueOf(3_000_000);
    private static final BigInteger DEPLOY_GAS = BigInteger.valueOf(5_000_000);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Web3j web3j;
    private final Web3jService service;
    private final TransactionManager sender;
    private final String contract;

    /** @param sender signs what is sent; null for a client that only reads */
    public NotaryClient(Web3jService service, TransactionManager sender, String contract) {
        this.service = service;
        this.web3j = Web3j.build(service);
        this.sender = sender;
        this.contract = contract.toLowerCase(Locale.ROOT);
    }

    /** A call the contract refused, or a transaction that failed. */
    public static final class NotaryException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public NotaryException(String message) {
            super(message);
        }
    }

    public String contract() {
        return contract;
    }

    /** Deploys a new Notary from the sender's account. */
    public static NotaryClient deploy(Web3jService service, TransactionManager sender) throws IOException {
        Web3j web3j = Web3j.build(service);
        TransactionReceipt receipt = mine(web3j, sender.sendTransaction(web3j.ethGasPrice().send().getGasPrice(),
                DEPLOY_GAS, null, NotaryContracts.NOTARY.bytecode(), BigInteger.ZERO));
        return new NotaryClient(service, sender, receipt.getContractAddress());
    }

    /** Sends {@code data} to the contract and answers the mined receipt. */
    public TransactionReceipt send(String data) throws IOException {
        if (sender == null) throw new NotaryException("this client has no signer: it only reads");
        EthCall dry = web3j.ethCall(Transaction.createFunctionCallTransaction(sender.getFromAddress(), null, null,
                CALL_GAS, contract, BigInteger.ZERO, data), DefaultBlockParameterName.LATEST).send();
        if (dry.hasError() || dry.isReverted()) throw new NotaryException(refusal(dry));
        return mine(web3j, sender.sendTransaction(web3j.ethGasPrice().send().getGasPrice(), CALL_GAS, contract, data,
                BigInteger.ZERO));
    }

    public long chainId() throws IOException {
        return web3j.ethChainId().send().getChainId().longValueExact();
    }

    /** Every event of the contract so far, decoded, in chain order. */
    public List<NotaryEvent> events() throws IOException {
        EthLog answer = web3j.ethGetLogs(new EthFilter(DefaultBlockParameterName.EARLIEST,
                DefaultBlockParameterName.LATEST, contract)).send();
        if (answer.hasError()) throw new NotaryException("eth_getLogs: " + answer.getError().getMessage());
        List<NotaryEvent> events = new ArrayList<>();
        for (EthLog.LogResult<?> r : answer.getLogs()) {
            Log log = (Log) r.get();
            NotaryEvents.decode(new Position(log.getBlockNumber().longValueExact(), log.getLogIndex().longValueExact(),
                    log.getTransactionHash()), log.getTopics(), log.getData()).ifPresent(events::add);
        }
        events.sort((a, b) -> Position.CHAIN_ORDER.compare(a.position(), b.position()));
        return events;
    }

    /** A document's status from the events; empty when no such document was created. */
    public Optional<DocumentStatus> status(String document) throws IOException {
        return DocumentStatus.of(document, events());
    }

    /** The node's proof of a transaction, {@code stele_getTransactionProof}. */
    public TransactionProof transactionProof(String txHash) throws IOException {
        var answer = new Request<>("stele_getTransactionProof", List.of(txHash), service, ProofResponse.class).send();
        if (answer.hasError())
            throw new NotaryException("stele_getTransactionProof: " + answer.getError().getMessage());
        try {
            return ProofJson.parse(JSON.valueToTree(answer.getResult()));
        } catch (ProofFormatException e) {
            throw new NotaryException("the node's proof of " + txHash + " is malformed: " + e.getMessage());
        }
    }

    /**
     * The proof of a hash anchored by itself ({@code stamp}) or as a document ({@code createDocument}); a document's
     * proof carries the proofs of its signatures so far.
     */
    public NotaryProof proof(HashAlgorithm algorithm, String hash) throws IOException {
        String h = hash.toLowerCase(Locale.ROOT);
        List<NotaryEvent> events = events();
        Optional<DocumentStatus> document = DocumentStatus.of(h, events);
        if (document.isPresent()) {
            String created = document.get().history().get(0).position().transaction();
            List<TransactionProof> signatures = new ArrayList<>();
            for (String tx : document.get().signatures().stream().map(s -> s.position().transaction()).distinct()
                    .toList())
                signatures.add(transactionProof(tx));
            return new NotaryProof(algorithm, h, contract, Anchor.direct(Kind.DOCUMENT, h),
                    transactionProof(created), signatures);
        }
        NotaryEvent stamped = events.stream().filter(e -> e instanceof NotaryEvent.Stamped s && s.hash().equals(h))
                .findFirst().orElseThrow(() -> new NotaryException(h + " is not stamped in Notary " + contract));
        return new NotaryProof(algorithm, h, contract, Anchor.direct(Kind.HASH, h),
                transactionProof(stamped.position().transaction()), List.of());
    }

    /** The proofs of every document of a batch, in batch order, once its root is stamped. */
    public List<NotaryProof> batchProofs(MerkleTree tree, List<byte[]> documentHashes) throws IOException {
        String root = Numeric.toHexString(tree.root());
        NotaryEvent stamped = events().stream()
                .filter(e -> e instanceof NotaryEvent.BatchStamped b && b.root().equals(root)).findFirst()
                .orElseThrow(() -> new NotaryException("batch root " + root + " is not stamped in Notary " + contract));
        return batchProofs(tree, documentHashes, contract, transactionProof(stamped.position().transaction()));
    }

    /** Each document's proof: its Merkle path to the root plus the one proof of the transaction that anchored it. */
    public static List<NotaryProof> batchProofs(MerkleTree tree, List<byte[]> documentHashes, String contract,
            TransactionProof anchor) {
        String root = Numeric.toHexString(tree.root());
        List<NotaryProof> proofs = new ArrayList<>(documentHashes.size());
        for (int i = 0; i < documentHashes.size(); i++)
            proofs.add(new NotaryProof(tree.algorithm(), Numeric.toHexString(documentHashes.get(i)), contract,
                    new Anchor(Kind.BATCH, root, i, tree.size(), tree.path(i)), anchor, List.of()));
        return proofs;
    }

    /** web3j's response holder for a method it does not know: the result as a JSON tree. */
    public static final class ProofResponse extends org.web3j.protocol.core.Response<Object> {
    }

    private static String refusal(EthCall dry) {
        String data = dry.getError() != null && dry.getError().getData() != null
                ? dry.getError().getData().replace("\"", "")
                : dry.getValue();
        return NotaryContracts.ERRORS.decode(data).map(r -> "refused: " + r)
                .orElse("refused: " + (dry.getError() != null ? dry.getError().getMessage() : dry.getRevertReason()));
    }

    private static TransactionReceipt mine(Web3j web3j, EthSendTransaction sent) throws IOException {
        if (sent.hasError())
            throw new NotaryException("the node refused the transaction: " + sent.getError().getMessage());
        try {
            TransactionReceipt receipt = new PollingTransactionReceiptProcessor(web3j, 100, 600)
                    .waitForTransactionReceipt(sent.getTransactionHash());
            if (!receipt.isStatusOK())
                throw new NotaryException("transaction " + sent.getTransactionHash() + " failed");
            return receipt;
        } catch (TransactionException e) {
            throw new NotaryException("no receipt for " + sent.getTransactionHash() + ": " + e.getMessage());
        }
    }
}
