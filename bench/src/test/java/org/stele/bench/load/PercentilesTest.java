package org.stele.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void nearestRankOnOneToHundredIsTheRankItself() {
        long[] samples = new long[100];
        for (int i = 0; i < 100; i++)
            samples[99 - i] = i + 1; // reversed, so sorting matters
        Percentiles p = Percentiles.of(samples);
        assertThat(p.percentile(50)).isEqualTo(50);
        assertThat(p.percentile(90)).isEqualTo(90);
        assertThat(p.percentile(99)).isEqualTo(99);
        assertThat(p.percentile(100)).isEqualTo(100);
        assertThat(p.max()).isEqualTo(100);
    }

    @Test
    void smallSetsRoundTheRankUp() {
        Percentiles p = Percentiles.of(new long[]{10, 20, 30, 40});
        assertThat(p.percentile(50)).isEqualTo(20);
        assertThat(p.percentile(51)).isEqualTo(30);
        assertThat(p.percentile(99)).isEqualTo(40);
        assertThat(p.percentile(0.1)).isEqualTo(10);
    }

    @Test
    void callersArrayIsLeftUnsorted() {
        long[] samples = {3, 1, 2};
        Percentiles.of(samples);
        assertThat(samples).containsExactly(3, 1, 2);
    }

    @Test
    void emptySamplesAndOutOfRangePercentilesAreRefused() {
        assertThatThrownBy(() -> Percentiles.of(new long[0]).percentile(50)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> Percentiles.of(new long[]{1}).percentile(0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Percentiles.of(new long[]{1}).percentile(100.5))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 200)
    void percentileIsASampleWithAtLeastThatShareAtOrBelowIt(@ForAll @Size(min = 1, max = 300) long[] samples,
            @ForAll @DoubleRange(min = 0.01, max = 100) double p) {
        long v = Percentiles.of(samples).percentile(p);
        assertThat(samples).contains(v);
        long atOrBelow = Arrays.stream(samples).filter(x -> x <= v).count();
        long below = Arrays.stream(samples).filter(x -> x < v).count();
        assertThat(atOrBelow * 100.0).isGreaterThanOrEqualTo(p * samples.length - 1e-6);
        assertThat(below * 100.0).isLessThan(p * samples.length + 1e-6);
    }
}
