package org.stele.apps.notary;

import org.stele.sdk.contracts.ContractError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stele.apps.notary.NotaryEvent.Position;
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
import org.web3j.crypto.ECKeyPair;

/**
 * Notary deployed on a {@link TestChain}, in Stele's own EVM. Each transaction is first run on the head state to read
 * its revert data (a receipt does not keep it), then mined when it succeeds, so a test sees either the events or the
 * custom error.
 */
final class NotaryChain {
    static final BigInteger ETHER = BigInteger.TEN.pow(18);
    static final KeyPair OWNER = TestKeys.named("notary-owner");
    static final KeyPair ALICE = TestKeys.named("notary-alice");
    static final KeyPair BOB = TestKeys.named("notary-bob");
    static final KeyPair CAROL = TestKeys.named("notary-carol");
    static final KeyPair STRANGER = TestKeys.named("notary-stranger");
    private static final List<KeyPair> FUNDED = List.of(OWNER, ALICE, BOB, CAROL, STRANGER);

    /** What a transaction did: its events when mined, or the error it was refused with (then it is not mined). */
    record Outcome(String transaction, List<NotaryEvent> events, Optional<ContractError> refusal,
            String created) {}

    private final TestChain chain;
    private final Map<Address, Long> nonces = new HashMap<>();
    final String notary;

    NotaryChain() {
        Map<Address, Genesis.Allocation> alloc = new HashMap<>();
        for (KeyPair k : FUNDED)
            alloc.put(TestKeys.address(k), TestChain.funded(ETHER.multiply(BigInteger.valueOf(1000))));
        chain = new TestChain(alloc);
        notary = send(OWNER, null, NotaryContracts.NOTARY.bytecode()).created();
    }

    static String address(KeyPair key) {
        return TestKeys.address(key).toHex();
    }

    static ECKeyPair web3jKey(KeyPair key) {
        return ECKeyPair.create(key.privateKey().unsafeArray());
    }

    static long chainId() {
        return TestChainSpec.CHAIN_ID;
    }

    /** Sends from {@code from}; {@code to} null creates a contract. */
    Outcome send(KeyPair from, String to, String data) {
        Address sender = TestKeys.address(from);
        long nonce = nonces.getOrDefault(sender, 0L);
        TxBuilder b = TxBuilder.feeMarket().chainId(TestChainSpec.CHAIN_ID).nonce(nonce).fees(100_000_000_000L, 1)
                .gasLimit(8_000_000).data(Bytes.fromHex(data));
        Transaction tx = (to == null ? b.creation() : b.to(Address.fromHex(to))).signedBy(from);
        String hash = Hex.encode(Keccak256.hash(tx.encode()));
        TransactionResult result = dryRun(tx, sender);
        if (!(result instanceof TransactionResult.Executed executed))
            throw new IllegalStateException("invalid transaction: " + result);
        if (!executed.isSuccess()) {
            String output = executed.output().toHex();
            return new Outcome(hash, List.of(), Optional.of(NotaryContracts.ERRORS.decode(output)
                    .orElseThrow(() -> new AssertionError("reverted without a known error: " + output))), null);
        }
        BlockExecutor.Result mined = chain.mine(List.of(new BlockExecutor.Candidate(tx, sender)));
        if (!mined.rejected().isEmpty()) throw new IllegalStateException("rejected: " + mined.rejected());
        nonces.put(sender, nonce + 1);
        List<NotaryEvent> events = new ArrayList<>();
        long index = 0;
        for (Log log : mined.receipts().get(0).logs()) {
            Position at = new Position(mined.block().header().number(), index++, hash);
            NotaryEvents.decode(at, log.topics().stream().map(t -> t.toHex()).toList(), log.data().toHex())
                    .ifPresent(events::add);
        }
        String created = executed.createdAddress() == null ? null : executed.createdAddress().toHex();
        return new Outcome(hash, events, Optional.empty(), created);
    }

    Outcome notary(KeyPair from, String data) {
        return send(from, notary, data);
    }

    /** Runs a read-only call on the head state and answers its output. */
    String call(String data) {
        TransactionResult r = dryRun(TxBuilder.feeMarket().chainId(TestChainSpec.CHAIN_ID)
                .nonce(nonces.getOrDefault(TestKeys.address(STRANGER), 0L)).fees(100_000_000_000L, 1)
                .gasLimit(3_000_000).to(Address.fromHex(notary)).data(Bytes.fromHex(data)).signedBy(STRANGER),
                TestKeys.address(STRANGER));
        return ((TransactionResult.Executed) r).output().toHex();
    }

    long head() {
        return chain.head().number();
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
