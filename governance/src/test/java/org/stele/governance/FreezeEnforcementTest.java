package org.stele.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stele.testkit.TestKeys.SUITE;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stele.chain.Block;
import org.stele.chain.rules.BlockRule;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Fork;
import org.stele.common.crypto.KeyPair;
import org.stele.execution.InvalidTransaction;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.importer.ImportResult;
import org.stele.testkit.TestChainSpec;
import org.stele.testkit.TestKeys;
import org.stele.txpool.AccountState;
import org.stele.txpool.TransactionPool;
import org.stele.txpool.TxPoolConfig;
import org.stele.txpool.TxPoolException;

/**
 * A freeze decided by the committee, enforced from the state of the parent block: by the real pool, the real block
 * builder and the real block importer.
 */
class FreezeEnforcementTest {
    private static final KeyPair GOVERNOR = TestKeys.named("governor");
    private static final KeyPair SUSPECT = TestKeys.named("suspect");
    private static final KeyPair HONEST = TestKeys.named("honest");
    private static final Address CONTRACT = Address.fromHex("0x00000000000000000000000000000000000c0de1");

    private final GovChain chain = new GovChain(new GovernanceGenesis(List.of(new Governor(a(GOVERNOR), 1)), 50, 50,
            100, List.of(a(GOVERNOR)), List.of(a(GOVERNOR)), ChainParameters.UNSET),
            List.of(GOVERNOR, SUSPECT, HONEST));

    private static Address a(KeyPair k) {
        return TestKeys.address(k);
    }

    private void decide(Bytes call) {
        GovChain.Sent proposed = chain.send(GOVERNOR, SystemContract.COMMITTEE.address(),
                GovernanceCalls.propose(SystemContract.FREEZES.address(), call, "freeze"));
        long id = Abi.uint(proposed.output()).longValueExact();
        assertThat(chain.send(GOVERNOR, SystemContract.COMMITTEE.address(), GovernanceCalls.vote(id, true)).success())
                .isTrue();
    }

    private Transaction transfer(KeyPair from, Address to) {
        return chain.tx(from, to, Bytes.EMPTY);
    }

    private TransactionPool pool() {
        TransactionPool pool = new TransactionPool(TxPoolConfig.DEFAULT, Fork.CANCUN,
                AccountState.of(chain.headState()), TestChainSpec.GAS_LIMIT);
        pool.enforce(GovernancePolicy.INSTANCE);
        return pool;
    }

    private static void add(TransactionPool pool, Transaction tx) {
        pool.add(tx, tx.hash(SUITE), tx.sender(SUITE));
    }

    @Test
    void aBlockHoldingAFrozenAccountsTransactionIsRefusedNamingTheRule() {
        decide(GovernanceCalls.freeze(a(SUSPECT), "court order"));

        ImportResult result = chain.importBlock(chain.build(transfer(HONEST, CONTRACT), transfer(SUSPECT, CONTRACT)));

        assertThat(result).isInstanceOfSatisfying(ImportResult.Refused.class, r -> {
            assertThat(r.refusal().rule()).isEqualTo(BlockRule.INVALID_TRANSACTION);
            assertThat(r.refusal().transaction()).contains(InvalidTransaction.ACCOUNT_FROZEN);
            assertThat(r.refusal().detail()).startsWith("transaction 1: account " + a(SUSPECT).toChecksumHex())
                    .contains("frozen");
        });
    }

    @Test
    void aBlockCallingAFrozenContractIsRefused() {
        decide(GovernanceCalls.freeze(CONTRACT, "exploit"));

        ImportResult result = chain.importBlock(chain.build(transfer(HONEST, CONTRACT)));

        assertThat(result).isInstanceOfSatisfying(ImportResult.Refused.class,
                r -> assertThat(r.refusal().transaction()).contains(InvalidTransaction.CONTRACT_FROZEN));
    }

