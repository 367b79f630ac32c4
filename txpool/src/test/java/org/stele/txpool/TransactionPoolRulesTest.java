package org.stele.txpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stele.testkit.TestAccounts.ALICE;
import static org.stele.testkit.TestAccounts.BOB;
import static org.stele.testkit.TestAccounts.GWEI;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.common.crypto.Keccak256;
import org.stele.testkit.TestAccounts;
import org.stele.testkit.TxBuilder;

/** The pool's rules one at a time: each limit at its boundary, removal, selection by gas, re-checks on a new head. */
class TransactionPoolRulesTest {
    private static final long BLOCK_GAS = 30_000_000;

    private final TestAccounts accounts = new TestAccounts();

    private AccountState state() {
        return AccountState.of(accounts.world());
    }

    private TransactionPool pool(int maxPerSender, int maxTotal, BigInteger minGasPrice) {
        accounts.fundIfAbsent(ALICE, BigInteger.TEN.pow(24)).fundIfAbsent(BOB, BigInteger.TEN.pow(24));
        return new TransactionPool(new TxPoolConfig(maxPerSender, maxTotal, 10, minGasPrice), Fork.CANCUN, state(),
                BLOCK_GAS);
    }

    private TransactionPool pool() {
        return pool(64, 8192, BigInteger.ZERO);
    }

    private static Transaction tx(long nonce, long maxFeeGwei, long tipGwei, long gas) {
        return TxBuilder.feeMarket().nonce(nonce)
                .fees(GWEI.multiply(BigInteger.valueOf(maxFeeGwei)), GWEI.multiply(BigInteger.valueOf(tipGwei)))
                .gasLimit(gas).value(1).unsigned();
    }

    private static Transaction tx(long nonce, long maxFeeGwei) {
        return tx(nonce, maxFeeGwei, 1, 21_000);
    }

    /** Test transactions are unsigned, so the sender goes into the hash to keep two senders' apart. */
    private static Bytes32 hash(Transaction tx, Address sender) {
        return Bytes32.wrap(Keccak256.hash(Bytes.concat(Bytes.wrap(tx.encode()), sender.toBytes()).toArray()));
    }

    private static PooledTransaction add(TransactionPool pool, Transaction tx, Address sender) {
        return pool.add(tx, hash(tx, sender), sender);
    }

    /** What the sender must be able to pay for {@code tx}: gas limit × fee cap + value. */
    private static BigInteger cost(Transaction tx) {
        return BigInteger.valueOf(tx.gasLimit()).multiply(tx.maxFeePerGas()).add(tx.value());
    }

    private static List<Long> nonces(List<PooledTransaction> txs) {
        return txs.stream().map(PooledTransaction::nonce).toList();
    }

    @Test
    void removeAllTakesTransactionsOutAndQueuesTheLaterNoncesOfTheirSender() {
        TransactionPool pool = pool();
        List<PooledTransaction> added = new ArrayList<>();
        for (long n = 0; n < 3; n++)
            added.add(add(pool, tx(n, 10), ALICE));
        PooledTransaction bobs = add(pool, tx(0, 10), BOB);

        pool.removeAll(List.of(added.get(1).hash(), Bytes32.ZERO));

        assertThat(pool.get(added.get(1).hash())).isEmpty();
        assertThat(pool.get(bobs.hash())).isPresent();
        assertThat(pool.size()).isEqualTo(3);
        assertThat(nonces(pool.pending().get(ALICE))).containsExactly(0L);
        assertThat(nonces(pool.queued().get(ALICE))).containsExactly(2L);
        assertThat(pool.pendingCount()).isEqualTo(2);
        assertThat(pool.queuedCount()).isEqualTo(1);

        pool.removeAll(List.of(added.get(0).hash(), added.get(2).hash()));
        assertThat(pool.pending()).containsOnlyKeys(BOB);
        assertThat(pool.queued()).isEmpty();
        assertThat(pool.nextNonce(ALICE)).isZero();
    }

    @Test
    void aSenderWhoseNextTransactionDoesNotFitContributesNothingMoreToTheBlock() {
        TransactionPool pool = pool();
        add(pool, tx(0, 100, 5, 30_000), ALICE);
        add(pool, tx(1, 100, 5, 80_000), ALICE);
        add(pool, tx(2, 100, 5, 21_000), ALICE);
        add(pool, tx(0, 100, 1, 21_000), BOB);
        add(pool, tx(1, 100, 1, 21_000), BOB);

        List<PooledTransaction> block = pool.selectForBlock(BigInteger.ZERO, 100_000);

        // ALICE's nonce 2 would fit, but it cannot run without nonce 1, which does not
        assertThat(block).extracting(PooledTransaction::sender, PooledTransaction::nonce).containsExactly(
                org.assertj.core.groups.Tuple.tuple(ALICE, 0L), org.assertj.core.groups.Tuple.tuple(BOB, 0L),
                org.assertj.core.groups.Tuple.tuple(BOB, 1L));
    }

    @Test
    void aTransactionThatExactlyFillsTheRemainingGasIsTaken() {
        TransactionPool pool = pool();
        add(pool, tx(0, 100, 5, 30_000), ALICE);
        add(pool, tx(1, 100, 5, 21_000), ALICE);
        assertThat(nonces(pool.selectForBlock(BigInteger.ZERO, 51_000))).containsExactly(0L, 1L);
        assertThat(nonces(pool.selectForBlock(BigInteger.ZERO, 50_999))).containsExactly(0L);
    }

