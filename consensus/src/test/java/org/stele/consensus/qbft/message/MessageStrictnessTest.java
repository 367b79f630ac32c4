package org.stele.consensus.qbft.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.common.rlp.RlpReader;
import org.stele.common.rlp.RlpWriter;
import org.stele.consensus.qbft.QbftBlock;
import org.stele.consensus.qbft.TestValidators;
import org.stele.testkit.TestKeys;

/**
 * Decoding is strict: a message with one extra item in any of its lists (outside the block, whose header may grow
 * optional fields and whose body consensus carries as is) or after its end is refused, never read with the extra item
 * ignored — an ignored item would let two different byte strings carry the same signed message.
 */
class MessageStrictnessTest {
    private static final TestValidators CHAIN = new TestValidators(4);
    private static final MessageCodec CODEC = new MessageCodec(TestKeys.SUITE);

    /** An RLP item as a tree: a list of items, or a string kept as its encoding. */
    private sealed interface Item {
    }

    private record Str(byte[] encoded) implements Item {}

    private record Lst(List<Item> items) implements Item {}

    private static Item parse(RlpReader r) {
        if (!r.nextIsList())
            return new Str(r.readRaw());
        RlpReader l = r.readList();
        List<Item> items = new ArrayList<>();
        while (l.hasNext())
            items.add(parse(l));
        return new Lst(items);
    }

    private static void write(Item item, RlpWriter w) {
        switch (item) {
            case Str s -> w.writeRaw(s.encoded());
            case Lst l -> {
                w.startList();
                for (Item i : l.items())
                    write(i, w);
                w.endList();
            }
        }
    }

    /** A block header is the only list of 15 or more items in these messages. */
    private static boolean isBlock(Lst l) {
        return !l.items().isEmpty() && l.items().get(0) instanceof Lst h && h.items().size() >= 15;
    }

    /** Every copy of {@code item} with one empty string appended to one of its lists, blocks left alone. */
    private static List<Item> withOneExtraItem(Item item) {
        List<Item> out = new ArrayList<>();
        if (!(item instanceof Lst l) || isBlock(l))
            return out;
        List<Item> longer = new ArrayList<>(l.items());
        longer.add(new Str(new byte[]{(byte) 0x80}));
        out.add(new Lst(longer));
        for (int i = 0; i < l.items().size(); i++)
            for (Item variant : withOneExtraItem(l.items().get(i))) {
                List<Item> copy = new ArrayList<>(l.items());
                copy.set(i, variant);
                out.add(new Lst(copy));
            }
        return out;
    }

    static Stream<QbftMessage> messages() {
        Address a = CHAIN.validators.get(0);
        MessageFactory f = new MessageFactory(CHAIN.keyOf(a), TestKeys.SUITE);
        QbftBlock block = CHAIN.block(CHAIN.genesis(), 0, a, 1);
        Bytes32 digest = CHAIN.hashing.blockHash(block.header());
        List<SignedPayload<PreparePayload>> prepares = CHAIN.validators.stream()
                .map(v -> new MessageFactory(CHAIN.keyOf(v), TestKeys.SUITE).prepare(1, 0, digest).signed()).toList();
        RoundChange prepared = f.roundChange(1, 1, Optional.of(new PreparedRound(0, digest)), Optional.of(block),
                prepares);
        return Stream.of(f.prepare(1, 0, digest), f.commit(1, 0, digest, f.commitSeal(block.header())),
                f.roundChange(1, 1, Optional.empty(), Optional.empty(), List.of()), prepared,
                f.proposal(1, 0, block, List.of(), List.of()),
                f.proposal(1, 1, block, List.of(prepared.signed(), prepared.signed()), prepares));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void aMessageWithAnExtraItemInAnyListOrAfterItsEndIsRefused(QbftMessage m) throws Exception {
        byte[] wire = CODEC.toWire(m);
        byte[] rlp = java.util.Arrays.copyOfRange(wire, 1, wire.length);
        assertThat(CODEC.fromWire(wire).author()).isEqualTo(m.author());

        List<Item> variants = withOneExtraItem(parse(RlpReader.of(rlp)));
        assertThat(variants).hasSizeGreaterThanOrEqualTo(2);
        for (Item v : variants) {
            RlpWriter w = new RlpWriter();
            write(v, w);
            assertThatThrownBy(() -> CODEC.decode(m.code(), w.toByteArray()))
                    .isInstanceOf(MessageDecodingException.class);
        }
        byte[] trailing = java.util.Arrays.copyOf(rlp, rlp.length + 1);
        trailing[rlp.length] = (byte) 0x80;
        assertThatThrownBy(() -> CODEC.decode(m.code(), trailing)).isInstanceOf(MessageDecodingException.class)
                .hasMessageContaining("malformed");
    }

    @ParameterizedTest
    @MethodSource("messages")
    void aMessageUnderAnotherCodeOrWithoutItsCodeIsRefused(QbftMessage m) {
        byte[] wire = CODEC.toWire(m);
        wire[0] = (byte) 0x16;
        assertThatThrownBy(() -> CODEC.fromWire(wire)).isInstanceOf(MessageDecodingException.class)
                .hasMessageContaining("0x16");
        assertThatThrownBy(() -> CODEC.fromWire(new byte[0])).isInstanceOf(MessageDecodingException.class);
    }

    @org.junit.jupiter.api.Test
    void aPreparedCertificateWithAnExtraItemIsRefused() throws Exception {
        QbftMessage m = messages().filter(x -> x instanceof RoundChange rc && rc.preparedBlock().isPresent())
                .findFirst().orElseThrow();
        RoundChange rc = (RoundChange) m;
        PreparedCertificate cert = new PreparedCertificate(0, rc.preparedBlock().get(), rc.prepares());
        byte[] encoded = CODEC.encodePreparedCertificate(cert);
        assertThat(CODEC.decodePreparedCertificate(encoded).round()).isZero();
        for (Item v : withOneExtraItem(parse(RlpReader.of(encoded)))) {
            RlpWriter w = new RlpWriter();
            write(v, w);
            assertThatThrownBy(() -> CODEC.decodePreparedCertificate(w.toByteArray()))
                    .isInstanceOf(MessageDecodingException.class);
        }
    }
}
