package org.stele.node.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.stele.common.Address;

/**
 * The sync plan against peers that answer in full, in part, late or not at all, and that leave and come back: a node
 * always reaches the highest head, never has one block out to two peers at once, never asks for a block it has or one
 * beyond the window, and shares the work among the peers.
 */
class SyncPlanPropertiesTest {
    private static final int MAX_SPAN = 16;
    private static final int WINDOW = 64;

    private static Address peer(int i) {
        byte[] b = new byte[20];
        b[19] = (byte) (i + 1);
        return Address.wrap(b);
    }

    @Property(tries = 300)
    void aNodeReachesTheHighestHeadWhateverThePeersDo(@ForAll long seed, @ForAll @IntRange(min = 1, max = 5) int peers,
            @ForAll @IntRange(min = 1, max = 400) int highest) {
        Random random = new Random(seed);
        SyncPlan plan = new SyncPlan(MAX_SPAN, WINDOW);
        long[] heads = new long[peers];
        for (int i = 0; i < peers; i++)
            heads[i] = i == 0 ? highest : random.nextInt(highest + 1);
        Set<Integer> gone = new HashSet<>();
        for (int i = 0; i < peers; i++)
            plan.peerHead(peer(i), heads[i]);
        Map<Integer, SyncPlan.Span> out = new HashMap<>();
        Set<Long> fetched = new HashSet<>();
        long head = 0;
        for (int step = 0; step < 100_000 && head < highest; step++) {
            for (SyncPlan.Assignment a : plan.assign(head)) {
                int p = a.peer().toArray()[19] - 1;
                SyncPlan.Span s = a.span();
                assertThat(out).doesNotContainKey(p);
                assertThat(s.from()).as("never asks for what the node has").isGreaterThan(head);
                assertThat(s.to()).as("stays in the window and within the peer's head").isLessThanOrEqualTo(
                        Math.min(head + WINDOW, heads[p]));
                assertThat(s.count()).isLessThanOrEqualTo(MAX_SPAN);
                for (SyncPlan.Span other : out.values())
                    assertThat(s.to() < other.from() || other.to() < s.from()).as("%s overlaps %s", s, other)
                            .isTrue();
                out.put(p, s);
            }
            if (out.isEmpty()) {
                // Everybody is gone or served less than it has: peers come back and announce their heads again.
                for (int i = 0; i < peers; i++) {
                    gone.remove(i);
                    plan.peerHead(peer(i), heads[i]);
                }
                continue;
            }
            List<Integer> asked = new ArrayList<>(out.keySet());
            int p = asked.get(random.nextInt(asked.size()));
            SyncPlan.Span s = out.remove(p);
            switch (random.nextInt(6)) {
                case 0 -> plan.timedOut(peer(p));
                case 1 -> {
                    plan.forget(peer(p));
                    gone.add(p);
                }
                case 2 -> {
                    long to = s.from() - 1 + random.nextInt(s.count());
                    for (long n = s.from(); n <= to; n++)
                        fetched.add(n);
                    plan.served(peer(p), to);
                }
                default -> {
                    for (long n = s.from(); n <= s.to(); n++)
                        fetched.add(n);
                    plan.served(peer(p), s.to());
                }
            }
            while (fetched.remove(head + 1))
                head++;
        }
        assertThat(head).isEqualTo(highest);
    }

    @Test
    void theFirstRangesAreSharedAmongAllPeersAhead() {
        SyncPlan plan = new SyncPlan(256, 1024);
        for (int i = 0; i < 3; i++)
            plan.peerHead(peer(i), 60);
        List<SyncPlan.Assignment> first = plan.assign(0);
        assertThat(first).extracting(SyncPlan.Assignment::peer).containsExactly(peer(0), peer(1), peer(2));
        assertThat(first).extracting(SyncPlan.Assignment::span).containsExactly(new SyncPlan.Span(1, 10),
                new SyncPlan.Span(11, 19), new SyncPlan.Span(20, 26));
    }

    @Test
    void aRangeAPeerFailedGoesToAnotherPeerBeforeAnythingNew() {
        SyncPlan plan = new SyncPlan(256, 1024);
        plan.peerHead(peer(0), 100);
        plan.peerHead(peer(1), 100);
        SyncPlan.Span lost = plan.assign(0).getFirst().span();
        plan.forget(peer(0));
        plan.served(peer(1), plan.asked(peer(1)).orElseThrow().to());
        assertThat(plan.assign(0)).extracting(SyncPlan.Assignment::span).containsExactly(lost);
    }
}
