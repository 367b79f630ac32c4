package org.stele.apps.charity;

import org.stele.sdk.contracts.ContractError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stele.apps.charity.CharityEvent.Position;
import org.stele.chain.BlockHeader;
import org.stele.chain.Log;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Hex;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Keccak256;
import org.stele.execution.TransactionProcessor;
import org.stele.execution.TransactionResult;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.block.Genesis;
import org.stele.execution.block.TransactionRequests;
import org.stele.state.BlockHashes;
import org.stele.state.WorldState;
import org.stele.testchain.TestChain;
import org.stele.testkit.TestChainSpec;
import org.stele.testkit.TestKeys;
import org.stele.testkit.TxBuilder;

/**
 * Charity deployed on a {@link TestChain}, in Stele's own EVM. Each transaction is first run on the head state to read
 * its revert data (a receipt does not keep it), then mined when it succeeds, so a test sees either the events or the
 * custom error.
 */
final class CharityChain {
    static final BigInteger ETHER = BigInteger.TEN.pow(18);
    static final KeyPair OPERATOR = TestKeys.named("charity-operator");
    static final KeyPair ORG_ADMIN = TestKeys.named("charity-org-admin");
    static final KeyPair DONOR_1 = TestKeys.named("charity-donor-1");
    static final KeyPair DONOR_2 = TestKeys.named("charity-donor-2");
    static final KeyPair BENEFICIARY_A = TestKeys.named("charity-beneficiary-a");
    static final KeyPair BENEFICIARY_B = TestKeys.named("charity-beneficiary-b");
    static final KeyPair STRANGER = TestKeys.named("charity-stranger");
    private static final List<KeyPair> FUNDED = List.of(OPERATOR, ORG_ADMIN, DONOR_1, DONOR_2, BENEFICIARY_A,
            BENEFICIARY_B, STRANGER);

    /** What a transaction did: its events when mined, or the error it was refused with (then it is not mined). */
    record Outcome(String transaction, List<CharityEvent> events, Optional<ContractError> refusal,
            String created) {
        boolean succeeded() {
            return refusal.isEmpty();
        }
    }

    private final TestChain chain;
    private final Map<Address, Long> nonces = new HashMap<>();
    private final List<CharityEvent> history = new ArrayList<>();
    final String charity;

    CharityChain() {
        Map<Address, Genesis.Allocation> alloc = new HashMap<>();
        for (KeyPair k : FUNDED)
            alloc.put(TestKeys.address(k), TestChain.funded(ETHER.multiply(BigInteger.valueOf(1000))));
        chain = new TestChain(alloc);
        charity = send(OPERATOR, null, CharityContracts.CHARITY.bytecode(), BigInteger.ZERO).created();
    }

    static String address(KeyPair key) {
        return TestKeys.address(key).toHex();
    }

    /** Sends from {@code from}; {@code to} null creates a contract. */
    Outcome send(KeyPair from, String to, String data, BigInteger value) {
        Address sender = TestKeys.address(from);
        long nonce = nonces.getOrDefault(sender, 0L);
        TxBuilder b = TxBuilder.feeMarket().chainId(TestChainSpec.CHAIN_ID).nonce(nonce).fees(100_000_000_000L, 1)
                .gasLimit(3_000_000).value(value).data(Bytes.fromHex(data));
        Transaction tx = (to == null ? b.creation() : b.to(Address.fromHex(to))).signedBy(from);
        String hash = Hex.encode(Keccak256.hash(tx.encode()));
        TransactionResult result = dryRun(tx, sender);
        if (!(result instanceof TransactionResult.Executed executed))
            throw new IllegalStateException("invalid transaction: " + result);
        if (!executed.isSuccess()) {
            String output = executed.output().toHex();
            return new Outcome(hash, List.of(), Optional.of(CharityContracts.ERRORS.decode(output)
                    .orElseThrow(() -> new AssertionError("reverted without a known error: " + output))), null);
        }
        BlockExecutor.Result mined = chain.mine(List.of(new BlockExecutor.Candidate(tx, sender)));
        if (!mined.rejected().isEmpty()) throw new IllegalStateException("rejected: " + mined.rejected());
        nonces.put(sender, nonce + 1);
        List<CharityEvent> events = new ArrayList<>();
        long index = 0;
        for (Log log : mined.receipts().get(0).logs()) {
            Position at = new Position(mined.block().header().number(), index++, hash);
            if (charity == null || log.address().toHex().equals(charity)) {
                CharityEvents.decode(at, log.topics().stream().map(t -> t.toHex()).toList(), log.data().toHex())
                        .ifPresent(events::add);
            }
        }
        history.addAll(events);
        String created = executed.createdAddress() == null ? null : executed.createdAddress().toHex();
        return new Outcome(hash, events, Optional.empty(), created);
    }

    Outcome charity(KeyPair from, String data) {
        return send(from, charity, data, BigInteger.ZERO);
    }

    Outcome charity(KeyPair from, String data, BigInteger value) {
        return send(from, charity, data, value);
    }

    /** Runs a read-only call on the head state and answers its output. */
    String call(String to, String data) {
        TransactionResult r = dryRun(TxBuilder.feeMarket().chainId(TestChainSpec.CHAIN_ID)
                .nonce(nonces.getOrDefault(TestKeys.address(STRANGER), 0L)).fees(100_000_000_000L, 1)
                .gasLimit(3_000_000).to(Address.fromHex(to)).data(Bytes.fromHex(data)).signedBy(STRANGER),
                TestKeys.address(STRANGER));
        return ((TransactionResult.Executed) r).output().toHex();
    }

    BigInteger balance(String account) {
        return world().account(Address.fromHex(account)).balance();
    }

    /** Mines empty blocks until the head's timestamp is at least {@code timestamp} (each block is one second on). */
    void advanceTo(long timestamp) {
        while (chain.head().timestamp() < timestamp) chain.mine(List.of());
    }

    /** Every Charity event mined so far, in chain order. */
    List<CharityEvent> events() {
        return List.copyOf(history);
    }

    long now() {
        return chain.head().timestamp();
    }

    private WorldState world() {
        return WorldState.open(chain.store(), chain.head().stateRoot(), BlockHashes.NONE);
    }

    private TransactionResult dryRun(Transaction tx, Address sender) {
        BlockHeader head = chain.head();
        var context = BlockExecutor.context(Address.ZERO, head.number() + 1, head.timestamp() + 1, head.gasLimit(),
                head.baseFeePerGas().orElse(BigInteger.ZERO), TestChainSpec.CHAIN_ID);
        return new TransactionProcessor(TestChainSpec.FORK).process(world(), context,
                TransactionRequests.of(tx, sender), head.gasLimit());
    }
}
