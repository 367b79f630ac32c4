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
import org.stele.execution.importer.ImportResult;
import org.stele.testkit.TestChainSpec;
import org.stele.testkit.TestKeys;
import org.stele.testkit.TxBuilder;
import org.stele.txpool.AccountState;
import org.stele.txpool.TransactionPool;
import org.stele.txpool.TxPoolConfig;
import org.stele.txpool.TxPoolException;

/** The chain's parameters, set by proposal, apply from the next block: in the builder, the importer and the pool. */
class ParametersTest {
    private static final KeyPair GOVERNOR = TestKeys.named("governor");
    private static final KeyPair USER = TestKeys.named("user");
    private static final Address PARAMETERS = SystemContract.PARAMETERS.address();

    private final GovChain chain = new GovChain(new GovernanceGenesis(List.of(new Governor(a(GOVERNOR), 1)), 50, 50,
            100, List.of(a(GOVERNOR)), List.of(a(GOVERNOR)), new ChainParameters(TestChainSpec.GAS_LIMIT,
                    BigInteger.ZERO, ChainParameters.DEFAULT_MAX_TX_SIZE, 1000)),
            List.of(GOVERNOR, USER));

    private static Address a(KeyPair k) {
        return TestKeys.address(k);
    }

    private GovChain.Sent decide(Bytes call) {
        GovChain.Sent proposed = chain.send(GOVERNOR, SystemContract.COMMITTEE.address(),
                GovernanceCalls.propose(PARAMETERS, call, "parameter"));
        long id = Abi.uint(proposed.output()).longValueExact();
        return chain.send(GOVERNOR, SystemContract.COMMITTEE.address(), GovernanceCalls.vote(id, true));
    }

    private Transaction transfer(long maxFee, Bytes data) {
        return TxBuilder.feeMarket().chainId(TestChainSpec.CHAIN_ID).nonce(chain.nonce(a(USER)))
                .fees(maxFee, 1_000_000_000L).gasLimit(100_000).to(a(GOVERNOR)).data(data).signedBy(USER);
    }

    private TransactionPool pool() {
        TransactionPool pool = new TransactionPool(TxPoolConfig.DEFAULT, Fork.CANCUN,
                AccountState.of(chain.headState()), chain.head().gasLimit());
        pool.enforce(GovernancePolicy.INSTANCE);
        return pool;
    }

    @Test
    void aGasLimitChangeAppliesFromTheNextBlockInOneStep() {
        GovChain.Sent vote = decide(GovernanceCalls.setBlockGasLimit(12_000_000));
        long changedIn = chain.head().number();
        assertThat(vote.logs()).anySatisfy(
                l -> assertThat(l.topics().getFirst()).isEqualTo(Abi.topic("BlockGasLimitChanged(uint256)")));
        assertThat(chain.head().gasLimit()).as("the block that executes the change").isEqualTo(TestChainSpec.GAS_LIMIT);

        Block next = chain.buildHonestly(transfer(2_000_000_000L, Bytes.EMPTY));

        assertThat(next.header().number()).isEqualTo(changedIn + 1);
        assertThat(next.header().gasLimit()).isEqualTo(12_000_000);
        assertThat(chain.importBlock(next)).isInstanceOf(ImportResult.Imported.class);
    }

    @Test
    void aBlockKeepingTheOldGasLimitAfterAChangeIsRefused() {
        decide(GovernanceCalls.setBlockGasLimit(12_000_000));

        ImportResult result = chain.importBlock(chain.build());

        assertThat(result).isInstanceOfSatisfying(ImportResult.Refused.class, r -> {
            assertThat(r.refusal().rule()).isEqualTo(BlockRule.GAS_LIMIT);
            assertThat(r.refusal().detail()).isEqualTo("gas limit 30000000, the chain's parameters set 12000000");
        });
    }

    @Test
    void aMinimumGasPriceRefusesCheaperTransactionsInThePoolAndInBlocks() {
        decide(GovernanceCalls.setMinGasPrice(BigInteger.valueOf(3_000_000_000L)));
        Transaction cheap = transfer(2_000_000_000L, Bytes.EMPTY);

        assertThatThrownBy(() -> pool().add(cheap, cheap.hash(SUITE), a(USER))).isInstanceOfSatisfying(
                TxPoolException.class, e -> assertThat(e.getMessage()).contains("below the chain's minimum gas price"));
        assertThat(chain.importBlock(chain.build(cheap))).isInstanceOfSatisfying(ImportResult.Refused.class,
                r -> assertThat(r.refusal().transaction()).contains(InvalidTransaction.GAS_PRICE_BELOW_MINIMUM));
        Transaction enough = transfer(3_000_000_000L, Bytes.EMPTY);
        pool().add(enough, enough.hash(SUITE), a(USER));
    }

    @Test
    void aMaximumTransactionSizeRefusesLargerOnes() {
        decide(GovernanceCalls.setMaxTxSize(1024));
        Transaction large = transfer(2_000_000_000L, Bytes.wrap(new byte[1024]));

        assertThat(chain.importBlock(chain.build(large))).isInstanceOfSatisfying(ImportResult.Refused.class,
                r -> assertThat(r.refusal().transaction()).contains(InvalidTransaction.TX_SIZE_EXCEEDED));
        assertThatThrownBy(() -> pool().add(large, large.hash(SUITE), a(USER)))
                .hasMessageContaining("above the chain's maximum of 1024");
    }

    @Test
    void aValueOutOfRangeIsRefusedByTheContractWithItsBounds() {
        GovChain.Sent vote = decide(GovernanceCalls.setBlockGasLimit(1000));

        assertThat(vote.success()).isFalse();
        assertThat(vote.output().toHex()).contains(Abi.error("OutOfRange(string,uint256,uint256,uint256)",
                new org.web3j.abi.datatypes.Utf8String("blockGasLimit"), Abi.uint(1000), Abi.uint(5_000_000),
                Abi.uint(1_000_000_000)).toHex().substring(2));
        assertThat(chain.governance().parameters().blockGasLimit()).isEqualTo(TestChainSpec.GAS_LIMIT);
    }
}
