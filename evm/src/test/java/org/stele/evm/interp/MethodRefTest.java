package org.stele.evm.interp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.Serializable;
import org.junit.jupiter.api.Test;

class MethodRefTest {
    private interface TopWords extends Serializable {
        void run(long[] s, int t);
    }

    @Test
    void aStaticMethodReferenceGivesTheOwnerNameAndDescriptorOfTheMethod() {
        MethodRef ref = MethodRef.of((TopWords) SegmentOps::add);

        assertThat(ref).isEqualTo(new MethodRef("org/stele/evm/interp/SegmentOps", "add", "([JI)V", true));
    }

    @Test
    void aLambdaIsRefusedBecauseItNamesNoMethod() {
        assertThatThrownBy(() -> MethodRef.of((TopWords) (s, t) -> s[t] = 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not a reference to a named method");
    }
}
