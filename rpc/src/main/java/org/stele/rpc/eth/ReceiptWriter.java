package org.stele.rpc.eth;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializable;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.jsontype.TypeSerializer;
import java.io.IOException;
import java.math.BigInteger;
import java.util.List;
import org.stele.chain.Log;
import org.stele.chain.Receipt;
import org.stele.chain.tx.Transaction;
import org.stele.chain.tx.TransactionType;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.common.Hex;

/**
 * A receipt's JSON-RPC object, written member by member into the answer's generator when the answer is written: hex
 * straight from the bytes into one character buffer, no tree and no string per member. Building the same object as a
 * tree of text nodes made {@code EthJson.receipt} one of the node's largest compilations, and every receipt a few
 * dozen strings.
 */
final class ReceiptWriter implements JsonSerializable {

    private final Transaction tx;
    private final Bytes32 txHash;
    private final Address from;
    private final Bytes32 blockHash;
    private final long blockNumber;
    private final BigInteger baseFee;
    private final List<Receipt> receipts;
    private final int index;
    /** Room for the longest hex written here, the 256-byte bloom. */
    private char[] buffer;

    ReceiptWriter(Transaction tx, Bytes32 txHash, Address from, Bytes32 blockHash, long blockNumber,
            BigInteger baseFee, List<Receipt> receipts, int index) {
        this.tx = tx;
        this.txHash = txHash;
        this.from = from;
        this.blockHash = blockHash;
        this.blockNumber = blockNumber;
        this.baseFee = baseFee;
        this.receipts = receipts;
        this.index = index;
    }

    @Override
    public void serialize(JsonGenerator g, SerializerProvider provider) throws IOException {
        buffer = new char[2 + 2 * org.stele.chain.LogsBloom.SIZE];
        Receipt r = receipts.get(index);
        g.writeStartObject();
        hex(g, "transactionHash", txHash.unsafeArray());
        quantity(g, "transactionIndex", index);
        hex(g, "blockHash", blockHash.unsafeArray());
        quantity(g, "blockNumber", blockNumber);
        hex(g, "from", from.unsafeArray());
        if (tx.to().isPresent()) hex(g, "to", tx.to().get().unsafeArray());
        else
            g.writeNullField("to");
        quantity(g, "cumulativeGasUsed", r.cumulativeGasUsed());
        long previous = index == 0 ? 0 : receipts.get(index - 1).cumulativeGasUsed();
        quantity(g, "gasUsed", r.cumulativeGasUsed() - previous);
        if (tx.isContractCreation())
            hex(g, "contractAddress", org.stele.evm.Evm.createAddress(from, tx.nonce()).unsafeArray());
        else
            g.writeNullField("contractAddress");
        int logIndex = 0;
        for (int i = 0; i < index; i++) logIndex += receipts.get(i).logs().size();
        g.writeArrayFieldStart("logs");
        for (Log log : r.logs()) writeLog(g, log, logIndex++);
        g.writeEndArray();
        hex(g, "logsBloom", r.bloom().unsafeArray());
        quantity(g, "type", tx.type() == TransactionType.LEGACY ? 0 : tx.type().typeByte());
        quantity(g, "status", r.success() ? 1 : 0);
        g.writeStringField("effectiveGasPrice", "0x" + tx.effectiveGasPrice(baseFee).toString(16));
        g.writeEndObject();
        buffer = null;
    }

    private void writeLog(JsonGenerator g, Log log, int logIndex) throws IOException {
        g.writeStartObject();
        hex(g, "address", log.address().unsafeArray());
        g.writeArrayFieldStart("topics");
        for (Bytes32 t : log.topics()) hex(g, t.unsafeArray());
        g.writeEndArray();
        byte[] data = log.data().unsafeArray();
        if (2 + 2 * data.length > buffer.length) {
            hexOfAnyLength(g, "data", data);
        } else {
            hex(g, "data", data);
        }
        hex(g, "blockHash", blockHash.unsafeArray());
        quantity(g, "blockNumber", blockNumber);
        hex(g, "transactionHash", txHash.unsafeArray());
        quantity(g, "transactionIndex", index);
        quantity(g, "logIndex", logIndex);
        g.writeBooleanField("removed", false);
        g.writeEndObject();
    }

    private void hex(JsonGenerator g, String field, byte[] b) throws IOException {
        g.writeFieldName(field);
        hex(g, b);
    }

    private void hex(JsonGenerator g, byte[] b) throws IOException {
        g.writeString(buffer, 0, Hex.encodeInto(b, buffer));
    }

    private static void hexOfAnyLength(JsonGenerator g, String field, byte[] b) throws IOException {
        char[] c = new char[2 + 2 * b.length];
        g.writeFieldName(field);
        g.writeString(c, 0, Hex.encodeInto(b, c));
    }

    /** A non-negative quantity: {@code 0x} and its digits without leading zeros. */
    private void quantity(JsonGenerator g, String field, long v) throws IOException {
        g.writeFieldName(field);
        int digits = v == 0 ? 1 : (67 - Long.numberOfLeadingZeros(v)) / 4;
        buffer[0] = '0';
        buffer[1] = 'x';
        for (int i = digits + 1; i >= 2; i--, v >>>= 4) buffer[i] = Hex.digitChar((int) (v & 0xF));
        g.writeString(buffer, 0, digits + 2);
    }

    @Override
    public void serializeWithType(JsonGenerator g, SerializerProvider provider, TypeSerializer typeSer)
            throws IOException {
        serialize(g, provider);
    }
}
