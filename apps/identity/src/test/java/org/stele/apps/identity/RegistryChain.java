package org.stele.apps.identity;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stele.chain.Receipt;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.crypto.KeyPair;
import org.stele.evm.Status;
import org.stele.execution.TransactionResult;
import org.stele.execution.block.BlockExecutor;
import org.stele.testchain.TestChain;
import org.stele.testkit.TestChainSpec;
import org.stele.testkit.TestKeys;
import org.stele.testkit.TxBuilder;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;

/**
 * A test chain whose genesis holds the registry at {@link DidRegistry#ADDRESS}, as every Stele chain's does, and funded
 * keys that send it transactions (one per block) or call it read-only.
 */
final class RegistryChain {
    private final TestChain chain;
    private final Map<Address, Long> nonces = new HashMap<>();

    RegistryChain(List<KeyPair> funded) {
        Map<Address, org.stele.execution.block.Genesis.Allocation> alloc = new HashMap<>();
        for (KeyPair k : funded) alloc.put(TestKeys.address(k), TestChain.funded(BigInteger.TEN.pow(21)));
        alloc.put(DidRegistry.ADDRESS, TestChain.contract(DidRegistry.code().toHex().substring(2)));
        chain = new TestChain(alloc);
    }

    TestChain chain() {
        return chain;
    }

    /** Mines one block holding {@code key}'s call of {@code function} on the registry; answers its receipt. */
    Receipt send(KeyPair key, Function function) {
        Address sender = TestKeys.address(key);
        long nonce = nonces.getOrDefault(sender, 0L);
        nonces.put(sender, nonce + 1);
        Transaction tx = TxBuilder.feeMarket().chainId(TestChainSpec.CHAIN_ID).nonce(nonce)
                .fees(BigInteger.TEN.pow(10), BigInteger.ONE).gasLimit(500_000).to(DidRegistry.ADDRESS)
                .data(Bytes.fromHex(FunctionEncoder.encode(function))).signedBy(key);
        return chain.mine(List.of(new BlockExecutor.Candidate(tx, sender))).receipts().getFirst();
    }

    /** The registry's answer to a read-only call of {@code function}, decoded by its output types. */
    @SuppressWarnings("rawtypes")
    List<Type> call(Function function) {
        TransactionResult.Executed r = execute(Address.ZERO, function);
        if (r.status() != Status.SUCCESS) throw new AssertionError(function.getName() + " failed: " + r.status());
        return FunctionReturnDecoder.decode(r.output().toHex(), function.getOutputParameters());
    }

    /** Runs {@code key}'s call of {@code function} read-only: its status and output (the error data of a revert). */
    TransactionResult.Executed execute(Address from, Function function) {
        return chain.call(from, DidRegistry.ADDRESS, Bytes.fromHex(FunctionEncoder.encode(function)));
    }

    long headNumber() {
        return chain.head().number();
    }

    long headTimestamp() {
        return chain.head().timestamp();
    }
}
