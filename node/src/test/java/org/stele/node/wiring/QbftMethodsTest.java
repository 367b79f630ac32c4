package org.stele.node.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stele.chain.Block;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Fork;
import org.stele.consensus.qbft.BftExtraData;
import org.stele.consensus.qbft.BftExtraDataCodec;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.block.Genesis;
import org.stele.execution.chainstore.KeyValueBlockStore;
import org.stele.rpc.JsonRpcDispatcher;
import org.stele.rpc.RpcLimits;
import org.stele.rpc.RpcMethodRegistry;
import org.stele.rpc.qbft.QbftMethods;
import org.stele.rpc.server.RpcServer;
import org.stele.rpc.server.RpcServerConfig;
import org.stele.storage.InMemoryKeyValueStore;

/**
 * The {@code qbft_*} methods over a chain whose headers carry QBFT extra data (encoded by consensus's codec), served
 * over HTTP. Block n is proposed by validator n mod 4, as its coinbase says.
 */
class QbftMethodsTest {
    private static final long CHAIN_ID = 1337;
    private static final List<Address> VALIDATORS = List.of(address(0xa0), address(0xb0), address(0xc0),
            address(0xd0));
    private final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    private final KeyValueBlockStore blocks = new KeyValueBlockStore(store, NodeServices.SUITE);
    private final List<Block> chain = new ArrayList<>();
    private RpcServer server;
    private HttpProbe rpc;

    private static Address address(int b) {
        return Address.fromHex("0x" + Integer.toHexString(b).repeat(20));
    }

    private static Bytes extraData(int round) {
        return BftExtraDataCodec.encode(new BftExtraData(Bytes.wrap(new byte[32]), VALIDATORS, Optional.empty(),
                round, List.of()));
    }

    @BeforeEach
    void sixBlocksAfterAQbftGenesis() throws Exception {
        Genesis.Built g = new Genesis(CHAIN_ID, 0, 30_000_000, BigInteger.valueOf(1_000_000_000), Address.ZERO,
                extraData(0), Map.of()).build(store);
        blocks.append(g.block(), List.of(), g.batch());
        chain.add(g.block());
        BlockExecutor executor = new BlockExecutor(Fork.CANCUN, NodeServices.SUITE, CHAIN_ID, store, blocks);
        for (int n = 1; n <= 6; n++) {
            var head = blocks.head().orElseThrow();
            BlockExecutor.Result r = executor.build(head, head.timestamp() + 1, VALIDATORS.get(n % 4), List.of());
            Block sealed = new Block(r.block().header().withExtraData(extraData(n % 2)), r.block().body());
            blocks.append(sealed, r.receipts(), r.batch());
            chain.add(sealed);
        }
        server = new RpcServer(new JsonRpcDispatcher(
                RpcMethodRegistry.of(QbftMethods.all(blocks, QbftHeaderReader.INSTANCE)), RpcLimits.DEFAULT),
                RpcServerConfig.localhost(0));
        rpc = new HttpProbe(server.start().getPort());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static List<String> hex(List<Address> addresses) {
        return addresses.stream().map(Address::toHex).toList();
    }

    private static List<String> texts(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }

    @Test
    void validatorsAreThoseTheBlockExtraDataListsByNumberTagOrHash() throws Exception {
        assertThat(texts(rpc.call("qbft_getValidatorsByBlockNumber", "[\"latest\"]"))).isEqualTo(hex(VALIDATORS));
        assertThat(texts(rpc.call("qbft_getValidatorsByBlockNumber", "[\"0x0\"]"))).isEqualTo(hex(VALIDATORS));
        String hash = chain.get(3).header().hash(NodeServices.SUITE).toHex();
        assertThat(texts(rpc.call("qbft_getValidatorsByBlockHash", "[\"" + hash + "\"]"))).isEqualTo(hex(VALIDATORS));
        assertThat(rpc.send("qbft_getValidatorsByBlockNumber", "[\"0x64\"]").get("error").get("message").asText())
                .isEqualTo("block not found");
    }

    @Test
    void signerMetricsCountEachProposersBlocksInTheRangeAndListIdleValidatorsOfItsLastBlock() throws Exception {
        JsonNode metrics = rpc.call("qbft_getSignerMetrics", "[\"0x1\",\"latest\"]");
        // Blocks 1 to 5 (the end is exclusive, as Besu's): proposers 1, 2, 3, 0, 1.
        assertThat(metrics).hasSize(4);
        assertThat(metric(metrics, VALIDATORS.get(1))).isEqualTo("0x2 0x5");
        assertThat(metric(metrics, VALIDATORS.get(2))).isEqualTo("0x1 0x2");
        assertThat(metric(metrics, VALIDATORS.get(3))).isEqualTo("0x1 0x3");
        assertThat(metric(metrics, VALIDATORS.get(0))).isEqualTo("0x1 0x4");

        JsonNode one = rpc.call("qbft_getSignerMetrics", "[\"0x5\",\"0x6\"]");
        assertThat(metric(one, VALIDATORS.get(1))).isEqualTo("0x1 0x5");
        assertThat(metric(one, VALIDATORS.get(0))).as("a validator that proposed nothing").isEqualTo("0x0 0x0");
    }

    @Test
    void signerMetricsRefuseARangeThatEndsBeforeItStarts() throws Exception {
        JsonNode error = rpc.send("qbft_getSignerMetrics", "[\"0x4\",\"0x2\"]").get("error");
        assertThat(error.get("code").asInt()).isEqualTo(-32602);
        assertThat(error.get("message").asText()).contains("fromBlockNumber 4 must be below toBlockNumber 2");
    }

    private static String metric(JsonNode metrics, Address validator) {
        for (JsonNode m : metrics)
            if (m.get("address").asText().equals(validator.toHex()))
                return m.get("proposedBlockCount").asText() + " " + m.get("lastProposedBlockNumber").asText();
        throw new AssertionError(validator + " is not in " + metrics);
    }
}
