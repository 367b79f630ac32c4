package org.stele.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stele.testkit.TestKeys.DEV_0;
import static org.stele.testkit.TestKeys.DEV_1;
import static org.stele.testkit.TestKeys.SUITE;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.stele.chain.Block;
import org.stele.chain.BlockHeader;
import org.stele.chain.Log;
import org.stele.chain.Receipt;
import org.stele.chain.tx.Transaction;
import org.stele.chain.tx.TransactionType;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.testkit.TestBlocks;
import org.stele.testkit.TxBuilder;

/**
 * Receipts written by {@link ReceiptWriter} against the tree the node built for them before (kept below as the
 * reference): the same bytes for every kind of transaction, logs with no, short and long data, creations and calls.
 */
class ReceiptWriterTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final EthJson json = new EthJson(SUITE);

    @Test
    void everyReceiptOfABlockIsWrittenAsItsTreeWasByteForByte() throws Exception {
        Random r = new Random(14);
        Address to = Address.fromHex("0x00000000000000000000000000000000000000aa");
        List<Transaction> txs = List.of(
                TxBuilder.feeMarket().chainId(31337).nonce(0).fees(10, 1).gasLimit(100_000).to(to).value(1)
                        .signedBy(DEV_0),
                TxBuilder.feeMarket().chainId(31337).nonce(1).fees(10, 1).gasLimit(500_000).creation()
                        .data(Bytes.of((byte) 0x60, (byte) 0)).signedBy(DEV_0),
                TxBuilder.legacy().chainId(31337).nonce(0).gasPrice(9).gasLimit(50_000).to(to).signedBy(DEV_1),
                TxBuilder.accessList().chainId(31337).nonce(1).gasPrice(12).gasLimit(80_000).to(to).value(5)
                        .signedBy(DEV_1),
                TxBuilder.feeMarket().chainId(31337).nonce(2).fees(1_000_000_000_000L, 3).gasLimit(70_000).to(to)
                        .signedBy(DEV_0));
        List<Receipt> receipts = new ArrayList<>();
        long gas = 0;
        int[] dataLengths = {0, 1, 32, 256, 257, 1000};
        for (int i = 0; i < txs.size(); i++) {
            List<Log> logs = new ArrayList<>();
            for (int l = 0; l < i + (i % 2); l++) {
                List<Bytes32> topics = new ArrayList<>();
                for (int t = 0; t < l % 5; t++) topics.add(Bytes32.wrap(random(r, 32)));
                logs.add(new Log(Address.wrap(random(r, 20)), topics,
                        Bytes.wrap(random(r, dataLengths[(i + l) % dataLengths.length]))));
            }
            gas += 21_000 + r.nextInt(100_000);
            receipts.add(Receipt.of(txs.get(i).type(), i != 3, gas, logs));
        }
        BlockHeader genesis = TestBlocks.genesis().baseFeePerGas(BigInteger.valueOf(7)).build();
        Block block = TestBlocks.block(TestBlocks.child(genesis).number(0x1234_5678_9aL)
                .baseFeePerGas(BigInteger.valueOf(7)).build(), txs);
        for (int i = 0; i < txs.size(); i++) {
            ObjectNode before = treeAsBefore(block, receipts, i);
            assertThat(JSON.writeValueAsString(json.receiptAnswer(block, receipts, i)))
                    .isEqualTo(JSON.writeValueAsString(before));
            assertThat(json.receipt(block, receipts, i)).isEqualTo(before);
        }
    }

    private static byte[] random(Random r, int n) {
        byte[] b = new byte[n];
        r.nextBytes(b);
        return b;
    }

    /** The receipt as {@code EthJson.receipt} built it as a tree, before {@link ReceiptWriter}. */
    private ObjectNode treeAsBefore(Block block, List<Receipt> receipts, int index) {
        BlockHeader h = block.header();
        Transaction tx = block.body().transactions().get(index);
        Receipt r = receipts.get(index);
        Bytes32 txHash = tx.hash(SUITE);
        Address from = tx.sender(SUITE);
        ObjectNode o = NODES.objectNode();
        Bytes32 blockHash = json.blockHash(h);
        o.put("transactionHash", txHash.toHex());
        o.set("transactionIndex", Quantity.of(index));
        o.put("blockHash", blockHash.toHex());
        o.set("blockNumber", Quantity.of(h.number()));
        o.put("from", from.toHex());
        if (tx.to().isPresent()) o.put("to", tx.to().get().toHex());
        else
            o.putNull("to");
        o.set("cumulativeGasUsed", Quantity.of(r.cumulativeGasUsed()));
        long previous = index == 0 ? 0 : receipts.get(index - 1).cumulativeGasUsed();
        o.set("gasUsed", Quantity.of(r.cumulativeGasUsed() - previous));
        if (tx.isContractCreation())
            o.put("contractAddress", org.stele.evm.Evm.createAddress(from, tx.nonce()).toHex());
        else
            o.putNull("contractAddress");
        int firstLogIndex = 0;
        for (int i = 0; i < index; i++) firstLogIndex += receipts.get(i).logs().size();
        ArrayNode logs = o.putArray("logs");
        for (int i = 0; i < r.logs().size(); i++) {
            logs.add(json.log(r.logs().get(i), blockHash, h.number(), txHash, index, firstLogIndex + i));
        }
        o.put("logsBloom", r.bloom().toHex());
        o.set("type", Quantity.of(tx.type() == TransactionType.LEGACY ? 0 : tx.type().typeByte()));
        o.set("status", Quantity.of(r.success() ? 1 : 0));
        o.set("effectiveGasPrice", Quantity.of(tx.effectiveGasPrice(h.baseFeePerGas().orElse(BigInteger.ZERO))));
        return o;
    }
}
