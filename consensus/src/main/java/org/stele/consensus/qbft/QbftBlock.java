package org.stele.consensus.qbft;

import java.util.Objects;
import org.stele.chain.BlockHeader;
import org.stele.common.Bytes;
import org.stele.common.rlp.RlpReader;
import org.stele.common.rlp.RlpWriter;

/**
 * A block as consensus carries it in a proposal: the header, which consensus reads, and the body, which it does not
 * (transactions, ommers and whatever later forks add), kept as the raw RLP items that follow the header in the
 * block's list. The chain validates the body; consensus only moves it.
 *
 * @param body the concatenated RLP items after the header, e.g. {@code c0c0} for no transactions and no ommers
 */
public record QbftBlock(BlockHeader header, Bytes body) {
    /** The body of a block without transactions and ommers. */
    public static final Bytes EMPTY_BODY = Bytes.of((byte) 0xc0, (byte) 0xc0);

    public QbftBlock {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(body, "body");
    }

    public long number() {
        return header.number();
    }

    public QbftBlock withHeader(BlockHeader h) {
        return new QbftBlock(h, body);
    }

    public void writeTo(RlpWriter w) {
        w.startList();
        header.writeTo(w);
        w.writeRaw(body.unsafeArray());
        w.endList();
    }

    public byte[] encode() {
        RlpWriter w = new RlpWriter(800 + body.size());
        writeTo(w);
        return w.toByteArray();
    }

    /** Reads a block item: a list of a header followed by body items, each checked to be well-formed RLP. */
    public static QbftBlock readFrom(RlpReader r) {
        RlpReader l = r.readList();
        BlockHeader header = BlockHeader.readFrom(l);
        RlpWriter body = new RlpWriter();
        while (l.hasNext())
            body.writeRaw(l.readRaw());
        return new QbftBlock(header, Bytes.wrap(body.toByteArray()));
    }
}
