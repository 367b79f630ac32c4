package org.stele.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PacingScheduleTest {

    @Test
    void batchesOfAHundredAtTwoThousandPerSecondAreFiftyMillisecondsApart() {
        PacingSchedule s = new PacingSchedule(2000, 100);
        assertThat(s.dueNanos(0)).isZero();
        assertThat(s.dueNanos(1)).isEqualTo(50_000_000L);
        assertThat(s.dueNanos(40)).isEqualTo(2_000_000_000L);
    }

    @Test
    void theScheduleHoldsTheOfferedRateWhateverTheBatchSize() {
        for (int batch : new int[]{1, 7, 100, 1000}) {
            PacingSchedule s = new PacingSchedule(5000, batch);
            long batchesForTenThousand = 10_000 / batch;
            // 10,000 transactions at 5,000 tx/s: the batch after them is due at 2 s, within rounding.
            assertThat(s.dueNanos(batchesForTenThousand) / 1e9).isCloseTo(batchesForTenThousand * batch / 5000.0,
                    org.assertj.core.data.Offset.offset(1e-9));
        }
    }

    @Test
    void rateZeroMeansEveryBatchIsDueAtOnce() {
        PacingSchedule s = new PacingSchedule(0, 50);
        assertThat(s.unpaced()).isTrue();
        assertThat(s.dueNanos(12345)).isZero();
    }

    @Test
    void batchCountRoundsUpForAShortLastBatch() {
        assertThat(new PacingSchedule(10, 100).batchCount(1000)).isEqualTo(10);
        assertThat(new PacingSchedule(10, 100).batchCount(1001)).isEqualTo(11);
        assertThat(new PacingSchedule(10, 100).batchCount(1)).isEqualTo(1);
    }

    @Test
    void negativeRatesAndEmptyBatchesAreRefused() {
        assertThatThrownBy(() -> new PacingSchedule(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PacingSchedule(Double.NaN, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PacingSchedule(10, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
