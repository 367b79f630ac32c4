package org.stele.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NetworkSummaryTest {
    private static NetworkSummary.Node node(long head, long ticks) {
        return new NetworkSummary.Node("http://127.0.0.1:1", head, Optional.of(7L), Optional.of(ticks),
                Optional.empty());
    }

    @Test
    void nodesAgreeOnlyWhenEveryHashAtTheCommonHeightIsOneAndNoAnnouncedHeadDiffered() {
        List<NetworkSummary.Node> nodes = List.of(node(9, 100), node(9, 100));

        assertThat(new NetworkSummary(9, List.of("0xaa", "0xaa"), 5, 0, nodes, 1_000_000_000L, 10).agree()).isTrue();
        assertThat(new NetworkSummary(9, List.of("0xaa", "0xbb"), 5, 0, nodes, 1_000_000_000L, 10).agree()).isFalse();
        assertThat(new NetworkSummary(9, List.of("0xaa", "0xaa"), 5, 1, nodes, 1_000_000_000L, 10).agree()).isFalse();
        assertThat(new NetworkSummary(9, List.of("0xaa", "0xbb"), 5, 0, nodes, 1_000_000_000L, 10).format())
                .contains("agreement      NO").contains("0xaa / 0xbb");
    }

    @Test
    void cpuPerFinalTransactionAddsEveryNodesTicks() {
        // 150 + 50 ticks = 2 s of CPU over 400 final transactions
        NetworkSummary s = new NetworkSummary(3, List.of("0xaa", "0xaa"), 1, 0, List.of(node(3, 150), node(3, 50)),
                4_000_000_000L, 400);

        assertThat(s.cpuMillisPerTransaction()).hasValue(5.0);
        assertThat(s.format()).contains("node 1         head 3  0.38 cores").contains("5.00 ms per final transaction");
        assertThat(new NetworkSummary(3, List.of("0xaa"), 1, 0, List.of(node(3, 1)), 1L, 0).cpuMillisPerTransaction())
                .isEmpty();
    }
}
