package org.stele.evm.precompile;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KzgPointEvaluationTest {
    private static final byte[] VALID = Vectors.load("kzg_point_evaluation.json").get(0).input();
    private final KzgPointEvaluation kzg = new KzgPointEvaluation();

    private PrecompileResult run(byte[] in) {
        return kzg.execute(in, 50_000);
    }

    @Test
    void aValidProofReturnsTheBlobSizeAndModulus() {
        PrecompileResult r = run(VALID);
        assertThat(r.isSuccess()).isTrue();
        assertThat(r.output()).hasSize(64);
        assertThat(r.output()[30]).isEqualTo((byte) 0x10);
    }

    @Test
    void anyLengthOtherThan192Fails() {
        assertThat(run(Arrays.copyOf(VALID, 191)).status()).isEqualTo(PrecompileResult.Status.FAILED);
        assertThat(run(Arrays.copyOf(VALID, 193)).status()).isEqualTo(PrecompileResult.Status.FAILED);
        assertThat(run(new byte[0]).status()).isEqualTo(PrecompileResult.Status.FAILED);
    }

    @Test
    void aVersionedHashThatDoesNotMatchTheCommitmentFails() {
        byte[] in = VALID.clone();
        in[0] = 0x02;
        assertThat(run(in).error()).contains("versioned hash");
        byte[] other = VALID.clone();
        other[31] ^= 1;
        assertThat(run(other).status()).isEqualTo(PrecompileResult.Status.FAILED);
    }

    @Test
    void aWrongClaimedValueFails() {
        byte[] in = VALID.clone();
        in[95] ^= 1;
        assertThat(run(in).error()).contains("does not verify");
    }

    @Test
    void aFieldElementNotBelowTheModulusFails() {
        byte[] in = VALID.clone();
        Arrays.fill(in, 32, 64, (byte) 0xFF);
        assertThat(run(in).status()).isEqualTo(PrecompileResult.Status.FAILED);
    }

    @Test
    void bytesThatAreNotACurvePointFail() {
        byte[] in = VALID.clone();
        Arrays.fill(in, 144, 192, (byte) 0xAB);
        assertThat(run(in).status()).isEqualTo(PrecompileResult.Status.FAILED);
    }
}
