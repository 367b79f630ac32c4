package org.stele.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import org.junit.jupiter.api.Test;

class TestKeysTest {
    @Test
    void theDevKeysAreTheAccountsAnvilAndHardhatUsersKnow() {
        assertThat(TestKeys.address(TestKeys.DEV_0).toChecksumHex())
                .isEqualTo("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        assertThat(TestKeys.address(TestKeys.DEV_1).toChecksumHex())
                .isEqualTo("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
    }

    @Test
    void aNameGivesTheSameKeyEveryTimeAndOtherNamesOtherKeys() {
        assertThat(TestKeys.address(TestKeys.named("outsider")))
                .isEqualTo(TestKeys.address(TestKeys.named("outsider")));
        var keys = TestKeys.named("validator", 7);
        assertThat(keys).hasSize(7);
        assertThat(new HashSet<>(keys.stream().map(TestKeys::address).toList())).hasSize(7);
        assertThat(TestKeys.address(keys.get(3))).isEqualTo(TestKeys.address(TestKeys.named("validator-3")));
    }
}
