package org.stele.sdk.governance;

import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.stele.sdk.governance.contracts.Accounts;
import org.stele.sdk.governance.contracts.Committee;
import org.stele.sdk.governance.contracts.Freezes;
import org.stele.sdk.governance.contracts.NodeAllowlist;
import org.stele.sdk.governance.contracts.Parameters;
import org.stele.sdk.governance.contracts.Validators;
import org.web3j.crypto.Credentials;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.RemoteFunctionCall;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.tx.Contract;
import org.web3j.tx.RawTransactionManager;
import org.web3j.tx.ReadonlyTransactionManager;
import org.web3j.tx.TransactionManager;
import org.web3j.tx.gas.ContractGasProvider;
import org.web3j.tx.gas.StaticGasProvider;
import org.web3j.tx.response.PollingTransactionReceiptProcessor;
import org.web3j.utils.Numeric;

/**
 * A governor's (or any reader's) handle on a Stele chain's governance contracts, over any node's JSON-RPC. The
 * contracts are web3j's generated wrappers, loaded at their fixed genesis addresses; a change to the chain is always a
 * proposal of the committee, made from one of those wrappers' calls:
 *
 * <pre>{@code
 * GovernanceClient gov = GovernanceClient.connect(web3j, credentials, chainId);
 * BigInteger id = gov.propose(gov.freezes(), gov.freezes().freeze(suspect, "court order 7"), "freeze the suspect");
 * boolean executed = gov.vote(id, true);
 * }</pre>
 */
public final class GovernanceClient {
    public static final String COMMITTEE = "0x0000000000000000000000000000000000001000";
    public static final String VALIDATORS = "0x0000000000000000000000000000000000001001";
    public static final String NODE_ALLOWLIST = "0x0000000000000000000000000000000000001002";
    public static final String ACCOUNTS = "0x0000000000000000000000000000000000001003";
    public static final String FREEZES = "0x0000000000000000000000000000000000001004";
    public static final String PARAMETERS = "0x0000000000000000000000000000000000001005";
    /** Enough for any governance transaction, an executing vote included (it runs the proposal's call). */
    static final BigInteger GAS_LIMIT = BigInteger.valueOf(3_000_000);

    private final Committee committee;
    private final Validators validators;
    private final NodeAllowlist nodes;
    private final Accounts accounts;
    private final Freezes freezes;
    private final Parameters parameters;

    private GovernanceClient(Web3j web3j, TransactionManager tx, ContractGasProvider gas) {
        committee = Committee.load(COMMITTEE, web3j, tx, gas);
        validators = Validators.load(VALIDATORS, web3j, tx, gas);
        nodes = NodeAllowlist.load(NODE_ALLOWLIST, web3j, tx, gas);
        accounts = Accounts.load(ACCOUNTS, web3j, tx, gas);
        freezes = Freezes.load(FREEZES, web3j, tx, gas);
        parameters = Parameters.load(PARAMETERS, web3j, tx, gas);
    }

    /**
     * Signs as {@code credentials} for chain {@code chainId}, paying twice the node's gas price at connection (room
     * for the base fee to rise over a few blocks), and waits for receipts by polling every 100 ms for up to a minute.
     */
    public static GovernanceClient connect(Web3j web3j, Credentials credentials, long chainId) throws IOException {
        BigInteger price = web3j.ethGasPrice().send().getGasPrice().shiftLeft(1);
        TransactionManager tx = new RawTransactionManager(web3j, credentials, chainId,
                new PollingTransactionReceiptProcessor(web3j, 100, 600));
        return new GovernanceClient(web3j, tx, new StaticGasProvider(price, GAS_LIMIT));
    }

    /**
     * A client that only encodes, connected to nothing: its wrappers' calls give their call data
     * ({@code encodeFunctionCall()}) to a tool that signs and sends by its own means, such as {@code stele gov}, so
     * that the tool and operators' applications share one encoding. Sending through it fails.
     */
    public static GovernanceClient encoder() {
        // The wrappers keep web3j for sending only; encoding a call never touches it.
        return new GovernanceClient(null, new ReadonlyTransactionManager(null, COMMITTEE),
                new StaticGasProvider(BigInteger.ZERO, GAS_LIMIT));
    }

    /**
     * The committee call that proposes {@code change} to {@code target} (any address a proposal may call, such as the
     * identity application's trust registry), as call data.
     */
    public String proposal(String target, RemoteFunctionCall<?> change, String description) {
        return committee.propose(target, Numeric.hexStringToByteArray(change.encodeFunctionCall()), description)
                .encodeFunctionCall();
    }

    /**
     * Proposes {@code change}, a call of {@code target} (one of this client's contracts, e.g.
     * {@code propose(validators(), validators().addValidator(a), "…")}), to the committee; returns the proposal's id.
     * Only a governor may propose, and only calls of the system contracts.
     */
    public BigInteger propose(Contract target, RemoteFunctionCall<TransactionReceipt> change, String description)
            throws Exception {
        TransactionReceipt r = committee.propose(target.getContractAddress(),
                Numeric.hexStringToByteArray(change.encodeFunctionCall()), description).send();
        List<Committee.ProposalCreatedEventResponse> created = Committee.getProposalCreatedEvents(r);
        if (created.isEmpty())
            throw new IllegalStateException("the committee made no proposal in " + r.getTransactionHash());
        return created.get(0).id;
    }

    /**
     * Votes for or against proposal {@code id} with the caller's whole weight; returns whether this vote executed it.
     */
    public boolean vote(BigInteger id, boolean support) throws Exception {
        TransactionReceipt r = committee.vote(id, support).send();
        return !Committee.getProposalExecutedEvents(r).isEmpty();
    }

    /** The validator set at the head, as QBFT reads it for the next block. */
    @SuppressWarnings("unchecked")
    public List<String> validatorSet() throws Exception {
        return validators.getValidators().send();
    }

    public Committee committee() {
        return committee;
    }

    public Validators validators() {
        return validators;
    }

    public NodeAllowlist nodes() {
        return nodes;
    }

    public Accounts accounts() {
        return accounts;
    }

    public Freezes freezes() {
        return freezes;
    }

    public Parameters parameters() {
        return parameters;
    }
}