    @Test
    void aFreezeAppliesFromTheBlockAfterTheOneThatExecutesIt() {
        GovChain.Sent proposed = chain.send(GOVERNOR, SystemContract.COMMITTEE.address(), GovernanceCalls.propose(
                SystemContract.FREEZES.address(), GovernanceCalls.freeze(a(SUSPECT), "x"), "freeze"));
        long id = Abi.uint(proposed.output()).longValueExact();
        Transaction vote = chain.tx(GOVERNOR, SystemContract.COMMITTEE.address(), GovernanceCalls.vote(id, true));

        Block sameBlock = chain.build(vote, transfer(SUSPECT, CONTRACT));

        assertThat(chain.importBlock(sameBlock)).isInstanceOf(ImportResult.Imported.class);
        assertThat(chain.governance().isFrozen(a(SUSPECT))).isTrue();
        assertThat(chain.importBlock(chain.build(transfer(SUSPECT, CONTRACT))))
                .isInstanceOf(ImportResult.Refused.class);
    }

    @Test
    void anUnfrozenAccountsTransactionsAreAcceptedAgain() {
        decide(GovernanceCalls.freeze(a(SUSPECT), "x"));
        decide(GovernanceCalls.unfreeze(a(SUSPECT)));

        assertThat(chain.importBlock(chain.build(transfer(SUSPECT, CONTRACT))))
                .isInstanceOf(ImportResult.Imported.class);
        add(pool(), transfer(SUSPECT, CONTRACT));
    }

    @Test
    void theBuilderWithThePolicyLeavesAFrozenAccountsTransactionOutAndTheImporterTakesTheBlock() {
        decide(GovernanceCalls.freeze(a(SUSPECT), "x"));
        Transaction frozen = transfer(SUSPECT, CONTRACT);
        Transaction honest = transfer(HONEST, CONTRACT);

        BlockExecutor.Result built = new BlockExecutor(Fork.CANCUN, SUITE, TestChainSpec.CHAIN_ID, chain.store,
                chain.blocks, GovernancePolicy.INSTANCE).build(chain.head(), chain.head().timestamp() + 1,
                        Address.ZERO, List.of(new BlockExecutor.Candidate(frozen, a(SUSPECT)),
                                new BlockExecutor.Candidate(honest, a(HONEST))));

        assertThat(built.block().body().transactions()).containsExactly(honest);
        assertThat(built.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).contains("frozen"));
        assertThat(chain.importBlock(built.block())).isInstanceOf(ImportResult.Imported.class);
    }

    @Test
    void thePoolRefusesAFrozenAccountsTransactionAndOneCallingAFrozenContract() {
        decide(GovernanceCalls.freeze(a(SUSPECT), "x"));
        decide(GovernanceCalls.freeze(CONTRACT, "y"));
        TransactionPool pool = pool();

        assertThatThrownBy(() -> add(pool, transfer(SUSPECT, a(HONEST)))).isInstanceOfSatisfying(
                TxPoolException.class, e -> {
                    assertThat(e.reason()).isEqualTo(TxPoolException.Reason.CHAIN_RULES);
                    assertThat(e.getMessage()).isEqualTo("refused by the chain's governance: account "
                            + a(SUSPECT).toChecksumHex() + " is frozen by governance (Freezes "
                            + SystemContract.FREEZES.address().toHex() + ")");
                });
        assertThatThrownBy(() -> add(pool, transfer(HONEST, CONTRACT)))
                .hasMessageContaining("recipient " + CONTRACT.toChecksumHex() + " is frozen");
        assertThatThrownBy(() -> add(pool, transfer(HONEST, a(SUSPECT)))).as("nor does a frozen account receive")
                .hasMessageContaining("is frozen");
        add(pool, transfer(HONEST, a(GOVERNOR)));
        assertThat(pool.size()).isEqualTo(1);
    }

    @Test
    void thePoolDropsTheTransactionsOfAnAccountFrozenAfterTheyArrived() {
        TransactionPool pool = pool();
        add(pool, transfer(SUSPECT, CONTRACT));
        add(pool, transfer(HONEST, CONTRACT));

        decide(GovernanceCalls.freeze(a(SUSPECT), "x"));
        pool.onNewHead(AccountState.of(chain.headState()), TestChainSpec.GAS_LIMIT, BigInteger.ZERO);

        assertThat(pool.pending()).containsOnlyKeys(a(HONEST));
    }
}
