package org.stele.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stele.chain.Block;
import org.stele.chain.BlockHeader;
import org.stele.chain.Log;
import org.stele.chain.Receipt;
import org.stele.chain.tx.Transaction;
import org.stele.chain.tx.TransactionSignature;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.rpc.JsonRpcException;
import org.stele.rpc.Params;
import org.stele.rpc.RpcSession;
import org.stele.testkit.TestBlocks;
import org.stele.testkit.TxBuilder;

class LogsFiltersAndSubscriptionsTest {
    private static final Secp256k1KeccakSuite SUITE = Secp256k1KeccakSuite.instance();
    private static final Address TOKEN = Address.fromHex("0x00000000000000000000000000000000000000aa");
    private static final Address OTHER = Address.fromHex("0x00000000000000000000000000000000000000bb");
    private static final Bytes32 TRANSFER = Bytes32
            .fromHex("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");

    private final ObjectMapper json = new ObjectMapper();
    private final EthMethodsTest.MapBlockStore store = new EthMethodsTest.MapBlockStore();
    private final EthJson ethJson = new EthJson(SUITE);
    private final LogQuery query = new LogQuery(store, ethJson, 100, 5);
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final InstantSource clock = () -> now;

    private Block append(Log... logs) {
        long number = store.head().map(h -> h.number() + 1).orElse(0L);
        List<Transaction> txs = new ArrayList<>();
        List<Receipt> receipts = new ArrayList<>();
        for (int i = 0; i < logs.length; i++) {
            txs.add(TxBuilder.feeMarket().nonce(number * 10 + i).gasLimit(50_000).to(TOKEN)
                    .with(new TransactionSignature(0, BigInteger.ONE, BigInteger.TWO)));
            receipts.add(Receipt.of(txs.get(i).type(), true, 50_000L * (i + 1), List.of(logs[i])));
        }
        BlockHeader h = store.head().map(TestBlocks::child).orElseGet(TestBlocks::genesis)
                .logsBloom(Receipt.blockBloom(receipts)).build();
        Block b = TestBlocks.block(h, txs);
        store.add(b, receipts);
        return b;
    }

    private static Log transfer(Address token) {
        return new Log(token, List.of(TRANSFER, Bytes32.ZERO), Bytes.of((byte) 1));
    }

    private LogFilter filter(String text) throws Exception {
        return LogFilter.parse(Params.of(json.readTree(text)), 0);
    }

    @Test
    void getLogsFindsMatchesByAddressAndTopicAcrossARange() throws Exception {
        append();
        append(transfer(TOKEN), transfer(OTHER));
        append(new Log(TOKEN, List.of(Bytes32.ZERO), Bytes.EMPTY));
        JsonNode logs = query.run(filter("{\"fromBlock\":\"0x0\",\"toBlock\":\"latest\",\"address\":\"" + TOKEN.toHex()
                + "\",\"topics\":[\"" + TRANSFER.toHex() + "\"]}"));
        assertThat(logs).hasSize(1);
        assertThat(logs.get(0).get("blockNumber").asText()).isEqualTo("0x1");
        JsonNode any = query
                .run(filter("{\"fromBlock\":\"earliest\",\"topics\":[null, \"" + Bytes32.ZERO.toHex() + "\"]}"));
        assertThat(any).hasSize(2);
        assertThat(any.get(1).get("logIndex").asText()).isEqualTo("0x1");
    }

    @Test
    void queriesOverTheRangeOrResultLimitsAreRefusedWithAClearError() throws Exception {
        append();
        for (int i = 0; i < 6; i++) append(transfer(TOKEN));
        assertThatThrownBy(() -> query.run(filter("{\"fromBlock\":\"0x0\"}"))).isInstanceOf(JsonRpcException.class)
                .hasMessageContaining("more than 5 results");
        LogQuery narrow = new LogQuery(store, ethJson, 3, 100);
        assertThatThrownBy(() -> narrow.run(filter("{\"fromBlock\":\"0x0\"}")))
                .hasMessageContaining("exceeds the limit of 3");
        assertThatThrownBy(() -> filter("{\"topics\":[1]}")).hasMessageContaining("filter.topics");
    }

