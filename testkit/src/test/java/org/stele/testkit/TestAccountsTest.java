package org.stele.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stele.testkit.TestAccounts.ALICE;
import static org.stele.testkit.TestAccounts.BOB;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class TestAccountsTest {
    @Test
    void aNonceAndABalanceAreSetApartAndTheWorldSeesEveryChange() {
        TestAccounts accounts = new TestAccounts().balance(ALICE, BigInteger.TEN).nonce(ALICE, 4);
        var world = accounts.world();
        assertThat(world.account(ALICE).balance()).isEqualTo(BigInteger.TEN);
        assertThat(world.account(ALICE).nonce()).isEqualTo(4);
        accounts.balance(ALICE, BigInteger.ONE);
        assertThat(world.account(ALICE).nonce()).isEqualTo(4);
        assertThat(accounts.balance(ALICE)).isEqualTo(BigInteger.ONE);
        assertThat(accounts.nonce(BOB)).isZero();
        assertThat(accounts.balance(BOB)).isZero();
    }

    @Test
    void fundingIfAbsentKeepsABalanceAlreadySet() {
        TestAccounts accounts = new TestAccounts().balance(ALICE, BigInteger.TWO);
        accounts.fundIfAbsent(ALICE, BigInteger.TEN).fundIfAbsent(BOB, BigInteger.TEN);
        assertThat(accounts.balance(ALICE)).isEqualTo(BigInteger.TWO);
        assertThat(accounts.balance(BOB)).isEqualTo(BigInteger.TEN);
    }

    @Test
    void aChildHeaderFollowsItsParent() {
        var genesis = TestBlocks.genesis().build();
        var child = TestBlocks.child(genesis).build();
        assertThat(child.parentHash()).isEqualTo(genesis.hash(TestKeys.SUITE));
        assertThat(child.number()).isEqualTo(1);
        assertThat(child.timestamp()).isEqualTo(genesis.timestamp() + 1);
        assertThat(child.gasLimit()).isEqualTo(TestChainSpec.GAS_LIMIT);
    }
}
