package org.stele.chain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stele.chain.tx.TransactionType;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.rlp.RlpException;
import org.stele.common.rlp.RlpReader;
import org.stele.common.rlp.RlpWriter;

/**
 * Receipts and logs come from peers and from the store: every encoding but the canonical one of a well-formed
 * receipt is refused with an {@link RlpException}, never read as something else.
 */
class ReceiptAndLogDecodingTest {
    private static final Log LOG = new Log(Address.fromHex("0x" + "22".repeat(20)),
            List.of(Bytes32.leftPad(new byte[]{1})), Bytes.fromHex("0x0102"));

    /** {@code [status, cumulativeGasUsed, bloom, logs]} with the given fields, and {@code extra} after them. */
    private static byte[] receiptList(byte[] status, int bloomSize, byte[]... extra) {
        RlpWriter w = new RlpWriter().startList().writeBytes(status).writeLong(21_000).writeBytes(new byte[bloomSize])
                .startList().endList();
        for (byte[] e : extra)
            w.writeBytes(e);
        return w.endList().toByteArray();
    }

    private static byte[] typed(int type, byte[] body) {
        byte[] out = new byte[body.length + 1];
        out[0] = (byte) type;
        System.arraycopy(body, 0, out, 1, body.length);
        return out;
    }

    private static byte[] withTrailingByte(byte[] encoded) {
        byte[] out = Arrays.copyOf(encoded, encoded.length + 1);
        out[encoded.length] = 0x01;
        return out;
    }

    @Test
    void blobTransactionReceiptsSurviveARoundTripWithTheirTypeByte() {
        Receipt blob = Receipt.of(TransactionType.BLOB, false, 42_000, List.of(LOG));
        assertThat(blob.encode()[0]).isEqualTo((byte) 0x03);
        assertThat(Receipt.decode(blob.encode())).isEqualTo(blob);
    }

    @Test
    void aStatusIsTheEmptyStringOrTheByteOneAndNothingElse() {
        assertThat(Receipt.decode(receiptList(new byte[0], 256)).success()).isFalse();
        assertThat(Receipt.decode(receiptList(new byte[]{1}, 256)).success()).isTrue();
        for (byte[] status : List.of(new byte[]{0}, new byte[]{2}, new byte[]{0, 1}, new byte[]{1, 1}))
            assertThatThrownBy(() -> Receipt.decode(receiptList(status, 256))).isInstanceOf(RlpException.class)
                    .hasMessageContaining("status must be 0 or 1");
    }

    @Test
    void aReceiptBloomIsExactlyTwoHundredFiftySixBytes() {
        for (int size : List.of(255, 257))
            assertThatThrownBy(() -> Receipt.decode(receiptList(new byte[]{1}, size)))
                    .isInstanceOf(RlpException.class).hasMessageContaining("bloom must be 256 bytes, got " + size);
    }

    @Test
    void bytesAfterAReceiptOrAFieldAfterItsLogsAreRefused() {
        byte[] legacy = Receipt.of(TransactionType.LEGACY, true, 1, List.of(LOG)).encode();
        byte[] typed = Receipt.of(TransactionType.FEE_MARKET, true, 1, List.of(LOG)).encode();
        assertThatThrownBy(() -> Receipt.decode(withTrailingByte(legacy))).isInstanceOf(RlpException.class)
                .hasMessageContaining("trailing");
        assertThatThrownBy(() -> Receipt.decode(withTrailingByte(typed))).isInstanceOf(RlpException.class)
                .hasMessageContaining("trailing");
        assertThatThrownBy(() -> Receipt.decode(receiptList(new byte[]{1}, 256, new byte[]{9})))
                .isInstanceOf(RlpException.class).hasMessageContaining("trailing");
        assertThatThrownBy(() -> Receipt.decode(typed(0x02, receiptList(new byte[]{1}, 256, new byte[]{9}))))
                .isInstanceOf(RlpException.class).hasMessageContaining("trailing");
    }

    @Test
    void anEmptyInputOrAnEmptyListIsNotAReceipt() {
        assertThatThrownBy(() -> Receipt.decode(new byte[0])).isInstanceOf(RlpException.class)
                .hasMessageContaining("empty receipt");
        // 0xc0 starts a list, so a legacy receipt with no fields, not a receipt of type 0xc0
        assertThatThrownBy(() -> Receipt.decode(new byte[]{(byte) 0xc0})).isInstanceOf(RlpException.class)
                .hasMessageContaining("unexpected end");
        assertThatThrownBy(() -> Receipt.decode(new byte[]{(byte) 0xbf})).isInstanceOf(RlpException.class)
                .hasMessageContaining("unsupported receipt type 0xbf");
    }