    @Test
    void aPollingFilterReturnsOnlyWhatIsNewAndExpiresWhenNotPolled() throws Exception {
        FilterManager filters = new FilterManager(query, ethJson, clock, Duration.ofMinutes(5), 10);
        append();
        String blocks = filters.install(FilterManager.Kind.BLOCKS, null);
        String logs = filters.install(FilterManager.Kind.LOGS, filter("{\"address\":\"" + TOKEN.toHex() + "\"}"));
        Block b = append(transfer(TOKEN), transfer(OTHER));
        filters.onBlock(b, store.receipts(b.header().hash(SUITE)).orElseThrow());
        assertThat(filters.changes(blocks)).hasSize(1);
        assertThat(filters.changes(blocks)).isEmpty();
        assertThat(filters.changes(logs)).hasSize(1);
        now = now.plus(Duration.ofMinutes(6));
        assertThatThrownBy(() -> filters.changes(blocks)).hasMessageContaining("filter not found");
    }

    @Test
    void subscribersReceiveHeadsAndMatchingLogsUntilTheyUnsubscribe() throws Exception {
        SubscriptionManager subs = new SubscriptionManager(ethJson, query, 2);
        List<JsonNode> pushed = new ArrayList<>();
        RpcSession ws = pushingTo(pushed);
        append();
        String heads = subs.subscribe(ws, SubscriptionManager.Kind.NEW_HEADS, null);
        subs.subscribe(ws, SubscriptionManager.Kind.LOGS, filter("{\"address\":\"" + OTHER.toHex() + "\"}"));
        assertThatThrownBy(() -> subs.subscribe(ws, SubscriptionManager.Kind.NEW_HEADS, null))
                .hasMessageContaining("too many subscriptions");
        assertThatThrownBy(() -> subs.subscribe(RpcSession.HTTP, SubscriptionManager.Kind.NEW_HEADS, null))
                .hasMessageContaining("WebSocket");
        Block b = append(transfer(TOKEN), transfer(OTHER));
        subs.onBlock(b, store.receipts(b.header().hash(SUITE)).orElseThrow());
        assertThat(pushed).hasSize(2);
        assertThat(pushed.get(0).get("params").get("subscription").asText()).isEqualTo(heads);
        assertThat(pushed.get(0).get("params").get("result").has("transactions")).isFalse();
        assertThat(pushed.get(1).get("params").get("result").get("address").asText()).isEqualTo(OTHER.toHex());
        assertThat(subs.unsubscribe(ws, heads)).isTrue();
        assertThat(subs.unsubscribe(ws, heads)).isFalse();
    }

    @Test
    void aPendingTransactionIsPushedToEachPendingTransactionsSubscriberOnlyAndOnlyWhileSubscribed() {
        SubscriptionManager subs = new SubscriptionManager(ethJson, query, 4);
        List<JsonNode> first = new ArrayList<>();
        List<JsonNode> second = new ArrayList<>();
        RpcSession a = pushingTo(first);
        RpcSession b = pushingTo(second);
        Bytes32 hash = Bytes32.wrap(SUITE.hash(new byte[]{7}));
        subs.subscribe(a, SubscriptionManager.Kind.NEW_HEADS, null);
        subs.onPendingTransaction(hash);
        assertThat(first).isEmpty();
        String pending = subs.subscribe(a, SubscriptionManager.Kind.NEW_PENDING_TRANSACTIONS, null);
        String other = subs.subscribe(b, SubscriptionManager.Kind.NEW_PENDING_TRANSACTIONS, null);
        subs.onPendingTransaction(hash);
        assertThat(first).singleElement().satisfies(n -> {
            assertThat(n.get("method").asText()).isEqualTo("eth_subscription");
            assertThat(n.get("params").get("subscription").asText()).isEqualTo(pending);
            assertThat(n.get("params").get("result").asText()).isEqualTo(hash.toHex());
        });
        assertThat(second).singleElement()
                .satisfies(n -> assertThat(n.get("params").get("subscription").asText()).isEqualTo(other));
        assertThat(subs.unsubscribe(a, pending)).isTrue();
        subs.onPendingTransaction(hash);
        assertThat(first).hasSize(1);
        assertThat(second).hasSize(2);
    }

    private static RpcSession pushingTo(List<JsonNode> pushed) {
        return new RpcSession() {
            @Override
            public boolean canPush() {
                return true;
            }

            @Override
            public void push(JsonNode message) {
                pushed.add(message);
            }
        };
    }
}
