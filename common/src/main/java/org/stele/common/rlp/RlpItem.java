package org.stele.common.rlp;

/**
 * A decoded RLP value without a schema: a byte string or a list of items. Tools and tests use it to look at arbitrary
 * RLP; typed decoders (transactions, headers) read their fields straight from an {@link RlpReader} instead.
 * Encoding, decoding, equality, hashing and printing all walk the tree with an explicit stack, so a value nested
 * hundreds of thousands of levels deep is handled without Java recursion.
 */
public sealed interface RlpItem permits RlpString, RlpList {

    /** The canonical encoding of this item. */
    default byte[] encode() {
        return Rlp.encode(this);
    }

    /** Decodes exactly one item with {@link RlpLimits#DEFAULT}. */
    static RlpItem decode(byte[] encoded) {
        return Rlp.decode(encoded);
    }
}