    @Test
    void onlyTheTypesBlocksCarryHaveReceiptsAndGasUsedIsNeverNegative() {
        assertThatThrownBy(() -> Receipt.of(TransactionType.SET_CODE, true, 1, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not supported");
        assertThatThrownBy(() -> Receipt.decode(typed(0x04, receiptList(new byte[]{1}, 256))))
                .isInstanceOf(RlpException.class).hasMessageContaining("unsupported receipt type 0x4");
        assertThatThrownBy(() -> Receipt.of(TransactionType.LEGACY, true, -1, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        assertThat(Receipt.of(TransactionType.LEGACY, true, 0, List.of()).cumulativeGasUsed()).isZero();
    }

    @Test
    void aDecodedBloomIsTakenAsGivenAndCheckedAgainstTheLogsOnlyOnRequest() {
        Receipt honest = Receipt.of(TransactionType.LEGACY, true, 1, List.of(LOG));
        Receipt forged = new Receipt(TransactionType.LEGACY, true, 1, LogsBloom.EMPTY, List.of(LOG));
        assertThat(Receipt.decode(forged.encode())).isEqualTo(forged);
        assertThat(forged.bloomMatchesLogs()).isFalse();
        assertThat(honest.bloomMatchesLogs()).isTrue();
    }

    @Test
    void aReceiptListHoldsLegacyReceiptsAsListsAndTypedOnesAsStrings() {
        Receipt legacy = Receipt.of(TransactionType.LEGACY, true, 21_000, List.of(LOG));
        RlpWriter w = new RlpWriter().startList();
        legacy.writeToList(w);
        assertThat(w.endList().toByteArray()).isEqualTo(new RlpWriter().startList().writeRaw(legacy.encode())
                .endList().toByteArray());

        byte[] wrappedLegacy = new RlpWriter().startList().writeBytes(legacy.encode()).endList().toByteArray();
        assertThatThrownBy(() -> Receipt.readFromList(RlpReader.list(wrappedLegacy)))
                .isInstanceOf(RlpException.class).hasMessageContaining("must not be wrapped");
        byte[] emptyString = new RlpWriter().startList().writeBytes(new byte[0]).endList().toByteArray();
        assertThatThrownBy(() -> Receipt.readFromList(RlpReader.list(emptyString)))
                .isInstanceOf(RlpException.class).hasMessageContaining("empty receipt");
    }

    @Test
    void aLogHasAtMostFourTopicsAndNothingAfterItsData() {
        Bytes32 t = Bytes32.ZERO;
        assertThatThrownBy(() -> new Log(Address.ZERO, List.of(t, t, t, t, t), Bytes.EMPTY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("got 5");
        Log four = new Log(Address.ZERO, List.of(t, t, t, t), Bytes.EMPTY);
        assertThat(readLog(write(four))).isEqualTo(four);

        byte[] five = new RlpWriter().startList().writeBytes(Address.ZERO).startList().writeBytes(t).writeBytes(t)
                .writeBytes(t).writeBytes(t).writeBytes(t).endList().writeBytes(new byte[0]).endList().toByteArray();
        assertThatThrownBy(() -> readLog(five)).isInstanceOf(RlpException.class)
                .hasMessageContaining("at most 4 topics");
        byte[] extra = new RlpWriter().startList().writeBytes(Address.ZERO).startList().endList()
                .writeBytes(new byte[0]).writeBytes(new byte[]{1}).endList().toByteArray();
        assertThatThrownBy(() -> readLog(extra)).isInstanceOf(RlpException.class).hasMessageContaining("trailing");
    }

    private static byte[] write(Log log) {
        RlpWriter w = new RlpWriter();
        log.writeTo(w);
        return w.toByteArray();
    }

    private static Log readLog(byte[] encoded) {
        RlpReader r = RlpReader.of(encoded);
        Log log = Log.readFrom(r);
        r.requireEnd();
        return log;
    }

    @Test
    void bytesAfterABlockOrAFieldAfterItsBodyAreRefused() {
        Block block = new Block(BlockHeader.builder().build(), BlockBody.EMPTY);
        byte[] encoded = block.encode();
        assertThat(Block.decode(encoded, encoded.length)).isEqualTo(block);
        assertThatThrownBy(() -> Block.decode(withTrailingByte(encoded))).isInstanceOf(RlpException.class)
                .hasMessageContaining("trailing");
        RlpReader fields = RlpReader.list(encoded);
        RlpWriter w = new RlpWriter().startList();
        while (fields.hasNext())
            w.writeRaw(fields.readRaw());
        byte[] extraField = w.startList().endList().startList().endList().endList().toByteArray();
        assertThatThrownBy(() -> Block.decode(extraField)).isInstanceOf(RlpException.class);
    }
}
