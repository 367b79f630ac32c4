package org.stele.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stele.testkit.TestKeys.DEV_0;
import static org.stele.testkit.TestKeys.DEV_1;
import static org.stele.testkit.TestKeys.SUITE;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;
import org.stele.chain.BlockHeader;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;
import org.stele.common.Fork;
import org.stele.common.Hex;
import org.stele.common.crypto.KeyPair;
import org.stele.rpc.HexCallBatch;
import org.stele.rpc.JsonRpcDispatcher;
import org.stele.rpc.RpcLimits;
import org.stele.rpc.RpcMethodRegistry;
import org.stele.rpc.RpcSession;
import org.stele.storage.InMemoryKeyValueStore;
import org.stele.testkit.TestAccounts;
import org.stele.testkit.TestBlocks;
import org.stele.testkit.TestKeys;
import org.stele.testkit.TxBuilder;
import org.stele.txpool.AccountState;
import org.stele.txpool.TransactionPool;
import org.stele.txpool.TxPoolConfig;

/**
 * Batches of raw transactions read by {@link HexCallBatch} against the general parser: two fresh nodes, one answering
 * with the reader and one without it, give the same bytes for random batches, well-formed or not (a batch the reader
 * does not take goes to the general parser on both).
 */
class RawTransactionBatchReaderPropertyTest {
    private static final Address TO = Address.fromHex("0x00000000000000000000000000000000000000aa");
    private static final long CHAIN_ID = 31337;
    private static final int MAX_BATCH = 8;
    private static final List<String> SIGNED = signedTransactions();
    private static final String[] BAD_HEX = {"0x02c0", "0x", "0xzz", "0x0", "0xc0", "02c0", "0x02c", "0x0g", "",
            "0x\u00e9e9"};
    private static final String[] IDS = {"0", "7", "-3", "-0", "42", "123456789012345678901234567890", "1.5", "1e3",
            "\"a\"", "\"id-9 x\"", "\"\"", "\"a\\\"b\"", "\"\\u0041\"", "\"\u00e9\"", "null", "true", "[1]", "{}",
            "01"};
    /** Ids the reader takes: integers of any size and sign, strings of printable ASCII without escapes. */
    private static final String[] PLAIN_IDS = {"0", "-3", "-0", "123456789012345678901234567890", "\"a\"",
            "\"id-9 x\"", "\"\""};
    private static final String[] WS = {"", "", "", " ", "\n", "\t ", "\r\n  "};

    @Property(tries = 250)
    void theReaderAnswersEveryBatchByteForByteAsTheGeneralParserDoes(@ForAll long seed) {
        String body = batch(new Random(seed));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        String read = text(node().handle(bytes, RpcSession.HTTP));
        String parsed = text(node().handleParsed(bytes, RpcSession.HTTP));
        assertThat(read).as(body).isEqualTo(parsed);
        Statistics.label("taken by the reader").collect(HexCallBatch.read(bytes, MAX_BATCH) != null);
        Statistics.label("taken by the reader").coverage(c -> {
            c.check(true).percentage(p -> p >= 15);
            c.check(false).percentage(p -> p >= 15);
        });
    }

