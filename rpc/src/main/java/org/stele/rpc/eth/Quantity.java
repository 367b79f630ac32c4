package org.stele.rpc.eth;

import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;

/** Ethereum's hex quantities: {@code 0x} and no leading zeros, {@code 0x0} for zero. */
public final class Quantity {
    private Quantity() {
    }

    public static TextNode of(long v) {
        return TextNode.valueOf("0x" + Long.toHexString(v));
    }

    public static TextNode ofUnsigned(long v) {
        return TextNode.valueOf("0x" + Long.toUnsignedString(v, 16));
    }

    public static TextNode of(BigInteger v) {
        return TextNode.valueOf("0x" + v.toString(16));
    }
}
