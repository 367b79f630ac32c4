package org.stele.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.consensus.qbft.BftExtraData;
import org.stele.consensus.qbft.BftExtraDataCodec;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** The history is genesis plus every header that lists another set than the one before, read once per header. */
class ValidatorSetHistoryTest {
    private static BlockHeader header(long number, int set) {
        List<Address> validators = List.of(Address.ZERO, Address.fromHex(String.format("0x%040x", set + 1)));
        return BlockHeader.builder().number(number).parentHash(Bytes32.ZERO).gasLimit(30_000_000)
                .extraData(BftExtraDataCodec.encode(new BftExtraData(Bytes.wrap(new byte[32]), validators,
                        Optional.empty(), 0, List.of())))
                .build();
    }

    @Property(tries = 50)
    void theHistoryHoldsGenesisAndEveryChangeUpToTheAskedBlock(
            @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 2) Integer> sets,
            @ForAll @IntRange(min = 0, max = 39) int asked) {
        long upTo = Math.min(asked, sets.size() - 1);
        List<BlockHeader> chain = new ArrayList<>();
        for (int i = 0; i < sets.size(); i++)
            chain.add(header(i, sets.get(i)));
        List<Long> expected = new ArrayList<>();
        for (int i = 0; i <= upTo; i++)
            if (i == 0 || !sets.get(i).equals(sets.get(i - 1)))
                expected.add((long) i);
        ValidatorSetHistory history = new ValidatorSetHistory(n -> n < chain.size()
                ? Optional.of(chain.get((int) n))
                : Optional.empty());
        assertThat(history.upTo(upTo).stream().map(BlockHeader::number).toList()).isEqualTo(expected);
    }

    @Test
    void eachStoredHeaderIsReadOnceAcrossCalls() {
        List<BlockHeader> chain = List.of(header(0, 0), header(1, 0), header(2, 1), header(3, 1));
        AtomicInteger reads = new AtomicInteger();
        ValidatorSetHistory history = new ValidatorSetHistory(n -> {
            reads.incrementAndGet();
            return Optional.of(chain.get((int) n));
        });
        assertThat(history.upTo(1)).hasSize(1);
        assertThat(history.upTo(3).stream().map(BlockHeader::number)).containsExactly(0L, 2L);
        assertThat(history.upTo(1)).hasSize(1);
        assertThat(reads).hasValue(4);
    }

    @Test
    void aHeaderWithoutQbftExtraDataIsRefusedWithTheReason() {
        BlockHeader plain = BlockHeader.builder().number(0).parentHash(Bytes32.ZERO).gasLimit(1).build();
        ValidatorSetHistory history = new ValidatorSetHistory(n -> Optional.of(plain));
        assertThatThrownBy(() -> history.upTo(0)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("proofs need a stele-qbft chain");
    }
}
