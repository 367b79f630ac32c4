package org.stele.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class LoadReportTest {

    private static LoadReport report(long confirmed, long windowNanos, Map<String, Long> rejected,
            Optional<LoadReport.RssSamples> rss) {
        long[] lat = new long[(int) confirmed];
        for (int i = 0; i < lat.length; i++)
            lat[i] = (i + 1) * 1_000_000L; // 1 ms .. confirmed ms
        return new LoadReport("erc20", 200, 100, 2000, 10_000, new TreeMap<>(rejected), confirmed, 4_000_000_000L,
                windowNanos, Percentiles.of(lat), 6, 200, 1, rss, 500_000_000L);
    }

    @Test
    void confirmedTpsIsConfirmedOverFirstSubmitToLastConfirmation() {
        LoadReport r = report(1000, 2_000_000_000L, Map.of(), Optional.empty());
        assertThat(r.confirmedTps()).isEqualTo(500.0);
        assertThat(r.submittedTps()).isCloseTo(2499.75, org.assertj.core.data.Offset.offset(1e-6));
    }

    @Test
    void unconfirmedIsWhatWasAcceptedButNeverSeenInABlock() {
        LoadReport r = report(1000, 2_000_000_000L, Map.of("nonce too low", 3L, "txpool is full", 7L),
                Optional.empty());
        assertThat(r.rejectedCount()).isEqualTo(10);
        assertThat(r.unconfirmed()).isEqualTo(10_000 - 10 - 1000);
    }

    @Test
    void formatShowsRatesLatenciesErrorsAndMemory() {
        String text = report(1000, 2_000_000_000L, Map.of("nonce too low", 3L),
                Optional.of(new LoadReport.RssSamples(42, 2048, 1536, 9))).format();
        assertThat(text).contains("kind=erc20 senders=200 batch=100 offered=2000 tx/s")
                .contains("confirmed TPS  500")
                .contains("latency ms     p50 500  p90 900  p99 990  max 1000")
                .contains("rejected       3")
                .contains("       3  nonce too low")
                .contains("receipts       200 checked, 1 failed")
                .contains("RSS pid 42     peak 2.0 MiB, mean 1.5 MiB (9 samples)")
                .contains("generator CPU  0.5 s (0.25 cores over the measured window)");
    }

    @Test
    void aRunWithNothingConfirmedSaysSoInsteadOfFailing() {
        String text = report(0, 0, Map.of("transport: ConnectException", 10_000L), Optional.empty()).format();
        assertThat(text).contains("confirmed TPS  0").contains("(no confirmed transactions)")
                .contains("transport: ConnectException").doesNotContain("RSS");
    }
}
