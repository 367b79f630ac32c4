package org.stele.chain;

import java.util.Objects;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.rlp.RlpException;
import org.stele.common.rlp.RlpReader;
import org.stele.common.rlp.RlpWriter;

/** A header and its body, encoded as Ethereum does: {@code [header, transactions, ommers(, withdrawals)]}. */
public record Block(BlockHeader header, BlockBody body) {
    /**
     * Default largest block encoding {@link #decode(byte[])} accepts; a limit named by the caller (from the chain's
     * gas limit, say) can be passed instead.
     */
    public static final int DEFAULT_MAX_ENCODED_SIZE = 32 * 1024 * 1024;

    public Block {
        Objects.requireNonNull(header, "header");
        Objects.requireNonNull(body, "body");
    }

    public Bytes32 hash(CryptoSuite suite) {
        return header.hash(suite);
    }

    public byte[] encode() {
        RlpWriter w = new RlpWriter(2048);
        w.startList();
        header.writeTo(w);
        body.writeFields(w);
        return w.endList().toByteArray();
    }

    public static Block decode(byte[] encoded) {
        return decode(encoded, DEFAULT_MAX_ENCODED_SIZE);
    }

    /**
     * @throws RlpException for malformed encodings (a transaction that does not decode included, with its index), or
     *                      an encoding above {@code maxSize}
     */
    public static Block decode(byte[] encoded, int maxSize) {
        if (encoded.length > maxSize)
            throw new RlpException("block of " + encoded.length + " bytes exceeds the limit of " + maxSize, 0);
        RlpReader r = RlpReader.of(encoded);
        RlpReader fields = r.readList();
        r.requireEnd();
        BlockHeader header = BlockHeader.readFrom(fields);
        BlockBody body = BlockBody.readFields(fields);
        fields.requireEnd();
        return new Block(header, body);
    }
}
