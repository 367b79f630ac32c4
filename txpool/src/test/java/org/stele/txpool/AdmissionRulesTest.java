package org.stele.txpool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stele.testkit.TestAccounts.ALICE;

import java.math.BigInteger;
import java.util.Optional;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.stele.chain.tx.Transaction;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.common.crypto.Keccak256;
import org.stele.testkit.TestAccounts;
import org.stele.testkit.TxBuilder;

/** geth's admission rules: size, replay protection, the price limit, and (for on-demand sealing) the base fee. */
class AdmissionRulesTest {
    /** ALICE, the only sender here, with more than any of these transactions costs. */
    private static final AccountState RICH = AccountState
            .of(new TestAccounts().balance(ALICE, BigInteger.TEN.pow(30)).world());

    private static TransactionPool pool(TxPoolConfig config) {
        return new TransactionPool(config, Fork.CANCUN, RICH, 30_000_000);
    }

    private static Transaction fee(long maxFee, int dataBytes) {
        return TxBuilder.feeMarket().fees(maxFee, 0).gasLimit(25_000_000).data(Bytes.wrap(new byte[dataBytes]))
                .unsigned();
    }

    private static Transaction legacy(Optional<BigInteger> chainId) {
        return TxBuilder.legacy().gasPrice(10).chainId(chainId).unsigned();
    }

    private static PooledTransaction add(TransactionPool pool, Transaction tx) {
        return pool.add(tx, Bytes32.wrap(Keccak256.hash(tx.encode())), ALICE);
    }

    @Property(tries = 20)
    void aTransactionIsRefusedAsOversizedExactlyWhenItsEncodingPassesTheLimit(
            @ForAll @IntRange(min = 131_000, max = 131_200) int dataBytes) {
        Transaction tx = fee(10, dataBytes);
        TransactionPool pool = pool(TxPoolConfig.DEFAULT);
        if (tx.encode().length > TxPoolConfig.MAX_TX_BYTES) {
            assertThatThrownBy(() -> add(pool, tx)).isInstanceOf(TxPoolException.class)
                    .hasMessageStartingWith("oversized data");
        } else {
            assertThat(add(pool, tx).hash()).isNotNull();
        }
    }

    @Test
    void aLegacyTransactionWithoutReplayProtectionIsRefusedUnlessAllowed() {
        assertThatThrownBy(() -> add(pool(TxPoolConfig.DEFAULT), legacy(Optional.empty())))
                .isInstanceOf(TxPoolException.class)
                .hasMessageStartingWith("only replay-protected (EIP-155) transactions allowed over RPC");
        assertThat(add(pool(TxPoolConfig.DEFAULT), legacy(Optional.of(BigInteger.ONE))).hash()).isNotNull();
        TxPoolConfig lax = new TxPoolConfig(64, 8192, 10, BigInteger.ONE, TxPoolConfig.MAX_TX_BYTES, true);
        assertThat(add(pool(lax), legacy(Optional.empty())).hash()).isNotNull();
    }

    @Test
    void aFeeCapBelowThePriceLimitIsUnderpriced() {
        TxPoolConfig limit = new TxPoolConfig(64, 8192, 10, BigInteger.valueOf(100));
        assertThatThrownBy(() -> add(pool(limit), fee(99, 0))).isInstanceOf(TxPoolException.class)
                .hasMessageContaining("transaction underpriced").hasMessageContaining("--txpool.pricelimit");
        assertThat(add(pool(limit), fee(100, 0)).hash()).isNotNull();
        assertThatThrownBy(() -> add(pool(TxPoolConfig.DEFAULT), fee(0, 0)))
                .as("geth's default price limit is 1 wei").hasMessageContaining("transaction underpriced");
    }

    @Test
    void onceTheNextBaseFeeIsKnownAFeeCapThatCannotPayItIsRefused() {
        TransactionPool pool = pool(TxPoolConfig.DEFAULT);
        pool.onNewHead(RICH, 30_000_000, BigInteger.valueOf(875));
        assertThatThrownBy(() -> add(pool, fee(874, 0))).isInstanceOf(TxPoolException.class)
                .hasMessage("max fee per gas less than block base fee: maxFeePerGas: 874, baseFee: 875");
        assertThat(add(pool, fee(875, 0)).hash()).isNotNull();
        pool.onNewHead(RICH, 30_000_000);
        assertThatThrownBy(() -> add(pool, fee(874, 1))).as("a head without a base fee keeps the last one known")
                .hasMessageStartingWith("max fee per gas less than block base fee");
    }
}
