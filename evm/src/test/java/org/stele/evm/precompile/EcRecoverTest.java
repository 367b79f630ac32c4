package org.stele.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.stele.common.Hex;

class EcRecoverTest {
    private static final BigInteger N = new BigInteger(
            "fffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141", 16);
    /** go-ethereum's "ValidKey" vector: recovers 0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b. */
    private static final byte[] VALID = Hex.decodeStrict(
            "18c547e4f7b0f325ad1e56f57e26c745b09a3e503d86e00e5255ff7f715d3d1c0000000000000000000000000000000000000"
                    + "00000000000000000000000001c"
                    + "73b1693892219d736caba55bdb67216e485557ea6b6af75f37096c9aa6a5a75feeb940b1d03b21e36b0e47e7976"
                    + "9f095fe2ab855bd91e3a38756b7d75a9c4549");
    private static final String SIGNER = "000000000000000000000000a94f5374fce5edbc8e2a8697c15331677e6ebf0b";

    private final EcRecover ecrecover = new EcRecover();

    private byte[] run(byte[] in) {
        PrecompileResult r = ecrecover.execute(in, 3000);
        assertThat(r.isSuccess()).isTrue();
        return r.output();
    }

    private static void putWord(byte[] in, int off, BigInteger v) {
        Arrays.fill(in, off, off + 32, (byte) 0);
        byte[] b = v.toByteArray();
        int n = Math.min(b.length, 32);
        System.arraycopy(b, b.length - n, in, off + 32 - n, n);
    }

    @Test
    void highSIsAcceptedWithTheOtherRecoveryId() {
        byte[] in = VALID.clone();
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(in, 96, 128));
        putWord(in, 96, N.subtract(s));
        in[63] = (byte) (in[63] == 27 ? 28 : 27);
        assertThat(Hex.encodeNoPrefix(run(in))).isEqualTo(SIGNER);
    }

    @Test
    void vOtherThan27Or28GivesEmptyOutput() {
        for (int v : new int[]{0, 1, 26, 29, 255}) {
            byte[] in = VALID.clone();
            in[63] = (byte) v;
            assertThat(run(in)).as("v = %d", v).isEmpty();
        }
    }

    @Test
    void rOrSOutsideOneToNGivesEmptyOutput() {
        for (int off : new int[]{64, 96}) {
            for (BigInteger bad : new BigInteger[]{BigInteger.ZERO, N, N.add(BigInteger.ONE)}) {
                byte[] in = VALID.clone();
                putWord(in, off, bad);
                assertThat(run(in)).isEmpty();
            }
        }
    }

    @Test
    void extraInputIsIgnoredAndShortInputIsZeroPadded() {
        byte[] longer = Arrays.copyOf(VALID, 200);
        assertThat(Hex.encodeNoPrefix(run(longer))).isEqualTo(SIGNER);
        assertThat(run(new byte[0])).isEmpty();
        byte[] truncated = Arrays.copyOf(VALID, 100);
        assertThat(run(truncated)).isNotEmpty().isEqualTo(run(Arrays.copyOf(truncated, 128)));
    }
}
