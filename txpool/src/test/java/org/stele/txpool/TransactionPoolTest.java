package org.stele.txpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stele.testkit.TestAccounts.ALICE;
import static org.stele.testkit.TestAccounts.BOB;
import static org.stele.testkit.TestAccounts.GWEI;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.common.crypto.Keccak256;
import org.stele.testkit.TestAccounts;
import org.stele.testkit.TxBuilder;

class TransactionPoolTest {
    private TestAccounts accounts = new TestAccounts();

    private AccountState state() {
        return AccountState.of(accounts.world());
    }

    private TransactionPool pool(TxPoolConfig config) {
        accounts.balance(ALICE, BigInteger.TEN.pow(24)).balance(BOB, BigInteger.TEN.pow(24));
        return new TransactionPool(config, org.stele.common.Fork.CANCUN, state(), 30_000_000);
    }

    private static Transaction tx(long nonce, long maxFeeGwei, long tipGwei) {
        return TxBuilder.feeMarket().nonce(nonce)
                .fees(GWEI.multiply(BigInteger.valueOf(maxFeeGwei)), GWEI.multiply(BigInteger.valueOf(tipGwei)))
                .value(1).unsigned();
    }

    private static Bytes32 hash(Transaction tx) {
        return Bytes32.wrap(Keccak256.hash(tx.encode()));
    }

    private static PooledTransaction add(TransactionPool pool, Transaction tx, Address sender) {
        return pool.add(tx, hash(tx), sender);
    }

    @Test
    void aGapKeepsLaterNoncesQueuedUntilItIsFilled() {
        TransactionPool pool = pool(TxPoolConfig.DEFAULT);
        List<Long> announced = new ArrayList<>();
        pool.onPending(p -> announced.add(p.nonce()));
        add(pool, tx(1, 10, 1), ALICE);
        add(pool, tx(2, 10, 1), ALICE);
        assertThat(pool.pendingCount()).isZero();
        assertThat(pool.queuedCount()).isEqualTo(2);
        add(pool, tx(0, 10, 1), ALICE);
        assertThat(pool.pendingCount()).isEqualTo(3);
        assertThat(announced).containsExactly(0L, 1L, 2L);
        assertThat(pool.nextNonce(ALICE)).isEqualTo(3);
    }

    @Test
    void aReplacementNeedsATenPercentBumpOfBothFees() {
        TransactionPool pool = pool(TxPoolConfig.DEFAULT);
        add(pool, tx(0, 100, 10), ALICE);
        assertThatThrownBy(() -> add(pool, tx(0, 109, 11), ALICE))
                .hasMessageStartingWith("replacement transaction underpriced");
        assertThatThrownBy(() -> add(pool, tx(0, 200, 10), ALICE))
                .hasMessageStartingWith("replacement transaction underpriced");
        PooledTransaction replacement = add(pool, tx(0, 110, 11), ALICE);
        assertThat(pool.size()).isEqualTo(1);
        assertThat(pool.get(replacement.hash())).isPresent();
    }

    @Test
    void standardRejectionsCarryTheMessagesWalletsMatchOn() {
        TransactionPool pool = pool(TxPoolConfig.DEFAULT);
        accounts.nonce(ALICE, 5);
        assertThatThrownBy(() -> add(pool, tx(4, 10, 1), ALICE)).hasMessageStartingWith("nonce too low");
        Address poor = Address.fromHex("0x0000000000000000000000000000000000000001");
        assertThatThrownBy(() -> add(pool, tx(0, 10, 1), poor))
                .hasMessageStartingWith("insufficient funds for gas * price + value");
        Transaction t = tx(5, 10, 1);
        add(pool, t, ALICE);
        assertThatThrownBy(() -> add(pool, t, ALICE)).hasMessageStartingWith("already known");
        Transaction huge = TxBuilder.feeMarket().nonce(6).fees(GWEI, GWEI).gasLimit(40_000_000).value(1).unsigned();
        assertThatThrownBy(() -> add(pool, huge, ALICE)).hasMessageStartingWith("exceeds block gas limit");
    }

    @Test
    void aFullPoolEvictsItsCheapestTransactionForABetterOne() {
        TransactionPool pool = pool(new TxPoolConfig(10, 2, 10, BigInteger.ZERO));
        add(pool, tx(0, 5, 1), ALICE);
        add(pool, tx(0, 50, 1), BOB);
        assertThatThrownBy(() -> add(pool, tx(1, 4, 1), BOB)).hasMessageStartingWith("txpool is full");
        add(pool, tx(1, 60, 1), BOB);
        assertThat(pool.pending()).containsOnlyKeys(BOB);
    }

