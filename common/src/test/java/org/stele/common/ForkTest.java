package org.stele.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ForkTest {
    @Test
    void everyForkIsFoundByItsFixtureNameAndItsOwnNameInAnyCase() {
        for (Fork f : Fork.values()) {
            assertThat(f.fixtureName()).isNotBlank();
            assertThat(Fork.fromName(f.fixtureName())).isEqualTo(f);
            assertThat(Fork.fromName(f.fixtureName().toUpperCase(java.util.Locale.ROOT))).isEqualTo(f);
            assertThat(Fork.fromName(f.name().toLowerCase(java.util.Locale.ROOT))).isEqualTo(f);
        }
        assertThat(Fork.CANCUN.fixtureName()).isEqualTo("Cancun");
    }

    @Test
    void anUnknownForkNameIsRefusedWithTheKnownOnes() {
        assertThatThrownBy(() -> Fork.fromName("Atlantis")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown fork 'Atlantis'").hasMessageContaining("cancun");
    }
}
