package org.stele.common.rlp;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.stele.common.Bytes;

/**
 * The writer's calls chain (each returns the writer itself) and it counts what it wrote; an item tree encodes and
 * decodes through its own methods and prints its bytes.
 */
class RlpWriterChainingTest {

    @Test
    void everyWriteReturnsTheWriterAndItsSizeIsWhatItWrote() {
        RlpWriter w = new RlpWriter(1);
        assertThat(w.size()).isZero();
        assertThat(w.writeBytes(Bytes.of((byte) 0x81, (byte) 2))).isSameAs(w);
        assertThat(w.writeRaw(new byte[]{(byte) 0x80})).isSameAs(w);
        assertThat(w.writeItem(RlpList.of(RlpString.of((byte) 7)))).isSameAs(w);
        assertThat(w.size()).isEqualTo(3 + 1 + 2);
        assertThat(w.toByteArray()).containsExactly(0x82, 0x81, 2, 0x80, 0xc1, 7);
    }

    @Test
    void anItemEncodesAndDecodesThroughItsOwnMethodsAndPrintsItsBytes() {
        RlpItem item = RlpList.of(RlpString.of((byte) 1, (byte) 2), RlpList.of(RlpString.EMPTY));

        byte[] encoded = item.encode();

        assertThat(encoded).containsExactly(0xc5, 0x82, 1, 2, 0xc1, 0x80);
        assertThat(RlpItem.decode(encoded)).isEqualTo(item);
        assertThat(RlpString.of((byte) 0xab).toString()).contains("ab");
    }
}
