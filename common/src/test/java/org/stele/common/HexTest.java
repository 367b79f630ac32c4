package org.stele.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class HexTest {

    @Property
    void encodingThenDecodingReturnsTheBytes(@ForAll byte[] bytes) {
        String hex = Hex.encode(bytes);
        assertThat(hex).startsWith("0x").hasSize(2 + 2 * bytes.length).isLowerCase();
        assertThat(Hex.decode(hex)).isEqualTo(bytes);
        assertThat(Hex.decodeStrict(hex.toUpperCase())).isEqualTo(bytes);
        assertThat(Hex.decode(Hex.encodeNoPrefix(bytes))).isEqualTo(bytes);
    }

    @Example
    void oddDigitCountReadsAsIfALeadingZeroWerePresent() {
        assertThat(Hex.decode("0x1")).containsExactly(0x01);
        assertThat(Hex.decode("abc")).containsExactly(0x0a, 0xbc);
        assertThat(Hex.decode("0x")).isEmpty();
        assertThat(Hex.decode("")).isEmpty();
    }

    @Example
    void strictDecodingRejectsAnOddDigitCount() {
        assertThatThrownBy(() -> Hex.decodeStrict("0xabc")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("odd number of digits");
    }

    @Example
    void invalidCharactersAreNamedWithTheirPosition() {
        assertThatThrownBy(() -> Hex.decode("0x12g4")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'g'").hasMessageContaining("position 4");
        assertThatThrownBy(() -> Hex.decode("0x 1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hex.decode("0x1é")).isInstanceOf(IllegalArgumentException.class);
    }

    @Example
    void upperCasePrefixIsAccepted() {
        assertThat(Hex.decode("0XFF")).containsExactly(0xff);
    }

    @Example
    void strictDecodingTakesEitherPrefixAndRefusesAnOddNumberOfDigits() {
        assertThat(Hex.decodeStrict("0X0aff")).containsExactly(0x0a, 0xff);
        assertThat(Hex.decodeStrict("0x0aff")).containsExactly(0x0a, 0xff);
        assertThat(Hex.decodeStrict("0aff")).containsExactly(0x0a, 0xff);
        for (String odd : new String[]{"0x0af", "0X0af", "0af"})
            assertThatThrownBy(() -> Hex.decodeStrict(odd)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("hex string has an odd number of digits: " + odd);
    }

    @Example
    void errorsQuoteInputUpToEightyCharactersAndAbbreviateLongerOnes() {
        String eighty = "0x" + "a".repeat(77) + "z";
        assertThatThrownBy(() -> Hex.decode(eighty)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageEndingWith(" in " + eighty);
        String eightyOne = "0x" + "a".repeat(79);
        assertThatThrownBy(() -> Hex.decodeStrict(eightyOne)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("hex string has an odd number of digits: " + eightyOne.substring(0, 77) + "...");
    }
}
