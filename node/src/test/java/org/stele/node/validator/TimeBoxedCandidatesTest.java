package org.stele.node.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.stele.common.Address;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.block.CandidateSource;

class TimeBoxedCandidatesTest {

    private static List<BlockExecutor.Candidate> candidates(int senders, int each) {
        List<BlockExecutor.Candidate> all = new ArrayList<>();
        for (int i = 0; i < each; i++)
            for (int s = 1; s <= senders; s++)
                all.add(new BlockExecutor.Candidate(null, Address.fromHex(String.format("0x%040x", s))));
        return all;
    }

    private static List<BlockExecutor.Candidate> drain(CandidateSource source) {
        List<BlockExecutor.Candidate> taken = new ArrayList<>();
        for (BlockExecutor.Candidate c; (c = source.next()) != null;)
            taken.add(c);
        return taken;
    }

    @Test
    void candidatesStopComingOnceTheBuildTimeIsSpent() {
        AtomicLong now = new AtomicLong(1_000);
        List<BlockExecutor.Candidate> pool = candidates(10, 10);
        // Executing each candidate takes 7 ms: the clock moves when the builder asks for the next one.
        CandidateSource boxed = new TimeBoxedCandidates(CandidateSource.of(pool), () -> now.getAndAdd(7), 1_100);

        List<BlockExecutor.Candidate> taken = drain(boxed);

        // The first comes without a reading; readings 1000, 1007, ..., 1098 are before the deadline (15 more); the
        // reading at 1105 ends the block.
        assertThat(taken).containsExactlyElementsOf(pool.subList(0, 16));
        assertThat(boxed.next()).isNull();
    }

    @Test
    void allCandidatesComeWhenTheyAreTakenWithinTheBuildTime() {
        List<BlockExecutor.Candidate> pool = candidates(5, 4);
        CandidateSource boxed = new TimeBoxedCandidates(CandidateSource.of(pool), () -> 0, 500);

        assertThat(drain(boxed)).containsExactlyElementsOf(pool);
    }

    @Test
    void theFirstCandidateComesEvenWhenTheBuildTimeIsSpentBeforeItSoASlowNodeStillMakesProgress() {
        List<BlockExecutor.Candidate> pool = candidates(3, 1);
        CandidateSource boxed = new TimeBoxedCandidates(CandidateSource.of(pool), () -> 10_000, 500);

        assertThat(drain(boxed)).containsExactly(pool.get(0));
    }

    @Test
    void skippingASenderLeavesItsLaterCandidatesOutAsWithoutTheTimeBox() {
        List<BlockExecutor.Candidate> pool = candidates(2, 3);
        CandidateSource boxed = new TimeBoxedCandidates(CandidateSource.of(pool), () -> 0, 500);

        BlockExecutor.Candidate first = boxed.next();
        boxed.skipSender();
        List<BlockExecutor.Candidate> rest = drain(boxed);

        assertThat(rest).hasSize(3).allMatch(c -> !c.sender().equals(first.sender()));
    }
}
