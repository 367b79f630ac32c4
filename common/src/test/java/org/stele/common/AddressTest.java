package org.stele.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** EIP-55 checksums, with the test vectors from the EIP itself. */
class AddressTest {

    @ParameterizedTest
    @ValueSource(strings = {"0x52908400098527886E0F7030069857D2E4169EE7", "0x8617E340B3D01FA5F11F306F4090FD50E238070D",
            "0xde709f2102306220921060314715629080e2fb77", "0x27b1fdb04752bbc536007a920d24acb045561c26",
            "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d359",
            "0xdbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9aDb"})
    void checksumMatchesTheEip55Vectors(String vector) {
        Address fromLower = Address.fromHex(vector.toLowerCase());
        assertThat(fromLower.toChecksumHex()).isEqualTo(vector);
        assertThat(Address.fromHex(vector)).isEqualTo(fromLower);
        assertThat(fromLower.toString()).isEqualTo(vector);
        assertThat(fromLower.toHex()).isEqualTo(vector.toLowerCase());
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x5aaeb6053F3E94C9b9A09f33669435E7Ef1BeAed", "0xfB6916095ca1df60bB79Ce92cE3Ea74c37c5d35A",
            "0xDbF03B407c01E7cD3CBea99509d93f8DDDC8C6FB", "0xD1220A0cf47c7B9Be7A2E6BA89F429762e7b9adb"})
    void mixedCaseWithAWrongChecksumIsRejected(String typo) {
        assertThatThrownBy(() -> Address.fromHex(typo)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("EIP-55");
    }

    @Test
    void allUpperAndAllLowerCaseCarryNoChecksumAndAreAccepted() {
        String lower = "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed";
        assertThat(Address.fromHex(lower.toUpperCase().replace("0X", "0x"))).isEqualTo(Address.fromHex(lower));
        assertThat(Address.fromHex(lower.substring(2))).isEqualTo(Address.fromHex(lower));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0x", "0x1234", "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed00",
            "0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaeg", "0x0x5aaeb6053f3e94c9b9a09f33669435e7ef1bea"})
    void malformedTextIsRejected(String text) {
        assertThatThrownBy(() -> Address.fromHex(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void wrapRequiresTwentyBytesAndFromWordTakesTheLowTwenty() {
        assertThatThrownBy(() -> Address.wrap(new byte[19])).isInstanceOf(IllegalArgumentException.class);
        byte[] word = new byte[32];
        for (int i = 0; i < 32; i++)
            word[i] = (byte) i;
        Address a = Address.fromWord(Bytes32.wrap(word));
        assertThat(a.toArray()[0]).isEqualTo((byte) 12);
        assertThat(a.toBytes().size()).isEqualTo(20);
    }

    @Test
    void orderIsUnsignedAndEqualityIsByValue() {
        Address low = Address.fromHex("0x7f00000000000000000000000000000000000000");
        Address high = Address.fromHex("0x8000000000000000000000000000000000000000");
        assertThat(low).isLessThan(high);
        assertThat(Address.fromHex(low.toHex())).isEqualTo(low).hasSameHashCodeAs(low);
        assertThat(Address.ZERO.toHex()).isEqualTo("0x" + "0".repeat(40));
    }
}
