package org.stele.evm;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * {@link Word} writes out its {@code equals} and {@code hashCode} (so that C2 does not parse the records' generated
 * method-handle tree in every hot map lookup); they must keep the record semantics, and the very hash codes a record
 * of the same four limbs has, so that no hash map keyed by words iterates in a different order.
 */
class WordEqualityPropertyTest {
    /** A record with Word's components: its equals and hashCode are the ones the JDK generates. */
    private record Limbs(long l0, long l1, long l2, long l3) {}

    @Property
    void aWordsHashCodeIsTheOneARecordOfTheSameLimbsGenerates(@ForAll long l0, @ForAll long l1, @ForAll long l2,
            @ForAll long l3) {
        assertThat(new Word(l0, l1, l2, l3).hashCode()).isEqualTo(new Limbs(l0, l1, l2, l3).hashCode());
    }

    @Property
    void twoWordsAreEqualExactlyWhenAllFourLimbsAre(@ForAll long l0, @ForAll long l1, @ForAll long l2,
            @ForAll long l3, @ForAll int limb, @ForAll long other) {
        Word word = new Word(l0, l1, l2, l3);
        long[] changed = {l0, l1, l2, l3};
        changed[Math.floorMod(limb, 4)] = other;
        Word second = new Word(changed[0], changed[1], changed[2], changed[3]);
        boolean sameLimbs = new Limbs(l0, l1, l2, l3).equals(new Limbs(changed[0], changed[1], changed[2], changed[3]));
        assertThat(word.equals(second)).isEqualTo(sameLimbs);
        assertThat(second.equals(word)).isEqualTo(sameLimbs);
        assertThat(word).isEqualTo(new Word(l0, l1, l2, l3));
        assertThat(word.equals(null)).isFalse();
        assertThat(word.equals(new Limbs(l0, l1, l2, l3))).isFalse();
    }
}
