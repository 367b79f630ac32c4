package org.stele.chain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;

class BaseFeeTest {
    private static BlockHeader parent(long baseFee, long gasLimit, long gasUsed) {
        return BlockHeader.builder().gasLimit(gasLimit).gasUsed(gasUsed).baseFeePerGas(BigInteger.valueOf(baseFee))
                .build();
    }

    @Test
    void aHalfFullBlockKeepsTheBaseFee() {
        assertThat(BaseFee.next(parent(1_000_000_000, 30_000_000, 15_000_000)))
                .isEqualTo(BigInteger.valueOf(1_000_000_000));
    }

    @Test
    void aFullBlockRaisesItByAnEighthAndAnEmptyOneLowersItByAnEighth() {
        assertThat(BaseFee.next(parent(1_000_000_000, 30_000_000, 30_000_000)))
                .isEqualTo(BigInteger.valueOf(1_125_000_000));
        assertThat(BaseFee.next(parent(1_000_000_000, 30_000_000, 0))).isEqualTo(BigInteger.valueOf(875_000_000));
    }

    @Test
    void aSlightlyFullerBlockRaisesItByAtLeastOneWei() {
        assertThat(BaseFee.next(parent(7, 30_000_000, 15_000_001))).isEqualTo(BigInteger.valueOf(8));
    }

    @Property
    void theChangeNeverExceedsAnEighth(@ForAll @LongRange(min = 8, max = 1_000_000_000_000L) long fee,
            @ForAll @LongRange(min = 0, max = 30_000_000) long used) {
        BigInteger next = BaseFee.next(parent(fee, 30_000_000, used));
        BigInteger diff = next.subtract(BigInteger.valueOf(fee)).abs();
        assertThat(diff).isLessThanOrEqualTo(BigInteger.valueOf(fee / 8).max(BigInteger.ONE));
    }
}
