package org.stele.apps.charity;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.stele.apps.charity.CharityEvent.Position;
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

/**
 * A Charity contract on a node, over JSON-RPC through web3j. Transactions go through a web3j
 * {@link TransactionManager}: a {@code ClientTransactionManager} has the node sign (a dev chain's accounts), a
 * {@code RawTransactionManager} signs with a key here. Each transaction is first run as {@code eth_call}, so a refusal
 * is reported by its custom error name before anything is sent.
 */
public final class CharityClient {
    /** Enough for every Charity call with a handful of beneficiaries. */
    private static final BigInteger CALL_GAS = BigInteger.valueOf(1_500_000);
    private static final BigInteger DEPLOY_GAS = BigInteger.valueOf(5_000_000);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Web3j web3j;
    private final Web3jService service;
    private final TransactionManager sender;
    private final String contract;

    /** @param sender signs what {@link #send} sends; null for a client that only reads */
    public CharityClient(Web3jService service, TransactionManager sender, String contract) {
        this.service = service;
        this.web3j = Web3j.build(service);
        this.sender = sender;
        this.contract = contract;
    }

    /** A call the contract refused, or a transaction that failed. */
    public static final class CharityException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public CharityException(String message) {
            super(message);
        }
    }

    public String contract() {
        return contract;
    }

    /** Deploys a new Charity from the sender's account, which becomes its admin and first operator. */
    public static CharityClient deploy(Web3jService service, TransactionManager sender) throws IOException {
        return new CharityClient(service, sender, deployContract(service, sender, CharityContracts.CHARITY.bytecode()));
    }

    /** Deploys a contract from its creation data and answers its address. */
    public static String deployContract(Web3jService service, TransactionManager sender, String creationData)
            throws IOException {
        Web3j web3j = Web3j.build(service);
        TransactionReceipt receipt = mine(web3j, sender.sendTransaction(gasPrice(web3j), DEPLOY_GAS, null,
                creationData, BigInteger.ZERO));
        return receipt.getContractAddress();
    }

    /** Sends {@code data} with {@code value} to the Charity contract and answers the mined receipt. */
    public TransactionReceipt send(String data, BigInteger value) throws IOException {
        return sendTo(contract, data, value);
    }

    /** Sends to another contract (a token's approve, say), with the same refusal check. */
    public TransactionReceipt sendTo(String to, String data, BigInteger value) throws IOException {
        if (sender == null) throw new CharityException("this client has no signer: it only reads");
        EthCall dry = web3j.ethCall(Transaction.createFunctionCallTransaction(sender.getFromAddress(), null, null,
                CALL_GAS, to, value, data), DefaultBlockParameterName.LATEST).send();
        if (dry.hasError() || dry.isReverted()) throw new CharityException(refusal(dry));
        return mine(web3j, sender.sendTransaction(gasPrice(web3j), CALL_GAS, to, data, value));
    }

    /** Every event of the contract so far, decoded, in chain order. */
    public List<CharityEvent> events() throws IOException {
        EthFilter filter = new EthFilter(DefaultBlockParameterName.EARLIEST, DefaultBlockParameterName.LATEST,
                contract);
        EthLog answer = web3j.ethGetLogs(filter).send();
        if (answer.hasError()) throw new CharityException("eth_getLogs: " + answer.getError().getMessage());
        List<CharityEvent> events = new ArrayList<>();
        for (EthLog.LogResult<?> r : answer.getLogs()) {
            Log log = (Log) r.get();
            CharityEvents.decode(new Position(log.getBlockNumber().longValueExact(),
                    log.getLogIndex().longValueExact(), log.getTransactionHash()), log.getTopics(), log.getData())
                    .ifPresent(events::add);
        }
        events.sort((a, b) -> Position.CHAIN_ORDER.compare(a.position(), b.position()));
        return events;
    }

    /** The FIFO attribution of every donation so far. */
    public FifoTrace trace() throws IOException {
        return FifoTrace.of(events());
    }

    /** The node's {@code stele_getTransactionProof} of a transaction: a receipt file anyone verifies offline. */
    public JsonNode proof(String txHash) throws IOException {
        var answer = new Request<>("stele_getTransactionProof", List.of(txHash), service, ProofResponse.class).send();
        if (answer.hasError())
            throw new CharityException("stele_getTransactionProof: "
                    + answer.getError().getMessage());
        return JSON.valueToTree(answer.getResult());
    }

    /** web3j's response holder for a method it does not know: the result as a JSON tree. */
    public static final class ProofResponse extends org.web3j.protocol.core.Response<Object> {
    }

    private static String refusal(EthCall dry) {
        String data = dry.getError() != null && dry.getError().getData() != null
                ? dry.getError().getData().replace("\"", "")
                : dry.getValue();
        return CharityContracts.ERRORS.decode(data).map(r -> "refused: " + r)
                .orElse("refused: " + (dry.getError() != null ? dry.getError().getMessage() : dry.getRevertReason()));
    }

    private static BigInteger gasPrice(Web3j web3j) throws IOException {
        return web3j.ethGasPrice().send().getGasPrice();
    }

    private static TransactionReceipt mine(Web3j web3j, EthSendTransaction sent) throws IOException {
        if (sent.hasError())
            throw new CharityException("the node refused the transaction: "
                    + sent.getError().getMessage());
        try {
            TransactionReceipt receipt = new PollingTransactionReceiptProcessor(web3j, 100, 600)
                    .waitForTransactionReceipt(sent.getTransactionHash());
            if (!receipt.isStatusOK())
                throw new CharityException("transaction " + sent.getTransactionHash()
                        + " failed");
            return receipt;
        } catch (TransactionException e) {
            throw new CharityException("no receipt for " + sent.getTransactionHash() + ": " + e.getMessage());
        }
    }
}
