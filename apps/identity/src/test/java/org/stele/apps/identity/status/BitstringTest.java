package org.stele.apps.identity.status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.stele.apps.identity.vc.Jws;
import org.stele.apps.identity.vc.VcException;

class BitstringTest {
    /** The encodedList of the Bitstring Status List Recommendation's example credential (§2.2, Example 3). */
    private static final String W3C_EXAMPLE = "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA";

    @Test
    void theRecommendationsExampleListDecodesToSixteenKilobytesOfUnsetBits() {
        byte[] bits = Bitstring.decode(W3C_EXAMPLE);
        assertThat(bits).hasSize(16_384).containsOnly(0);
        assertThat(Bitstring.get(bits, 0)).isFalse();
        assertThat(Bitstring.get(bits, 131_071)).isFalse();
    }

    @Test
    void anEmptyListEncodesToWhatDecodesAsTheRecommendationsExampleDoes() {
        String ours = Bitstring.encode(new byte[16_384]);
        assertThat(ours).startsWith("uH4sI");
        assertThat(Bitstring.decode(ours)).isEqualTo(Bitstring.decode(W3C_EXAMPLE));
    }

    @Test
    void bitZeroIsTheMostSignificantBitOfByteZero() {
        byte[] bits = new byte[16_384];
        Bitstring.set(bits, 0);
        Bitstring.set(bits, 9);
        Bitstring.set(bits, 131_071);
        assertThat(bits[0]).isEqualTo((byte) 0x80);
        assertThat(bits[1]).isEqualTo((byte) 0x40);
        assertThat(bits[16_383]).isEqualTo((byte) 0x01);
        byte[] decoded = Bitstring.decode(Bitstring.encode(bits));
        assertThat(decoded).isEqualTo(bits);
        assertThat(Bitstring.get(decoded, 0)).isTrue();
        assertThat(Bitstring.get(decoded, 1)).isFalse();
        assertThat(Bitstring.get(decoded, 9)).isTrue();
        assertThat(Bitstring.get(decoded, 131_071)).isTrue();
    }

    @Test
    void randomSetsOfBitsSurviveEncodingAndNoOtherBitIsSet() {
        Random random = new Random(20);
        for (int round = 0; round < 50; round++) {
            TreeSet<Long> set = new TreeSet<>();
            for (int i = random.nextInt(200); i > 0; i--)
                set.add((long) random.nextInt(131_072));
            byte[] bits = new byte[16_384];
            set.forEach(i -> Bitstring.set(bits, i));
            byte[] decoded = Bitstring.decode(Bitstring.encode(bits));
            for (long i = 0; i < 131_072; i++)
                assertThat(Bitstring.get(decoded, i)).as("bit %d", i).isEqualTo(set.contains(i));
        }
    }

    @Test
    void aListBelowTheMinimumOrNotMultibaseIsRefused() {
        assertThatThrownBy(() -> Bitstring.encode(new byte[16_383])).isInstanceOf(IllegalArgumentException.class);
        String small = "u" + W3C_EXAMPLE.substring(1, 5);
        assertThatThrownBy(() -> Bitstring.decode(small)).isInstanceOf(VcException.class);
        assertThatThrownBy(() -> Bitstring.decode("z" + W3C_EXAMPLE.substring(1))).isInstanceOf(VcException.class)
                .hasMessageContaining("multibase");
        assertThatThrownBy(() -> Bitstring.decode("u" + Jws.b64(new byte[]{1, 2, 3})))
                .isInstanceOf(VcException.class).hasMessageContaining("GZIP");
    }
}
