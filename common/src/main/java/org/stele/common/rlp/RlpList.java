package org.stele.common.rlp;

import java.util.List;

/**
 * An RLP list. Equality, hash code and {@link #toString()} are structural but computed without recursion, unlike a
 * plain record's, so that comparing or printing a deeply nested value cannot overflow the stack.
 */
public record RlpList(List<RlpItem> items) implements RlpItem {
    public static final RlpList EMPTY = new RlpList(List.of());

    public RlpList {
        items = List.copyOf(items);
    }

    public static RlpList of(RlpItem... items) {
        return new RlpList(List.of(items));
    }

    public int size() {
        return items.size();
    }

    public RlpItem get(int i) {
        return items.get(i);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RlpList other && Rlp.structurallyEqual(this, other);
    }

    @Override
    public int hashCode() {
        return Rlp.structuralHash(this);
    }

    /** Nested brackets of hex strings, e.g. {@code [0x01, [], 0x]}. */
    @Override
    public String toString() {
        return Rlp.render(this);
    }
}