    @Test
    void aSenderCannotTakeMoreThanItsShare() {
        TransactionPool pool = pool(new TxPoolConfig(2, 100, 10, BigInteger.ZERO));
        add(pool, tx(0, 10, 1), ALICE);
        add(pool, tx(1, 10, 1), ALICE);
        assertThatThrownBy(() -> add(pool, tx(2, 10, 1), ALICE))
                .hasMessageStartingWith("txpool is full for this sender");
    }

    @Test
    void aFarFutureNonceIsQueuedCheaply() {
        TransactionPool pool = pool(TxPoolConfig.DEFAULT);
        add(pool, tx(Long.MAX_VALUE - 1, 10, 1), ALICE);
        assertThat(pool.queuedCount()).isEqualTo(1);
    }

    @Test
    void aNewHeadDropsIncludedTransactionsAndPromotesTheRest() {
        TransactionPool pool = pool(TxPoolConfig.DEFAULT);
        add(pool, tx(0, 10, 1), ALICE);
        add(pool, tx(1, 10, 1), ALICE);
        add(pool, tx(3, 10, 1), ALICE);
        accounts.nonce(ALICE, 2);
        pool.onNewHead(state(), 30_000_000);
        assertThat(pool.size()).isEqualTo(1);
        assertThat(pool.pendingCount()).isZero();
        add(pool, tx(2, 10, 1), ALICE);
        assertThat(pool.pendingCount()).isEqualTo(2);
    }

    private static Map<Address, org.stele.evm.AccountInfo> changed(Address account, long nonce, BigInteger balance) {
        return Map.of(account,
                new org.stele.evm.AccountInfo(nonce, balance, org.stele.evm.AccountInfo.EMPTY_CODE_HASH));
    }

    @Test
    void aNewHeadGivenTheAccountsItsBlockChangedDropsIncludedTransactionsAndFollowsTheNewBalance() {
        TransactionPool pool = pool(TxPoolConfig.DEFAULT);
        accounts.balance(ALICE, GWEI.multiply(BigInteger.valueOf(21_000L * 10 + 1)));
        pool.onNewHead(state(), 30_000_000);
        add(pool, tx(0, 10, 1), ALICE);
        assertThatThrownBy(() -> add(pool, tx(1, 11, 1), ALICE)).hasMessageStartingWith("insufficient funds");
        add(pool, tx(1, 10, 1), ALICE);
        // The block took nonce 0 and paid Alice: her next transaction may cost more than her balance before it.
        accounts.nonce(ALICE, 1).balance(ALICE, BigInteger.TEN.pow(24));
        List<Long> announced = new ArrayList<>();
        pool.onPending(p -> announced.add(p.nonce()));
        pool.onNewHead(state(), 30_000_000, null, changed(ALICE, 1, BigInteger.TEN.pow(24)));
        assertThat(pool.size()).isEqualTo(1);
        assertThat(pool.pendingCount()).isEqualTo(1);
        add(pool, tx(2, 1_000, 1), ALICE);
        assertThat(pool.pendingCount()).isEqualTo(2);
        assertThat(announced).containsExactly(2L);
        // A block that lowers her balance below her transactions' cost takes them out.
        accounts.balance(ALICE, GWEI.multiply(BigInteger.valueOf(21_000L * 10 + 1)));
        pool.onNewHead(state(), 30_000_000, null, changed(ALICE, 1, accounts.balance(ALICE)));
        assertThat(pool.pending().get(ALICE)).extracting(PooledTransaction::nonce).containsExactly(1L);
    }

    @Test
    void aNewHeadGivenTheAccountsItsBlockChangedReadsNoOtherSendersAccount() {
        TransactionPool pool = pool(TxPoolConfig.DEFAULT);
        add(pool, tx(0, 10, 1), ALICE);
        add(pool, tx(0, 11, 1), BOB);
        add(pool, tx(1, 11, 1), BOB);
        // The caller vouches that only Alice changed: Bob's account, whatever the state says, is the one the pool had.
        accounts.nonce(ALICE, 1).nonce(BOB, 2);
        pool.onNewHead(state(), 30_000_000, null, changed(ALICE, 1, accounts.balance(ALICE)));
        assertThat(pool.pending()).containsOnlyKeys(BOB);
        assertThat(pool.nextNonce(BOB)).isEqualTo(2);
        assertThat(pool.pendingCount()).isEqualTo(2);
        // A sender the pool meets afterwards is read at the head it was given.
        assertThatThrownBy(() -> add(pool, tx(0, 10, 1), ALICE)).hasMessageStartingWith("nonce too low");
        pool.onNewHead(state(), 30_000_000);
        assertThat(pool.size()).isZero();
    }

