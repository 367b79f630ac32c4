package org.stele.p2p.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.p2p.message.Message.Bodies;
import org.stele.p2p.message.Message.Disconnect;
import org.stele.p2p.message.Message.GetBodies;
import org.stele.p2p.message.Message.GetHeaders;
import org.stele.p2p.message.Message.Headers;
import org.stele.p2p.message.Message.Hello;
import org.stele.p2p.message.Message.NewBlock;
import org.stele.p2p.message.Message.QbftMessage;
import org.stele.p2p.message.Message.Transactions;

/** The frame payloads of docs/network.md: every message round-trips, and nothing malformed gets through. */
class MessageCodecTest {
    @Property(tries = 300)
    void everyMessageDecodesToItself(@ForAll("messages") Message message) throws Exception {
        assertThat(MessageCodec.decode(MessageCodec.encode(message))).isEqualTo(message);
    }

    @Property(tries = 300)
    void arbitraryBytesDecodeToAMessageOrAreRefusedAsMalformed(@ForAll byte[] payload) {
        try {
            Message m = MessageCodec.decode(payload);
            assertThat(MessageCodec.encode(m)).isEqualTo(payload); // strict decoding: one encoding per message
        } catch (MalformedMessageException e) {
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Test
    void theHelloEncodingIsTheTypeByteAndTheRlpListOfItsFields() {
        var hello = new Hello(1, 2026, Bytes32.fromHex("0x" + "11".repeat(32)), 7, Bytes32.fromHex("0x" + "22"
                .repeat(32)));
        assertThat(Bytes.wrap(MessageCodec.encode(hello)).toHex()).isEqualTo("0x00f84701" + "8207ea" + "a0"
                + "11".repeat(32) + "07" + "a0" + "22".repeat(32));
    }

    @Test
    void unknownTypesTrailingBytesAndOutOfRangeRequestsAreMalformed() throws Exception {
        assertThatThrownBy(() -> MessageCodec.decode(new byte[]{0x7f, (byte) 0xc0})).isInstanceOf(
                MalformedMessageException.class).hasMessageContaining("unknown message type 0x7f");
        byte[] block = MessageCodec.encode(new NewBlock(1, Bytes32.ZERO));
        byte[] trailing = java.util.Arrays.copyOf(block, block.length + 1);
        assertThatThrownBy(() -> MessageCodec.decode(trailing)).isInstanceOf(MalformedMessageException.class);
        byte[] tooMany = MessageCodec.encode(new GetHeaders(1, 0, 1));
        tooMany[tooMany.length - 1] = 0x7f; // count 1 -> 127 is fine; now make it 2048
        assertThat(MessageCodec.decode(tooMany)).isEqualTo(new GetHeaders(1, 0, 127));
        byte[] huge = new org.stele.common.rlp.RlpWriter().startList().writeLong(1).writeLong(0).writeLong(2048)
                .endList().toByteArray();
        byte[] payload = new byte[huge.length + 1];
        payload[0] = MessageCodec.GET_HEADERS;
        System.arraycopy(huge, 0, payload, 1, huge.length);
        assertThatThrownBy(() -> MessageCodec.decode(payload)).hasMessageContaining("1 to 1024 items");
        assertThatThrownBy(() -> MessageCodec.decode(new byte[]{0x00})).isInstanceOf(
                MalformedMessageException.class);
    }

    @Provide
    Arbitrary<Message> messages() {
        Arbitrary<Bytes> blobs = Arbitraries.bytes().array(byte[].class).ofMaxSize(200).map(Bytes::wrap);
        Arbitrary<Bytes32> hashes = Arbitraries.bytes().array(byte[].class).ofSize(32).map(Bytes32::wrap);
        Arbitrary<Long> numbers = Arbitraries.longs().between(0, Long.MAX_VALUE);
        Arbitrary<List<Bytes>> lists = blobs.list().ofMaxSize(20);
        Arbitrary<Integer> counts = Arbitraries.integers().between(1, Message.MAX_RANGE);
        return Arbitraries.oneOf(
                Combinators.combine(Arbitraries.integers().between(0, 1000), numbers, hashes, numbers, hashes)
                        .as(Hello::new),
                Combinators.combine(Arbitraries.of(DisconnectReason.class), Arbitraries.strings().ofMaxLength(80))
                        .as((r, d) -> new Disconnect(r, d)),
                blobs.map(QbftMessage::new), lists.filter(l -> !l.isEmpty()).map(Transactions::new),
                Combinators.combine(numbers, hashes).as(NewBlock::new),
                Combinators.combine(numbers, numbers, counts).as(GetHeaders::new),
                Combinators.combine(numbers, lists).as(Headers::new),
                Combinators.combine(numbers, numbers, counts).as(GetBodies::new),
                Combinators.combine(numbers, lists).as(Bodies::new),
                hashes.list().ofMinSize(1).ofMaxSize(20).map(Message.TransactionHashes::new),
                hashes.list().ofMinSize(1).ofMaxSize(20).map(Message.GetTransactions::new));
    }
}
