package org.stele.common.rlp;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Generic RLP: decoding any input into an {@link RlpItem} tree and encoding a tree back. Every walk over the tree
 * uses an explicit stack on the heap, so nesting depth is bounded only by {@link RlpLimits}, never by the thread
 * stack.
 */
public final class Rlp {
    private Rlp() {
    }

    /** Decodes {@code encoded}, which must be exactly one item, with {@link RlpLimits#DEFAULT}. */
    public static RlpItem decode(byte[] encoded) {
        return decode(encoded, RlpLimits.DEFAULT);
    }

    /**
     * Decodes {@code encoded}, which must be exactly one item, validating every nested item.
     *
     * @throws RlpException
     *             if the input is malformed, not canonical, has trailing bytes or exceeds {@code limits}
     */
    public static RlpItem decode(byte[] encoded, RlpLimits limits) {
        RlpReader reader = RlpReader.of(encoded, limits.maxSize());
        RlpItem item = read(reader, limits);
        reader.requireEnd();
        return item;
    }

    /** The canonical encoding of {@code item}. */
    public static byte[] encode(RlpItem item) {
        // Pass 1: flatten the tree in pre-order, which is exactly the order of the encoding's bytes.
        List<RlpItem> nodes = new ArrayList<>();
        int[] parents = new int[16];
        ArrayDeque<RlpItem> stack = new ArrayDeque<>();
        IntStack parentStack = new IntStack();
        stack.push(item);
        parentStack.push(-1);
        while (!stack.isEmpty()) {
            RlpItem node = stack.pop();
            int parent = parentStack.pop();
            int index = nodes.size();
            nodes.add(node);
            if (index == parents.length)
                parents = Arrays.copyOf(parents, index * 2);
            parents[index] = parent;
            if (node instanceof RlpList list) {
                for (int i = list.size() - 1; i >= 0; i--) {
                    stack.push(list.get(i));
                    parentStack.push(index);
                }
            }
        }
        // Pass 2: children follow their parent, so a reverse sweep sums every list's payload before the list is seen.
        int n = nodes.size();
        long[] payload = new long[n];
        long total = 0;
        for (int i = n - 1; i >= 0; i--) {
            long length = switch (nodes.get(i)) {
                case RlpString s -> encodedStringLength(s.value().unsafeArray());
                case RlpList l -> prefixLength(payload[i]) + payload[i];
            };
            if (parents[i] >= 0)
                payload[parents[i]] += length;
            else
                total = length;
            if (length > Integer.MAX_VALUE - 8)
                throw new IllegalArgumentException("RLP encoding too large: " + length + " bytes");
        }
        // Pass 3: write prefixes and strings in pre-order.
        byte[] out = new byte[(int) total];
        int pos = 0;
        for (int i = 0; i < n; i++) {
            switch (nodes.get(i)) {
                case RlpString s -> {
                    byte[] b = s.value().unsafeArray();
                    if (b.length == 1 && (b[0] & 0xff) < 0x80) {
                        out[pos++] = b[0];
                    } else {
                        pos += RlpWriter.writePrefix(out, pos, b.length, 0x80);
                        System.arraycopy(b, 0, out, pos, b.length);
                        pos += b.length;
                    }
                }
                case RlpList l -> pos += RlpWriter.writePrefix(out, pos, (int) payload[i], 0xc0);
            }
        }
        return out;
    }

    /** Reads the reader's next item as a tree, within {@code limits}' depth and item count. */
    static RlpItem read(RlpReader reader, RlpLimits limits) {
        int items = 0;
        int at = reader.position();
        if (++items > limits.maxItems())
            throw new RlpException("more than " + limits.maxItems() + " items", at);
        if (!reader.nextIsList())
            return new RlpString(reader.readBytesValue());
        if (limits.maxDepth() < 1)
            throw new RlpException("lists nested deeper than " + limits.maxDepth() + " levels", at);
        ArrayDeque<RlpReader> readers = new ArrayDeque<>();
        ArrayDeque<List<RlpItem>> lists = new ArrayDeque<>();
        readers.push(reader.readList());
        lists.push(new ArrayList<>());
        while (true) {
            RlpReader top = readers.peek();
            if (top.hasNext()) {
                at = top.position();
                if (++items > limits.maxItems())
                    throw new RlpException("more than " + limits.maxItems() + " items", at);
                if (top.nextIsList()) {
                    if (readers.size() >= limits.maxDepth())
                        throw new RlpException("lists nested deeper than " + limits.maxDepth() + " levels", at);
                    readers.push(top.readList());
                    lists.push(new ArrayList<>());
                } else {
                    lists.peek().add(new RlpString(top.readBytesValue()));
                }
            } else {
                readers.pop();
                RlpList done = new RlpList(lists.pop());
                if (lists.isEmpty())
                    return done;
                lists.peek().add(done);
            }
        }
    }

    static boolean structurallyEqual(RlpItem a, RlpItem b) {
        ArrayDeque<RlpItem> left = new ArrayDeque<>();
        ArrayDeque<RlpItem> right = new ArrayDeque<>();
        left.push(a);
        right.push(b);
        while (!left.isEmpty()) {
            RlpItem x = left.pop();
            RlpItem y = right.pop();
            if (x == y)
                continue;
            switch (x) {
                case RlpString s -> {
                    if (!(y instanceof RlpString t) || !s.value().equals(t.value()))
                        return false;
                }
                case RlpList l -> {
                    if (!(y instanceof RlpList m) || l.size() != m.size())
                        return false;
                    for (int i = 0; i < l.size(); i++) {
                        left.push(l.get(i));
                        right.push(m.get(i));
                    }
                }
            }
        }
        return true;
    }

    static int structuralHash(RlpItem item) {
        int h = 1;
        ArrayDeque<RlpItem> stack = new ArrayDeque<>();
        stack.push(item);
        while (!stack.isEmpty()) {
            switch (stack.pop()) {
                case RlpString s -> h = 31 * h + s.value().hashCode();
                case RlpList l -> {
                    // The list's size marks where it starts, so [[a], b] and [[a, b]] hash differently.
                    h = 31 * h + ~l.size();
                    for (int i = l.size() - 1; i >= 0; i--)
                        stack.push(l.get(i));
                }
            }
        }
        return h;
    }

    static String render(RlpItem item) {
        StringBuilder sb = new StringBuilder();
        ArrayDeque<Object> stack = new ArrayDeque<>();
        stack.push(item);
        while (!stack.isEmpty()) {
            switch (stack.pop()) {
                case String token -> sb.append(token);
                case RlpString s -> sb.append(s.value().toHex());
                case RlpList l -> {
                    sb.append('[');
                    stack.push("]");
                    for (int i = l.size() - 1; i >= 0; i--) {
                        stack.push(l.get(i));
                        if (i > 0)
                            stack.push(", ");
                    }
                }
                default -> throw new IllegalStateException();
            }
        }
        return sb.toString();
    }

    private static long encodedStringLength(byte[] b) {
        if (b.length == 1 && (b[0] & 0xff) < 0x80)
            return 1;
        return prefixLength(b.length) + b.length;
    }

    private static long prefixLength(long payload) {
        if (payload < 56)
            return 1;
        return 1 + (8 - Long.numberOfLeadingZeros(payload) / 8);
    }

    /** A growable stack of ints, to keep the encoder's bookkeeping free of boxing. */
    private static final class IntStack {
        private int[] values = new int[16];
        private int size;

        void push(int v) {
            if (size == values.length)
                values = Arrays.copyOf(values, size * 2);
            values[size++] = v;
        }

        int pop() {
            return values[--size];
        }
    }
}