    @Test
    void theLoadGeneratorsBatchShapeIsTakenByTheReaderAndAnEscapeOrAnotherMemberIsNot() {
        String call = "{\"jsonrpc\":\"2.0\",\"id\":0,\"method\":\"eth_sendRawTransaction\",\"params\":[\""
                + SIGNED.get(0) + "\"]}";
        assertThat(HexCallBatch.read(bytes("[" + call + "," + call.replace("\"id\":0", "\"id\":1") + "]"), 8))
                .extracting(HexCallBatch.Call::id).containsExactly("0", "1");
        assertThat(HexCallBatch.read(bytes("[" + call + "]"), 8).get(0).argument())
                .isEqualTo(Hex.decode(SIGNED.get(0)));
        assertThat(HexCallBatch.read(bytes("[" + call.replace("\"method\"", "\"\\u006dethod\"") + "]"), 8)).isNull();
        assertThat(HexCallBatch.read(bytes("[" + call.replace("{", "{\"x\":1,") + "]"), 8)).isNull();
        assertThat(HexCallBatch.read(bytes(call), 8)).isNull();
        assertThat(HexCallBatch.read(bytes("[" + call + "," + call + "]"), 1)).isNull();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A fresh node over one block, whose two senders hold funds and nonce 0. */
    private static JsonRpcDispatcher node() {
        EthMethodsTest.MapBlockStore store = new EthMethodsTest.MapBlockStore();
        BlockHeader genesis = TestBlocks.genesis().baseFeePerGas(BigInteger.valueOf(7)).build();
        store.add(TestBlocks.block(genesis, List.of()), List.of());
        TestAccounts accounts = new TestAccounts().balance(TestKeys.address(DEV_0), BigInteger.TEN.pow(20))
                .balance(TestKeys.address(DEV_1), BigInteger.TEN.pow(20));
        EthBackend backend = new EthBackend(store, new InMemoryKeyValueStore(),
                new TransactionPool(TxPoolConfig.DEFAULT, Fork.CANCUN, AccountState.of(accounts.world()), 30_000_000),
                SUITE, CHAIN_ID, Fork.CANCUN);
        return new JsonRpcDispatcher(
                RpcMethodRegistry.of(List.of(new EthSendRawTransaction(backend), new EthChainId(backend))),
                new RpcLimits(1 << 20, MAX_BATCH));
    }

    /** Nonces 0 to 3 of two senders, two values each (so replacements), and one for another chain. */
    private static List<String> signedTransactions() {
        List<String> out = new ArrayList<>();
        for (KeyPair key : List.of(DEV_0, DEV_1))
            for (int nonce = 0; nonce < 4; nonce++)
                for (int value = 1; value <= 2; value++)
                    out.add(Hex.encode(TxBuilder.feeMarket().chainId(CHAIN_ID).nonce(nonce).fees(10 * value, 1)
                            .gasLimit(100_000).to(Optional.of(TO)).value(value).signedBy(key).encode()));
        Transaction otherChain = TxBuilder.feeMarket().chainId(1).nonce(0).fees(10, 1).gasLimit(100_000).to(TO)
                .value(1).signedBy(DEV_0);
        out.add(Hex.encode(otherChain.encode()));
        return List.copyOf(out);
    }

    private static String batch(Random r) {
        int calls = 1 + r.nextInt(MAX_BATCH + 2);
        boolean allPlain = r.nextBoolean();
        StringBuilder b = new StringBuilder();
        b.append(ws(r)).append('[');
        for (int i = 0; i < calls; i++) {
            if (i > 0) b.append(ws(r)).append(',');
            b.append(ws(r)).append(call(r, allPlain || r.nextInt(3) > 0));
        }
        b.append(ws(r)).append(']').append(ws(r));
        String body = b.toString();
        return switch (r.nextInt(40)) {
            case 0 -> body.substring(0, r.nextInt(body.length()));
            case 1 -> body + "x";
            case 2 -> body.replace("[", "").replace("]", "");
            case 3 -> "[]";
            case 4 -> "\ufeff" + body;
            default -> body;
        };
    }

    /** Mostly the plain shape with a random transaction; sometimes a member, a value or the hex is off. */
    private static String call(Random r, boolean plain) {
        String id = !plain
                ? IDS[r.nextInt(IDS.length)]
                : r.nextBoolean() ? String.valueOf(r.nextInt(1000)) : PLAIN_IDS[r.nextInt(PLAIN_IDS.length)];
        String hex = SIGNED.get(r.nextInt(SIGNED.size()));
        if (!plain && r.nextInt(2) == 0) hex = BAD_HEX[r.nextInt(BAD_HEX.length)];
        else if (!plain && r.nextInt(4) == 0) hex = "0x" + hex.substring(2).toUpperCase();
        List<String> members = new ArrayList<>(List.of(
                q("jsonrpc") + ":" + ws(r) + (plain || r.nextInt(4) > 0 ? q("2.0") : "\"1.0\""),
                q("id") + ":" + ws(r) + id,
                q("method") + ":" + ws(r) + q(plain || r.nextInt(4) > 0
                        ? "eth_sendRawTransaction"
                        : r.nextBoolean() ? "eth_chainId" : "eth_nope"),
                q("params") + ":" + ws(r) + (plain || r.nextInt(4) > 0
                        ? "[" + ws(r) + q(hex) + ws(r) + "]"
                        : switch (r.nextInt(4)) {
                            case 0 -> "[" + q(hex) + "," + q(hex) + "]";
                            case 1 -> "[]";
                            case 2 -> q(hex);
                            default -> "null";
                        })));
        if (!plain) {
            switch (r.nextInt(6)) {
                case 0 -> members.remove(r.nextInt(members.size()));
                case 1 -> members.add(q("extra") + ":1");
                case 2 -> members.add(members.get(r.nextInt(members.size())));
                case 3 -> members.set(0, "\"\\u006asonrpc\":\"2.0\"");
                default -> {
                }
            }
        }
        if (r.nextBoolean()) Collections.shuffle(members, r);
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < members.size(); i++) {
            if (i > 0) b.append(ws(r)).append(',');
            b.append(ws(r)).append(members.get(i));
        }
        return b.append(ws(r)).append('}').toString();
    }

    private static String ws(Random r) {
        return WS[r.nextInt(WS.length)];
    }

    private static String q(String s) {
        return "\"" + s + "\"";
    }

    private static String text(Optional<byte[]> answer) {
        return answer.map(a -> new String(a, StandardCharsets.UTF_8)).orElse("(nothing)");
    }
}