    @Test
    void blockSelectionTakesTheBestTipFirstAndKeepsEachSendersNonceOrder() {
        TransactionPool pool = pool(TxPoolConfig.DEFAULT);
        add(pool, tx(0, 100, 1), ALICE);
        add(pool, tx(1, 100, 50), ALICE);
        add(pool, tx(0, 100, 5), BOB);
        accounts.balance(Address.fromHex("0x00000000000000000000000000000000000000c0"), BigInteger.TEN.pow(24));
        add(pool, tx(0, 3, 3), Address.fromHex("0x00000000000000000000000000000000000000c0"));
        List<PooledTransaction> chosen = pool.selectForBlock(GWEI.multiply(BigInteger.valueOf(7)), 30_000_000);
        assertThat(chosen).extracting(p -> p.sender().toHex() + "/" + p.nonce())
                .containsExactly(BOB.toHex() + "/0", ALICE.toHex() + "/0", ALICE.toHex() + "/1");
        assertThat(pool.selectForBlock(BigInteger.ZERO, 42_000)).hasSize(2);
    }

    @Property(tries = 200)
    void selectionNeverBreaksNonceOrderOrTheGasLimit(
            @ForAll @Size(max = 30) List<@IntRange(min = 0, max = 12) Integer> nonceList,
            @ForAll @IntRange(min = 21_000, max = 400_000) int gasLimit) {
        accounts = new TestAccounts();
        TransactionPool pool = pool(TxPoolConfig.DEFAULT);
        long fee = 10;
        for (int n : nonceList) {
            try {
                add(pool, tx(n, fee++, 1), n % 2 == 0 ? ALICE : BOB);
            } catch (TxPoolException e) {
                assertThat(e.reason()).isIn(TxPoolException.Reason.ALREADY_KNOWN,
                        TxPoolException.Reason.REPLACEMENT_UNDERPRICED);
            }
        }
        List<PooledTransaction> chosen = pool.selectForBlock(BigInteger.ZERO, gasLimit);
        assertThat(chosen.stream().mapToLong(p -> p.transaction().gasLimit()).sum()).isLessThanOrEqualTo(gasLimit);
        Map<Address, Long> expected = new HashMap<>();
        for (PooledTransaction p : chosen) {
            assertThat(p.nonce()).isEqualTo(expected.getOrDefault(p.sender(), 0L));
            expected.put(p.sender(), p.nonce() + 1);
        }
    }

