package org.stele.txpool;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.stele.chain.tx.AccessListEntry;
import org.stele.chain.tx.IntrinsicGas;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.evm.BlockContext;
import org.stele.execution.InvalidTransaction;
import org.stele.execution.TransactionProcessor;
import org.stele.execution.TransactionResult;
import org.stele.execution.block.TransactionRequests;
import org.stele.state.WorldState;
import org.stele.testkit.TestAccounts;
import org.stele.testkit.TxBuilder;

/**
 * The pool and the transaction processor refuse exactly the same transactions for intrinsic-gas and init-code size
 * reasons, for every fork the processor runs: a transaction the pool admits is never refused by a block for these
 * reasons, and the pool never turns away one a block would take.
 */
class AdmissionMatchesExecutionPropertiesTest {
    private static final Address SENDER = TestAccounts.ALICE;
    private static final Address TARGET = TestAccounts.BOB;
    private static final BigInteger FUNDS = BigInteger.TEN.pow(24);
    private static final long BLOCK_GAS = 30_000_000;
    private static final BlockContext BLOCK = new BlockContext(Address.ZERO, 1, 1000, BLOCK_GAS, BigInteger.ONE,
            BigInteger.ZERO, Bytes32.ZERO, 1, BigInteger.ONE);

    private enum Refusal {
        INTRINSIC_GAS, INIT_CODE_SIZE
    }

    @Provide
    Arbitrary<Fork> forks() {
        return Arbitraries.of(Fork.BERLIN, Fork.LONDON, Fork.PARIS, Fork.SHANGHAI, Fork.CANCUN);
    }

    /** Mostly short payloads, and payloads at the edge of the EIP-3860 limit. */
    @Provide
    Arbitrary<Integer> dataSizes() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(0, 200)),
                net.jqwik.api.Tuple.of(1, Arbitraries.integers().between(Fork.MAX_INIT_CODE_SIZE - 2,
                        Fork.MAX_INIT_CODE_SIZE + 2)));
    }

    @Property(tries = 300)
    void thePoolAndTheProcessorRefuseTheSameTransactionsForIntrinsicGasAndSize(@ForAll("forks") Fork fork,
            @ForAll boolean creation, @ForAll("dataSizes") int dataSize, @ForAll long seed,
            @ForAll @IntRange(max = 3) int accessListEntries,
            @ForAll @IntRange(min = -40_000, max = 40_000) int margin) {
        Random random = new Random(seed);
        byte[] data = new byte[dataSize];
        for (int i = 0; i < data.length; i++) data[i] = random.nextInt(3) == 0 ? 0 : (byte) (1 + random.nextInt(255));
        List<AccessListEntry> accessList = new ArrayList<>();
        for (int i = 0; i < accessListEntries; i++) {
            List<Bytes32> keys = new ArrayList<>();
            for (int k = random.nextInt(4); k > 0; k--) keys.add(Bytes32.leftPad(new byte[]{(byte) k}));
            accessList.add(new AccessListEntry(TARGET, keys));
        }
        Transaction unpriced = tx(creation, Bytes.wrap(data), accessList, 0);
        long gasLimit = Math.max(0, IntrinsicGas.of(unpriced, fork) + margin);
        Transaction tx = tx(creation, Bytes.wrap(data), accessList, gasLimit);

        assertThat(poolRefusal(fork, tx)).isEqualTo(processorRefusal(fork, tx));
    }

    private static Transaction tx(boolean creation, Bytes data, List<AccessListEntry> accessList, long gasLimit) {
        return TxBuilder.accessList().gasPrice(10).gasLimit(gasLimit)
                .to(creation ? Optional.empty() : Optional.of(TARGET))
                .data(data).accessList(accessList).unsigned();
    }

    /** The sender and its funds, the same for the pool and the processor. */
    private static WorldState funded() {
        return new TestAccounts().balance(SENDER, FUNDS).world();
    }

    private static Optional<Refusal> poolRefusal(Fork fork, Transaction tx) {
        TransactionPool pool = new TransactionPool(TxPoolConfig.DEFAULT, fork, AccountState.of(funded()), BLOCK_GAS);
        try {
            pool.add(tx, Bytes32.ZERO, SENDER);
            return Optional.empty();
        } catch (TxPoolException e) {
            return switch (e.reason()) {
                case INTRINSIC_GAS_TOO_LOW -> Optional.of(Refusal.INTRINSIC_GAS);
                case INIT_CODE_TOO_LARGE -> Optional.of(Refusal.INIT_CODE_SIZE);
                default -> throw new AssertionError("refused for another reason: " + e.getMessage());
            };
        }
    }

    private static Optional<Refusal> processorRefusal(Fork fork, Transaction tx) {
        WorldState world = funded();
        TransactionResult r = new TransactionProcessor(fork).process(world, BLOCK, TransactionRequests.of(tx, SENDER),
                BLOCK_GAS);
        if (!(r instanceof TransactionResult.Invalid invalid)) return Optional.empty();
        if (invalid.reason() == InvalidTransaction.INTRINSIC_GAS_TOO_LOW) return Optional.of(Refusal.INTRINSIC_GAS);
        if (invalid.reason() == InvalidTransaction.INITCODE_SIZE_EXCEEDED) return Optional.of(Refusal.INIT_CODE_SIZE);
        throw new AssertionError("refused for another reason: " + invalid.message());
    }
}
