package org.stele.txpool;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.stele.chain.tx.AccessListEntry;
import org.stele.chain.tx.AccessListTransaction;
import org.stele.chain.tx.IntrinsicGas;
import org.stele.chain.tx.Transaction;
import org.stele.chain.tx.TransactionSignature;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.evm.BlockContext;
import org.stele.execution.InvalidTransaction;
import org.stele.execution.TransactionProcessor;
import org.stele.execution.TransactionResult;
import org.stele.execution.block.TransactionRequests;
import org.stele.state.BlockHashes;
import org.stele.state.WorldState;
import org.stele.storage.InMemoryKeyValueStore;

/**
 * The pool and the transaction processor refuse exactly the same transactions for intrinsic-gas and init-code size
 * reasons, for every fork the processor runs: a transaction the pool admits is never refused by a block for these
 * reasons, and the pool never turns away one a block would take.
 */
class AdmissionMatchesExecutionPropertiesTest {
    private static final Address SENDER = Address.fromHex("0x00000000000000000000000000000000000a11ce");
    private static final Address TARGET = Address.fromHex("0x0000000000000000000000000000000000000b0b");
    private static final BigInteger FUNDS = BigInteger.TEN.pow(24);
    private static final long BLOCK_GAS = 30_000_000;
    private static final BlockContext BLOCK = new BlockContext(Address.ZERO, 1, 1000, BLOCK_GAS, BigInteger.ONE,
            BigInteger.ZERO, Bytes32.ZERO, 1, BigInteger.ONE);
    private static final AccountState FUNDED = new AccountState() {
        @Override
        public long nonce(Address a) {
            return 0;
        }

        @Override
        public BigInteger balance(Address a) {
            return FUNDS;
        }
    };

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
        return new AccessListTransaction(BigInteger.ONE, 0, BigInteger.TEN, gasLimit,
                creation ? Optional.empty() : Optional.of(TARGET), BigInteger.ZERO, data, accessList,
                TransactionSignature.UNSIGNED);
    }

    private static Optional<Refusal> poolRefusal(Fork fork, Transaction tx) {
        TransactionPool pool = new TransactionPool(TxPoolConfig.DEFAULT, fork, FUNDED, BLOCK_GAS);
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
        WorldState world = WorldState.empty(new InMemoryKeyValueStore(), BlockHashes.NONE);
        world.putAccount(SENDER, 0, FUNDS, Bytes.EMPTY, Map.of());
        TransactionResult r = new TransactionProcessor(fork).process(world, BLOCK, TransactionRequests.of(tx, SENDER),
                BLOCK_GAS);
        if (!(r instanceof TransactionResult.Invalid invalid)) return Optional.empty();
        if (invalid.reason() == InvalidTransaction.INTRINSIC_GAS_TOO_LOW) return Optional.of(Refusal.INTRINSIC_GAS);
        if (invalid.reason() == InvalidTransaction.INITCODE_SIZE_EXCEEDED) return Optional.of(Refusal.INIT_CODE_SIZE);
        throw new AssertionError("refused for another reason: " + invalid.message());
    }
}
