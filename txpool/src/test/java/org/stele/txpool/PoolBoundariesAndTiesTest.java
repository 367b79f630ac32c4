package org.stele.txpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stele.chain.tx.FeeMarketTransaction;
import org.stele.chain.tx.Transaction;
import org.stele.chain.tx.TransactionSignature;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.common.crypto.Keccak256;

/**
 * The pool's limits exactly at their values, and how it breaks ties: equal fee caps when the pool is full, equal tips
 * when a block is filled (admission order both times), and what the pending view leaves out.
 */
class PoolBoundariesAndTiesTest {
    private static final Address ALICE = Address.fromHex("0x00000000000000000000000000000000000a11ce");
    private static final Address BOB = Address.fromHex("0x0000000000000000000000000000000000000b0b");
    private static final Address CAROL = Address.fromHex("0x00000000000000000000000000000000000ca201");
    private static final BigInteger GWEI = BigInteger.TEN.pow(9);

    /** Every account starts at nonce 0 with far more than any test transaction costs. */
    private static final AccountState RICH = new AccountState() {
        @Override
        public long nonce(Address a) {
            return 0;
        }

        @Override
        public BigInteger balance(Address a) {
            return BigInteger.TEN.pow(24);
        }
    };

    private static TransactionPool pool(TxPoolConfig config) {
        return new TransactionPool(config, Fork.CANCUN, RICH, 30_000_000);
    }

    private static Transaction tx(long nonce, long maxFeeGwei, long tipGwei, Bytes data) {
        return new FeeMarketTransaction(BigInteger.ONE, nonce, GWEI.multiply(BigInteger.valueOf(tipGwei)),
                GWEI.multiply(BigInteger.valueOf(maxFeeGwei)), 100_000, Optional.of(BOB), BigInteger.ONE, data,
                List.of(), TransactionSignature.UNSIGNED);
    }

    private static Transaction tx(long nonce, long maxFeeGwei) {
        return tx(nonce, maxFeeGwei, 1, Bytes.EMPTY);
    }

    private static PooledTransaction add(TransactionPool pool, Transaction tx, Address sender) {
        Bytes32 hash = Bytes32.wrap(Keccak256.hash(Bytes.concat(Bytes.wrap(tx.encode()), sender.toBytes())
                .toArray()));
        return pool.add(tx, hash, sender);
    }

    private static TxPoolException.Reason refusal(Runnable r) {
        try {
            r.run();
        } catch (TxPoolException e) {
            return e.reason();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void aTransactionOfExactlyTheSizeLimitIsAdmittedAndOneByteLargerIsNot() {
        Transaction t = tx(0, 10, 1, Bytes.wrap(new byte[100]));
        int size = t.encode().length;
        TransactionPool exact = pool(new TxPoolConfig(64, 100, 10, BigInteger.ONE, size, false));
        assertThat(add(exact, t, ALICE).transaction()).isEqualTo(t);

        TransactionPool smaller = pool(new TxPoolConfig(64, 100, 10, BigInteger.ONE, size - 1, false));
        assertThat(refusal(() -> add(smaller, t, ALICE))).isEqualTo(TxPoolException.Reason.OVERSIZED);
    }

    @Test
    void theSizeLimitMustBeAtLeastOneByte() {
        assertThat(new TxPoolConfig(1, 1, 0, BigInteger.ZERO, 1, true).maxTxBytes()).isEqualTo(1);
        assertThatIllegalArgumentException().isThrownBy(() -> new TxPoolConfig(1, 1, 0, BigInteger.ZERO, 0, true));
    }

    @Test
    void aFullPoolRefusesATransactionNoDearerThanItsCheapestAndEvictsTheEarliestSendersOnATie() {
        TransactionPool pool = pool(new TxPoolConfig(64, 2, 10, BigInteger.ONE));
        PooledTransaction alices = add(pool, tx(0, 10), ALICE);
        PooledTransaction bobs = add(pool, tx(0, 10), BOB);

        assertThat(refusal(() -> add(pool, tx(0, 10), CAROL))).isEqualTo(TxPoolException.Reason.POOL_FULL);

        PooledTransaction carols = add(pool, tx(0, 11), CAROL);
        assertThat(pool.get(alices.hash())).as("the earlier of two equally cheap senders").isEmpty();
        assertThat(pool.get(bobs.hash())).isPresent();
        assertThat(pool.get(carols.hash())).isPresent();
        assertThatThrownBy(() -> add(pool, tx(0, 10), ALICE)).isInstanceOf(TxPoolException.class);
    }

    @Test
    void transactionsWithEqualTipsGoIntoTheBlockInTheOrderTheyWereAdmitted() {
        TransactionPool pool = pool(TxPoolConfig.DEFAULT);
        add(pool, tx(0, 10), CAROL);
        add(pool, tx(0, 10), ALICE);
        add(pool, tx(0, 10), BOB);

        assertThat(pool.selectForBlock(BigInteger.ZERO, 30_000_000)).extracting(PooledTransaction::sender)
                .containsExactly(CAROL, ALICE, BOB);
    }

    @Test
    void aSenderWithOnlyQueuedTransactionsIsNotInThePendingView() {
        TransactionPool pool = pool(TxPoolConfig.DEFAULT);
        add(pool, tx(1, 10), ALICE);
        add(pool, tx(0, 10), BOB);

        assertThat(pool.pending()).containsOnlyKeys(BOB);
        assertThat(pool.queued()).containsOnlyKeys(ALICE);
    }
}