    @Test
    void aNewHeadDropsWhatTheSenderCanNoLongerAffordAndKeepsWhatItCanExactly() {
        TransactionPool pool = pool();
        Transaction cheap = tx(0, 10);
        Transaction dear = tx(1, 20);
        PooledTransaction first = add(pool, cheap, ALICE);
        PooledTransaction second = add(pool, dear, ALICE);

        accounts.balance(ALICE, cost(dear));
        pool.onNewHead(state(), BLOCK_GAS);
        assertThat(pool.size()).as("a balance equal to the cost still pays").isEqualTo(2);

        accounts.balance(ALICE, cost(dear).subtract(BigInteger.ONE));
        pool.onNewHead(state(), BLOCK_GAS);
        assertThat(pool.get(second.hash())).isEmpty();
        assertThat(pool.get(first.hash())).isPresent();
        assertThat(nonces(pool.pending().get(ALICE))).containsExactly(0L);

        accounts.balance(ALICE, cost(dear));
        // the pool knows a sender's balance at the head it was given: a block brings the new one
        pool.onNewHead(state(), BLOCK_GAS);
        add(pool, dear, ALICE);
        accounts.balance(ALICE, cost(cheap));
        pool.onNewHead(state(), BLOCK_GAS);
        assertThat(pool.get(first.hash())).as("dropping the dear one keeps one the balance pays exactly").isPresent();
        assertThat(pool.size()).isEqualTo(1);

        accounts.balance(ALICE, BigInteger.ZERO);
        pool.onNewHead(state(), BLOCK_GAS);
        assertThat(pool.size()).isZero();
        assertThat(pool.pending()).isEmpty();
    }

    @Test
    void replacingAPendingTransactionAnnouncesTheReplacementAndAQueuedOneDoesNot() {
        TransactionPool pool = pool();
        List<Bytes32> announced = new ArrayList<>();
        pool.onPending(p -> announced.add(p.hash()));
        add(pool, tx(0, 10), ALICE);
        add(pool, tx(5, 10), ALICE);
        announced.clear();

        PooledTransaction pendingReplacement = add(pool, tx(0, 11, 2, 21_000), ALICE);
        add(pool, tx(5, 11, 2, 21_000), ALICE);

        assertThat(announced).containsExactly(pendingReplacement.hash());
        assertThat(pool.size()).isEqualTo(2);
    }

    @Test
    void eachAdmissionLimitAcceptsItsBoundaryAndRefusesOnePast() {
        TransactionPool limited = pool(2, 3, GWEI.multiply(BigInteger.TEN));
        assertThatThrownBy(() -> add(limited, tx(0, 9), ALICE)).isInstanceOf(TxPoolException.class)
                .extracting(e -> ((TxPoolException) e).reason()).isEqualTo(TxPoolException.Reason.UNDERPRICED);
        add(limited, tx(0, 10), ALICE);
        add(limited, tx(1, 10), ALICE);
        assertThatThrownBy(() -> add(limited, tx(2, 10), ALICE)).extracting(e -> ((TxPoolException) e).reason())
                .isEqualTo(TxPoolException.Reason.SENDER_LIMIT);
        add(limited, tx(0, 10), BOB);
        assertThat(limited.size()).isEqualTo(3);
        PooledTransaction better = add(limited, tx(1, 50), BOB);
        assertThat(limited.size()).as("a full pool makes room, it does not grow").isEqualTo(3);
        assertThat(limited.get(better.hash())).isPresent();

        TransactionPool pool = pool();
        add(pool, tx(0, 1, 1, BLOCK_GAS), ALICE);
        assertThatThrownBy(() -> add(pool, tx(1, 1, 1, BLOCK_GAS + 1), ALICE))
                .extracting(e -> ((TxPoolException) e).reason())
                .isEqualTo(TxPoolException.Reason.EXCEEDS_BLOCK_GAS_LIMIT);

        Address exact = Address.fromHex("0x00000000000000000000000000000000000e8ac7");
        Transaction t = tx(0, 10);
        accounts.balance(exact, cost(t).subtract(BigInteger.ONE));
        assertThatThrownBy(() -> add(pool, t, exact)).extracting(e -> ((TxPoolException) e).reason())
                .isEqualTo(TxPoolException.Reason.INSUFFICIENT_FUNDS);
        accounts.balance(exact, cost(t));
        assertThat(add(pool, t, exact).sender()).isEqualTo(exact);
    }

    @Test
    void aPoolConfigurationOutOfRangeIsRefused() {
        assertThat(new TxPoolConfig(1, 1, 0, BigInteger.ZERO).maxTotal()).isEqualTo(1);
        assertThatThrownBy(() -> new TxPoolConfig(0, 1, 0, BigInteger.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TxPoolConfig(1, 0, 0, BigInteger.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TxPoolConfig(1, 1, -1, BigInteger.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TxPoolConfig(1, 1, 0, BigInteger.ONE.negate()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTransactionIsOfferedForABlockWhenItsFeeCapMeetsTheBaseFeeExactly() {
        TransactionPool pool = pool();
        add(pool, tx(0, 100, 5, 21_000), ALICE);
        BigInteger cap = GWEI.multiply(BigInteger.valueOf(100));
        assertThat(pool.selectForBlock(cap, BLOCK_GAS)).hasSize(1);
        assertThat(pool.selectForBlock(cap.add(BigInteger.ONE), BLOCK_GAS)).isEmpty();
    }
}
