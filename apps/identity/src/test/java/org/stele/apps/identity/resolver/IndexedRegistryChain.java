package org.stele.apps.identity.resolver;

import java.math.BigInteger;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stele.apps.identity.DidRegistry;
import org.stele.apps.identity.cli.RegistryChange;
import org.stele.chain.Receipt;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.crypto.KeyPair;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.block.Genesis;
import org.stele.testchain.TestChain;
import org.stele.testkit.TestChainSpec;
import org.stele.testkit.TestKeys;
import org.stele.testkit.TxBuilder;

/**
 * A test chain holding the registry in genesis, as every Stele chain does, with its {@link DidIndex} kept by the block
 * store, and a resolver over both at a chosen time. Blocks are one second apart from time 0.
 */
final class IndexedRegistryChain {
    private final TestChain chain;
    private final DidIndex[] index = new DidIndex[1];
    private final Map<Address, Long> nonces = new HashMap<>();

    IndexedRegistryChain(List<KeyPair> funded) {
        this(funded, true);
    }

    /** A chain whose block store keeps the index, or (not {@code indexed}) one stored before the index existed. */
    IndexedRegistryChain(List<KeyPair> funded, boolean indexed) {
        Map<Address, Genesis.Allocation> alloc = new HashMap<>();
        for (KeyPair k : funded) alloc.put(TestKeys.address(k), TestChain.funded(BigInteger.TEN.pow(21)));
        alloc.put(DidRegistry.ADDRESS, TestChain.contract(DidRegistry.code().toHex().substring(2)));
        chain = new TestChain(alloc, store -> {
            index[0] = new DidIndex(store);
            return indexed ? List.of(index[0]) : List.of();
        });
    }

    TestChain chain() {
        return chain;
    }

    DidIndex index() {
        return index[0];
    }

    /** Mines one block holding {@code key}'s call of the registry; answers its receipt. */
    Receipt send(KeyPair key, Bytes data) {
        Address sender = TestKeys.address(key);
        long nonce = nonces.getOrDefault(sender, 0L);
        nonces.put(sender, nonce + 1);
        Transaction tx = TxBuilder.feeMarket().chainId(TestChainSpec.CHAIN_ID).nonce(nonce)
                .fees(BigInteger.TEN.pow(10), BigInteger.ONE).gasLimit(500_000).to(DidRegistry.ADDRESS).data(data)
                .signedBy(key);
        Receipt receipt = chain.mine(List.of(new BlockExecutor.Candidate(tx, sender))).receipts().getFirst();
        if (!receipt.success())
            throw new AssertionError("the registry refused the change");
        return receipt;
    }

    /** {@code owner} changes {@code identity} itself. */
    Receipt change(KeyPair owner, Address identity, RegistryChange change) {
        return send(owner, change.call(identity));
    }

    /** A resolver over this chain at {@code seconds} on its clock. */
    DidResolver resolverAt(long seconds) {
        return new DidResolver(new StoreDidChain(chain.blocks(), index[0], TestChainSpec.CHAIN_ID),
                InstantSource.fixed(Instant.ofEpochSecond(seconds)));
    }

    long head() {
        return chain.head().number();
    }
}
