package org.stele.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.TokenBuffer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.stele.chain.Block;
import org.stele.chain.BlockHeader;
import org.stele.chain.Log;
import org.stele.chain.Receipt;
import org.stele.chain.tx.AccessListEntry;
import org.stele.chain.tx.LegacyTransaction;
import org.stele.chain.tx.Transaction;
import org.stele.chain.tx.TransactionType;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;

/** Blocks, transactions, receipts and logs as JSON-RPC objects (execution-apis shapes). */
public final class EthJson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final CryptoSuite suite;
    private final SenderCache senders;
    private final Function<BlockHeader, Bytes32> blockHash;

    /** With a cache of its own; the node shares one through {@link EthBackend#json()}. */
    public EthJson(CryptoSuite suite) {
        this(suite, new SenderCache());
    }

    public EthJson(CryptoSuite suite, SenderCache senders) {
        this(suite, senders, h -> h.hash(suite));
    }

    /** @param blockHash how the chain names a block (its store's {@code hash}) */
    public EthJson(CryptoSuite suite, SenderCache senders, Function<BlockHeader, Bytes32> blockHash) {
        this.suite = suite;
        this.senders = senders;
        this.blockHash = blockHash;
    }

    /** The hash that names the block of {@code h}. */
    public Bytes32 blockHash(BlockHeader h) {
        return blockHash.apply(h);
    }

    public CryptoSuite suite() {
        return suite;
    }

    public ObjectNode block(Block block, boolean fullTransactions) {
        BlockHeader h = block.header();
        Bytes32 blockHash = blockHash(h);
        ObjectNode o = header(h, blockHash);
        o.set("totalDifficulty", Quantity.of(BigInteger.ZERO));
        o.set("size", Quantity.of(block.encode().length));
        ArrayNode txs = o.putArray("transactions");
        List<Transaction> list = block.body().transactions();
        for (int i = 0; i < list.size(); i++) {
            if (fullTransactions) txs.add(transaction(list.get(i), h, blockHash, i));
            else
                txs.add(list.get(i).hash(suite).toHex());
        }
        o.putArray("uncles");
        block.body().withdrawals().ifPresent(ws -> o.putArray("withdrawals"));
        return o;
    }

    /** The header fields of a block object, as {@code newHeads} notifications carry them. */
    public ObjectNode header(BlockHeader h) {
        return header(h, blockHash(h));
    }

    private ObjectNode header(BlockHeader h, Bytes32 hash) {
        ObjectNode o = NODES.objectNode();
        o.put("hash", hash.toHex());
        o.put("parentHash", h.parentHash().toHex());
        o.put("sha3Uncles", h.ommersHash().toHex());
        o.put("miner", h.coinbase().toHex());
        o.put("stateRoot", h.stateRoot().toHex());
        o.put("transactionsRoot", h.transactionsRoot().toHex());
        o.put("receiptsRoot", h.receiptsRoot().toHex());
        o.put("logsBloom", h.logsBloom().toHex());
        o.set("difficulty", Quantity.of(h.difficulty()));
        o.set("number", Quantity.of(h.number()));
        o.set("gasLimit", Quantity.of(h.gasLimit()));
        o.set("gasUsed", Quantity.of(h.gasUsed()));
        o.set("timestamp", Quantity.of(h.timestamp()));
        o.put("extraData", h.extraData().toHex());
        o.put("mixHash", h.mixHash().toHex());
        o.put("nonce", String.format("0x%016x", h.nonce()));
        h.baseFeePerGas().ifPresent(v -> o.set("baseFeePerGas", Quantity.of(v)));
        h.withdrawalsRoot().ifPresent(v -> o.put("withdrawalsRoot", v.toHex()));
        h.blobGasUsed().ifPresent(v -> o.set("blobGasUsed", Quantity.of(v)));
        h.excessBlobGas().ifPresent(v -> o.set("excessBlobGas", Quantity.of(v)));
        h.parentBeaconBlockRoot().ifPresent(v -> o.put("parentBeaconBlockRoot", v.toHex()));
        return o;
    }

    /** A transaction, with its block position when it is mined. */
    public ObjectNode transaction(Transaction tx, Optional<BlockHeader> block, int index) {
        return block.isPresent()
                ? transaction(tx, block.get(), blockHash(block.get()), index)
                : transaction(tx, null, null, index);
    }

    /** A transaction in the block {@code header} (null while pending), whose hash the caller has already taken. */
    private ObjectNode transaction(Transaction tx, BlockHeader header, Bytes32 blockHash, int index) {
        ObjectNode o = NODES.objectNode();
        Bytes32 hash = tx.hash(suite);
        o.put("hash", hash.toHex());
        o.set("type", Quantity.of(tx.type() == TransactionType.LEGACY ? 0 : tx.type().typeByte()));
        o.set("nonce", Quantity.ofUnsigned(tx.nonce()));
        if (header != null) {
            o.put("blockHash", blockHash.toHex());
            o.set("blockNumber", Quantity.of(header.number()));
            o.set("transactionIndex", Quantity.of(index));
        } else {
            o.putNull("blockHash");
            o.putNull("blockNumber");
            o.putNull("transactionIndex");
        }
        o.put("from", senders.sender(tx, hash, suite).toHex());
        if (tx.to().isPresent()) o.put("to", tx.to().get().toHex());
        else
            o.putNull("to");
        o.set("value", Quantity.of(tx.value()));
        o.set("gas", Quantity.ofUnsigned(tx.gasLimit()));
        o.put("input", tx.data().toHex());
        if (tx instanceof LegacyTransaction legacy) {
            o.set("gasPrice", Quantity.of(legacy.gasPrice()));
            o.set("v", Quantity.of(legacy.v()));
        } else {
            BigInteger baseFee = header == null ? null : header.baseFeePerGas().orElse(null);
            o.set("gasPrice", Quantity.of(baseFee == null ? tx.maxFeePerGas() : tx.effectiveGasPrice(baseFee)));
            if (tx.type() == TransactionType.FEE_MARKET) {
                o.set("maxFeePerGas", Quantity.of(tx.maxFeePerGas()));
                o.set("maxPriorityFeePerGas", Quantity.of(tx.maxPriorityFeePerGas()));
            }
            o.set("accessList", accessList(tx.accessList()));
            o.set("v", Quantity.of(tx.signature().yParity()));
            o.set("yParity", Quantity.of(tx.signature().yParity()));
        }
        tx.chainId().ifPresent(id -> o.set("chainId", Quantity.of(id)));
        o.set("r", Quantity.of(tx.signature().r()));
        o.set("s", Quantity.of(tx.signature().s()));
        return o;
    }

    /**
     * The receipt of the transaction at {@code index} of {@code block}, as an answer: written member by member into
     * the response when the answer is written ({@link ReceiptWriter}), never built as a tree.
     */
    public JsonNode receiptAnswer(Block block, List<Receipt> receipts, int index) {
        return NODES.pojoNode(receiptWriter(block, receipts, index));
    }

    /** The same receipt as a tree, for answers that change it. */
    public ObjectNode receipt(Block block, List<Receipt> receipts, int index) {
        try (TokenBuffer written = new TokenBuffer(MAPPER, false)) {
            receiptWriter(block, receipts, index).serialize(written, null);
            return MAPPER.readTree(written.asParser());
        } catch (IOException e) {
            throw new UncheckedIOException("a receipt written to memory", e);
        }
    }

    private ReceiptWriter receiptWriter(Block block, List<Receipt> receipts, int index) {
        BlockHeader h = block.header();
        Transaction tx = block.body().transactions().get(index);
        Bytes32 txHash = tx.hash(suite);
        return new ReceiptWriter(tx, txHash, senders.sender(tx, txHash, suite), blockHash(h), h.number(),
                h.baseFeePerGas().orElse(BigInteger.ZERO), receipts, index);
    }

    public ObjectNode log(Log log, Bytes32 blockHash, long blockNumber, Bytes32 txHash, int txIndex, int logIndex) {
        ObjectNode o = NODES.objectNode();
        o.put("address", log.address().toHex());
        ArrayNode topics = o.putArray("topics");
        for (Bytes32 t : log.topics()) topics.add(t.toHex());
        o.put("data", log.data().toHex());
        o.put("blockHash", blockHash.toHex());
        o.set("blockNumber", Quantity.of(blockNumber));
        o.put("transactionHash", txHash.toHex());
        o.set("transactionIndex", Quantity.of(txIndex));
        o.set("logIndex", Quantity.of(logIndex));
        o.put("removed", false);
        return o;
    }

    private static JsonNode accessList(List<AccessListEntry> entries) {
        ArrayNode a = NODES.arrayNode();
        for (AccessListEntry e : entries) {
            ObjectNode o = a.addObject();
            o.put("address", e.address().toHex());
            ArrayNode keys = o.putArray("storageKeys");
            for (Bytes32 k : e.storageKeys()) keys.add(k.toHex());
        }
        return a;
    }
}
