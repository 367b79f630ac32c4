package org.stele.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stele.rpc.RpcChain.q;

import java.math.BigInteger;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stele.chain.BaseFee;
import org.stele.chain.BlockHeader;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.execution.block.BlockExecutor;
import org.stele.rpc.RpcChain;
import org.stele.testchain.TestChain;
import org.stele.testkit.TestChainSpec;
import org.stele.testkit.TestKeys;
import org.stele.testkit.TxBuilder;

/**
 * Calls and estimates against {@code pending} run in the next block's context, as anvil runs them. ERC-1056's registry
 * stores {@code block.number} at every change of an identity; estimated in the head's own context, the second change in
 * a row looks 2,800 gas cheaper than it is, and the transaction sent with that estimate runs out of gas.
 */
class PendingCallContextTest {
    private static final Address ALICE = TestKeys.address(TestKeys.DEV_0);
    /** NUMBER PUSH1 0 SSTORE STOP: stores the block number in slot 0, as ERC-1056's changed[identity] does. */
    private static final Address STAMP = Address.fromHex("0x00000000000000000000000000000000000000aa");
    /** Returns (block.number, block.timestamp, block.basefee) as three words. */
    private static final Address CONTEXT = Address.fromHex("0x00000000000000000000000000000000000000bb");
    private static final String STAMP_CODE = "4360005500";
    private static final String CONTEXT_CODE = "43600052" + "42602052" + "48604052" + "60606000f3";
    private static final BigInteger FEE_CAP = BigInteger.TEN.pow(10);

    private final RpcChain chain = new RpcChain(Map.of(ALICE, TestChain.funded(BigInteger.TEN.pow(21)), STAMP,
            TestChain.contract(STAMP_CODE), CONTEXT, TestChain.contract(CONTEXT_CODE)));

    private void serveWithClock(InstantSource clock) {
        chain.serving(CallMethods.all(chain.backend(), new Calls(chain.backend(), 50_000_000, clock)));
    }

    private Transaction stamp(long nonce, long gas) {
        return TxBuilder.feeMarket().chainId(TestChainSpec.CHAIN_ID).nonce(nonce).fees(FEE_CAP, BigInteger.ONE)
                .gasLimit(gas).to(STAMP).signedBy(TestKeys.DEV_0);
    }

    private boolean mined(Transaction tx) {
        return chain.mine(List.of(new BlockExecutor.Candidate(tx, ALICE))).receipts().getFirst().success();
    }

    private long estimate(String... block) {
        String call = "{\"from\":\"" + ALICE.toHex() + "\",\"to\":\"" + STAMP.toHex() + "\"}";
        String[] params = block.length == 0 ? new String[]{call} : new String[]{call, q(block[0])};
        return Long.decode(chain.call("eth_estimateGas", params).asText());
    }

    @Test
    void aSecondChangeInARowEstimatedWithoutABlockIsMinedWithItsEstimate() {
        serveWithClock(InstantSource.system());
        assertThat(mined(stamp(0, 100_000))).as("the first change").isTrue();

        long estimate = estimate();
        assertThat(estimate).isEqualTo(estimate("pending"));
        assertThat(mined(stamp(1, estimate))).as("the second change, sent with its estimate").isTrue();
    }

    @Test
    void anEstimateAgainstLatestUnderstatesAChangeOfBlockNumberByTheCostOfADirtySlot() {
        serveWithClock(InstantSource.system());
        assertThat(mined(stamp(0, 100_000))).isTrue();

        long atLatest = estimate("latest");
        long atPending = estimate("pending");
        // Rewriting slot 0 with the value it holds is a no-op store (100 gas); writing a new value costs 2,900. The
        // no-op store still needs more than the 2,300-gas stipend left (EIP-2200), so the estimates differ by 2,699:
        // 21,000 + 5 + 2,100 (cold slot) + 2,900 against 21,000 + 5 + 2,301.
        assertThat(atLatest).isEqualTo(23_306);
        assertThat(atPending).isEqualTo(26_005);
        assertThat(mined(stamp(1, atLatest))).as("sent with the estimate of the head's own context").isFalse();
    }

    @Test
    void aCallAgainstPendingSeesTheNextBlocksNumberTimestampAndBaseFee() {
        chain.mine(List.of());
        BlockHeader head = chain.backend().blocks().head().orElseThrow();
        serveWithClock(InstantSource.fixed(Instant.ofEpochSecond(head.timestamp() + 100)));

        Bytes pending = Bytes
                .fromHex(chain.call("eth_call", "{\"from\":\"" + ALICE.toHex() + "\",\"to\":\"" + CONTEXT.toHex()
                        + "\",\"maxFeePerGas\":\"0x" + FEE_CAP.toString(16) + "\"}", q("pending")).asText());
        assertThat(word(pending, 0)).isEqualTo(head.number() + 1);
        assertThat(word(pending, 1)).isEqualTo(head.timestamp() + 100);
        assertThat(word(pending, 2)).isEqualTo(BaseFee.next(head).longValueExact());

        Bytes latest = Bytes
                .fromHex(chain.call("eth_call", "{\"from\":\"" + ALICE.toHex() + "\",\"to\":\"" + CONTEXT.toHex()
                        + "\",\"maxFeePerGas\":\"0x" + FEE_CAP.toString(16) + "\"}").asText());
        assertThat(word(latest, 0)).as("eth_call without a block reads latest").isEqualTo(head.number());
        assertThat(word(latest, 1)).isEqualTo(head.timestamp());
        assertThat(word(latest, 2)).isEqualTo(head.baseFeePerGas().orElseThrow().longValueExact());
    }

    @Test
    void theNextBlocksTimestampIsAfterTheHeadsEvenWhenTheClockIsBehind() {
        BlockHeader head = chain.backend().blocks().head().orElseThrow();
        serveWithClock(InstantSource.fixed(Instant.ofEpochSecond(head.timestamp() - 50)));

        Bytes pending = Bytes.fromHex(chain.call("eth_call", "{\"to\":\"" + CONTEXT.toHex() + "\"}", q("pending"))
                .asText());
        assertThat(word(pending, 1)).isEqualTo(head.timestamp() + 1);
    }

    private static long word(Bytes output, int i) {
        return new BigInteger(1, output.slice(32 * i, 32).toArray()).longValueExact();
    }
}