    /**
     * Random admissions, new heads (nonces moving on, balances falling and rising) and removals, checked against a model
     * of the pool kept by this test (each sender's nonce → hash): after every step the pool holds exactly the model's
     * transactions, its pending view is each sender's gap-free run of them from the account nonce, the counts agree,
     * every refusal has the reason the model predicts, and every pending transaction was announced. Half the new heads
     * come with the accounts they changed (as a block's execution gives them), which the pool takes instead of reading
     * its senders' accounts at the head: it must end up the same.
     */
    @Property(tries = 300)
    void thePendingViewIsAlwaysTheGapFreeRunFromTheAccountNonce(
            @ForAll @Size(min = 1, max = 80) List<@IntRange(min = 0, max = 99) Integer> steps) {
        accounts = new TestAccounts();
        int perSender = 12;
        // room for every sender's limit, so that no eviction (tested on its own) changes the model
        TransactionPool pool = pool(new TxPoolConfig(perSender, 3 * perSender, 10, BigInteger.ZERO));
        List<Address> senders = List.of(ALICE, BOB, Address.fromHex("0x00000000000000000000000000000000000000c0"));
        accounts.balance(senders.get(2), BigInteger.TEN.pow(24));
        Map<Address, java.util.TreeMap<Long, Transaction>> model = new HashMap<>();
        senders.forEach(a -> model.put(a, new java.util.TreeMap<>()));
        java.util.Set<Bytes32> announced = new java.util.HashSet<>();
        pool.onPending(p -> announced.add(p.hash()));
        long fee = 10;
        for (int step : steps) {
            Address sender = senders.get(step % 3);
            java.util.TreeMap<Long, Transaction> mine = model.get(sender);
            long accountNonce = accounts.nonce(sender);
            if (step < 70) {
                Transaction t = tx(accountNonce + step % 7, 10 + (step % 5 == 0 ? fee += 2 : step % 4), 1);
                Transaction before = mine.get(t.nonce());
                try {
                    add(pool, t, sender);
                    assertThat(before == null ? mine.size() < perSender : bumped(before, t)).isTrue();
                    mine.put(t.nonce(), t);
                } catch (TxPoolException e) {
                    switch (e.reason()) {
                        // unsigned test transactions of two senders can share a hash
                        case ALREADY_KNOWN -> assertThat(model.values()).anyMatch(m -> m.containsValue(t));
                        case REPLACEMENT_UNDERPRICED -> assertThat(before != null && !bumped(before, t)).isTrue();
                        case SENDER_LIMIT -> assertThat(before == null && mine.size() == perSender).isTrue();
                        case INSUFFICIENT_FUNDS -> assertThat(cost(t)).isGreaterThan(accounts.balance(sender));
                        default -> throw e;
                    }
                }
            } else if (step < 85) {
                long next = accountNonce + step % 3;
                accounts.nonce(sender, next);
                if (step % 4 == 0) accounts.balance(sender, GWEI.multiply(BigInteger.valueOf(21_000L * 12)));
                if (step % 4 == 1) accounts.balance(sender, BigInteger.TEN.pow(24));
                if (step % 2 == 0) {
                    pool.onNewHead(state(), 30_000_000);
                } else {
                    var changed = Map.of(sender, new org.stele.evm.AccountInfo(accounts.nonce(sender),
                            accounts.balance(sender), org.stele.evm.AccountInfo.EMPTY_CODE_HASH));
                    pool.onNewHead(state(), 30_000_000, null, changed);
                }
                for (Address a : senders) {
                    java.util.TreeMap<Long, Transaction> txs = model.get(a);
                    txs.headMap(accounts.nonce(a)).clear();
                    BigInteger balance = accounts.balance(a);
                    txs.values().removeIf(t -> cost(t).compareTo(balance) > 0);
                }
            } else if (!mine.isEmpty()) {
                Transaction gone = new ArrayList<>(mine.values()).get(step % mine.size());
                pool.removeAll(List.of(hash(gone)));
                mine.remove(gone.nonce());
            }
            assertPoolMatches(pool, model, announced);
        }
    }

    private static boolean bumped(Transaction old, Transaction replacement) {
        BigInteger hundred = BigInteger.valueOf(100);
        BigInteger bump = BigInteger.valueOf(110);
        return replacement.maxFeePerGas().multiply(hundred).compareTo(old.maxFeePerGas().multiply(bump)) >= 0
                && replacement.maxPriorityFeePerGas().multiply(hundred)
                        .compareTo(old.maxPriorityFeePerGas().multiply(bump)) >= 0;
    }

    private static BigInteger cost(Transaction t) {
        return BigInteger.valueOf(t.gasLimit()).multiply(t.maxFeePerGas()).add(t.value());
    }

    private void assertPoolMatches(TransactionPool pool, Map<Address, java.util.TreeMap<Long, Transaction>> model,
            java.util.Set<Bytes32> announced) {
        Map<Address, List<PooledTransaction>> pending = pool.pending();
        Map<Address, List<PooledTransaction>> queued = pool.queued();
        int pendingCount = 0;
        int total = 0;
        for (Map.Entry<Address, java.util.TreeMap<Long, Transaction>> e : model.entrySet()) {
            Address a = e.getKey();
            java.util.TreeMap<Long, Transaction> txs = e.getValue();
            long n = accounts.nonce(a);
            List<Bytes32> run = new ArrayList<>();
            while (txs.containsKey(n)) run.add(hash(txs.get(n++)));
            List<Bytes32> rest = txs.values().stream().map(TransactionPoolTest::hash).filter(h -> !run.contains(h))
                    .toList();
            assertThat(pending.getOrDefault(a, List.of())).extracting(PooledTransaction::hash)
                    .containsExactlyElementsOf(run);
            assertThat(queued.getOrDefault(a, List.of())).extracting(PooledTransaction::hash)
                    .containsExactlyInAnyOrderElementsOf(rest);
            assertThat(pool.nextNonce(a)).isEqualTo(txs.isEmpty() ? accounts.nonce(a) : n);
            for (Bytes32 h : run) {
                assertThat(announced).contains(h);
                assertThat(pool.get(h)).isPresent();
            }
            pendingCount += run.size();
            total += txs.size();
        }
        assertThat(pool.pendingCount()).isEqualTo(pendingCount);
        assertThat(pool.size()).isEqualTo(total);
        assertThat(pool.queuedCount()).isEqualTo(total - pendingCount);
        assertThat(pool.selectForBlock(BigInteger.ZERO, Long.MAX_VALUE)).hasSize(pendingCount);
    }
}
