package org.stele.testchain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stele.execution.block.BlockExecutor;
import org.stele.state.BlockHashes;
import org.stele.state.WorldState;
import org.stele.testkit.TestAccounts;
import org.stele.testkit.TestChainSpec;
import org.stele.testkit.TestKeys;
import org.stele.testkit.TxBuilder;

class TestChainTest {
    @Test
    void aMinedTransferIsTheNewHeadAndMovesTheValue() {
        var alice = TestKeys.address(TestKeys.DEV_0);
        TestChain chain = new TestChain(Map.of(alice, TestChain.funded(TestAccounts.ETHER),
                TestAccounts.ALICE, TestChain.contract("0x00")));
        var tx = TxBuilder.feeMarket().chainId(TestChainSpec.CHAIN_ID).fees(2_000_000_000L, 1).value(5)
                .signedBy(TestKeys.DEV_0);

        BlockExecutor.Result r = chain.mine(List.of(new BlockExecutor.Candidate(tx, alice)));

        assertThat(r.rejected()).isEmpty();
        assertThat(chain.head()).isEqualTo(r.block().header());
        assertThat(chain.head().number()).isEqualTo(1);
        WorldState state = WorldState.open(chain.store(), chain.head().stateRoot(), BlockHashes.NONE);
        assertThat(state.account(TestAccounts.BOB).balance()).isEqualTo(BigInteger.valueOf(5));
        assertThat(state.account(TestAccounts.ALICE).nonce()).isEqualTo(1);
        assertThat(state.codeAt(TestAccounts.ALICE).toHex()).isEqualTo("0x00");
    }
}
