package org.stele.common.rlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * Nesting far deeper than any thread stack could follow by recursion (surefire runs with {@code -Xss4m}): decoding,
 * encoding, comparing, hashing and printing must all stay on the heap.
 */
class RlpDeepNestingTest {
    private static final int DEPTH = 100_000;

    @Test
    void hundredThousandNestedListsDecodeAndEncodeWithoutStackOverflow() {
        byte[] encoded = nestedEmptyLists(DEPTH);
        RlpLimits deep = RlpLimits.DEFAULT.withMaxDepth(DEPTH);

        RlpItem decoded = Rlp.decode(encoded, deep);

        assertThat(depthOf(decoded)).isEqualTo(DEPTH);
        assertThat(Rlp.encode(decoded)).isEqualTo(encoded);
    }

    @Test
    void deeplyNestedValuesCompareHashAndPrintWithoutStackOverflow() {
        RlpItem a = nest(DEPTH);
        RlpItem b = nest(DEPTH);
        RlpItem shallower = nest(DEPTH - 1);

        assertThat(a).isEqualTo(b).isNotEqualTo(shallower);
        assertThat(a.hashCode()).isEqualTo(b.hashCode());
        assertThat(a.toString()).hasSize(2 * DEPTH).startsWith("[[[").endsWith("]]]");
    }

    @Test
    void nestingBeyondTheDepthLimitIsRejectedAtTheOffendingList() {
        byte[] encoded = nestedEmptyLists(DEPTH);

        assertThatThrownBy(() -> Rlp.decode(encoded)).isInstanceOf(RlpException.class)
                .hasMessageContaining("nested deeper than 1024").satisfies(e -> assertThat(((RlpException) e)
                        .offset()).isEqualTo(prefixBytesBeforeDepth(encoded, RlpLimits.DEFAULT.maxDepth())));
    }

    @Test
    void depthLimitCountsTheOutermostListAsOne() {
        byte[] threeDeep = nestedEmptyLists(3);

        assertThat(Rlp.decode(threeDeep, RlpLimits.DEFAULT.withMaxDepth(3))).isEqualTo(nest(3));
        assertThatThrownBy(() -> Rlp.decode(threeDeep, RlpLimits.DEFAULT.withMaxDepth(2)))
                .isInstanceOf(RlpException.class);
    }

    /** [[[...[]...]]] built inside out, each level a list prefix around the previous encoding. */
    private static byte[] nestedEmptyLists(int depth) {
        RlpItem item = nest(depth);
        return Rlp.encode(item);
    }

    private static RlpItem nest(int depth) {
        RlpItem item = RlpList.EMPTY;
        for (int i = 1; i < depth; i++)
            item = RlpList.of(item);
        return item;
    }

    private static int depthOf(RlpItem item) {
        int depth = 0;
        while (item instanceof RlpList l) {
            depth++;
            item = l.size() == 0 ? null : l.get(0);
        }
        return depth;
    }

    /** The offset of the list at nesting level {@code depth + 1}, found by walking the prefixes. */
    private static int prefixBytesBeforeDepth(byte[] encoded, int depth) {
        RlpReader r = RlpReader.of(encoded);
        for (int i = 0; i < depth; i++)
            r = r.readList();
        return r.position();
    }
}
