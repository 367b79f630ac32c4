package org.stele.txpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stele.testkit.TestAccounts.ALICE;
import static org.stele.testkit.TestAccounts.BOB;
import static org.stele.testkit.TestAccounts.GWEI;

import java.math.BigInteger;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.common.crypto.Keccak256;
import org.stele.evm.WorldView;
import org.stele.execution.InvalidTransaction;
import org.stele.execution.policy.PolicyRefusal;
import org.stele.execution.policy.TransactionPolicy;
import org.stele.testkit.TestAccounts;
import org.stele.testkit.TxBuilder;

/**
 * The chain's own rules in the pool ({@link TransactionPool#enforce}), read from the head's state as governance's are:
 * refused at admission, and at a new head a sender the rules now refuse loses every transaction while a transaction
 * refused only for its recipient leaves its sender's queue alone. The policy here reads two marker accounts of the
 * state (nonce 1 freezes Alice, or the contract), so that a freeze arrives with a new head exactly as a governance
 * change does.
 */
class PoolChainRulesTest {
    private static final long BLOCK_GAS = 30_000_000;
    private static final Address CONTRACT = Address.fromHex("0x00000000000000000000000000000000000c0de0");
    private static final Address ALICE_FROZEN_MARK = Address.fromHex("0x00000000000000000000000000000000f0000001");
    private static final Address CONTRACT_FROZEN_MARK = Address.fromHex("0x00000000000000000000000000000000f0000002");

    private static final TransactionPolicy FREEZES = state -> (sender, tx) -> {
        if (sender.equals(ALICE) && marked(state, ALICE_FROZEN_MARK))
            return Optional
                    .of(new PolicyRefusal(InvalidTransaction.ACCOUNT_FROZEN, "account " + sender + " is frozen"));
        if (tx.to().equals(Optional.of(CONTRACT)) && marked(state, CONTRACT_FROZEN_MARK))
            return Optional.of(new PolicyRefusal(InvalidTransaction.CONTRACT_FROZEN, "contract is frozen"));
        return Optional.empty();
    };

    private final TestAccounts accounts = new TestAccounts().fundIfAbsent(ALICE, BigInteger.TEN.pow(24))
            .fundIfAbsent(BOB, BigInteger.TEN.pow(24));

    private static boolean marked(WorldView state, Address mark) {
        var account = state.account(mark);
        return account != null && account.nonce() == 1;
    }

    private TransactionPool pool() {
        TransactionPool pool = new TransactionPool(TxPoolConfig.DEFAULT, Fork.CANCUN, AccountState.of(accounts.world()),
                BLOCK_GAS);
        pool.enforce(FREEZES);
        return pool;
    }

    private static Transaction tx(long nonce, Address to) {
        return TxBuilder.feeMarket().nonce(nonce).fees(GWEI.multiply(BigInteger.TEN), GWEI).gasLimit(30_000).to(to)
                .value(1).unsigned();
    }

    private static PooledTransaction add(TransactionPool pool, Transaction tx, Address sender) {
        Bytes32 hash = Bytes32.wrap(Keccak256.hash(Bytes.concat(Bytes.wrap(tx.encode()), sender.toBytes()).toArray()));
        return pool.add(tx, hash, sender);
    }

    @Test
    void aFrozenSenderIsRefusedAtAdmission() {
        accounts.nonce(ALICE_FROZEN_MARK, 1);
        TransactionPool pool = pool();

        assertThatThrownBy(() -> add(pool, tx(0, BOB), ALICE)).isInstanceOfSatisfying(TxPoolException.class,
                e -> assertThat(e.reason()).isEqualTo(TxPoolException.Reason.CHAIN_RULES));
        assertThat(add(pool, tx(0, ALICE), BOB)).as("another sender").isNotNull();
        assertThat(pool.size()).isEqualTo(1);
    }

    @Test
    void thePoolSaysWhatItsHeadsRulesRefuseWithoutAdmittingAnything() {
        TransactionPool pool = pool();
        Transaction transfer = tx(0, BOB);
        assertThat(pool.chainRulesRefusal(ALICE, transfer)).isEmpty();

        accounts.nonce(ALICE_FROZEN_MARK, 1);
        pool.onNewHead(AccountState.of(accounts.world()), BLOCK_GAS);

        assertThat(pool.chainRulesRefusal(ALICE, transfer)).get().extracting(PolicyRefusal::reason)
                .isEqualTo(InvalidTransaction.ACCOUNT_FROZEN);
        assertThat(pool.chainRulesRefusal(BOB, tx(0, ALICE))).as("another sender").isEmpty();
        assertThat(pool.size()).isZero();
    }

    @Test
    void aSenderFrozenAtANewHeadLosesEveryTransactionWhileOthersKeepTheirs() {
        TransactionPool pool = pool();
        PooledTransaction first = add(pool, tx(0, BOB), ALICE);
        PooledTransaction queued = add(pool, tx(2, BOB), ALICE);
        PooledTransaction bobs = add(pool, tx(0, ALICE), BOB);

        accounts.nonce(ALICE_FROZEN_MARK, 1);
        pool.onNewHead(AccountState.of(accounts.world()), BLOCK_GAS);

        assertThat(pool.get(first.hash())).isEmpty();
        assertThat(pool.get(queued.hash())).as("queued ones too").isEmpty();
        assertThat(pool.pending()).containsOnlyKeys(BOB);
        assertThat(pool.get(bobs.hash())).isPresent();
        assertThat(pool.size()).isEqualTo(1);
    }

    @Test
    void aTransactionToAContractFrozenAtANewHeadDoesNotCostItsSenderTheQueue() {
        TransactionPool pool = pool();
        PooledTransaction toContract = add(pool, tx(0, CONTRACT), ALICE);
        PooledTransaction next = add(pool, tx(1, BOB), ALICE);

        accounts.nonce(CONTRACT_FROZEN_MARK, 1);
        pool.onNewHead(AccountState.of(accounts.world()), BLOCK_GAS);

        // The sender is not refused, only that transaction is: the builder leaves it out, the pool keeps the queue.
        assertThat(pool.get(toContract.hash())).isPresent();
        assertThat(pool.get(next.hash())).isPresent();
        assertThatThrownBy(() -> add(pool, tx(2, CONTRACT), ALICE)).isInstanceOfSatisfying(TxPoolException.class,
                e -> assertThat(e.reason()).isEqualTo(TxPoolException.Reason.CHAIN_RULES));
    }
}
