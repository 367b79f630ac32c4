package org.stele.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import org.junit.jupiter.api.Test;
import org.stele.common.Bytes32;
import org.stele.common.Hex;
import org.stele.common.rlp.RlpException;

class StateAccountTest {
    @Property
    void encodingRoundTrips(@ForAll long nonce,
            @ForAll @BigRange(min = "0", max = "115792089237316195423570985008687907853269984665640564039457584007"
                    + "913129639935") BigInteger balance) {
        StateAccount a = new StateAccount(nonce, balance, StateAccount.EMPTY_TRIE_ROOT, StateAccount.EMPTY_CODE_HASH);
        assertThat(StateAccount.decode(a.encode())).isEqualTo(a);
    }

    @Test
    void encodesAsTheFourFieldListEthereumUses() {
        StateAccount a = new StateAccount(1, BigInteger.valueOf(0x0de0b6b3a7640000L), StateAccount.EMPTY_TRIE_ROOT,
                StateAccount.EMPTY_CODE_HASH);
        assertThat(Hex.encode(a.encode())).isEqualTo("0xf84c01880de0b6b3a7640000a0"
                + "56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a0"
                + "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    }

    @Test
    void decodingRejectsABalanceWithLeadingZeros() {
        byte[] bad = Hex.decode("0xf84d0189000de0b6b3a7640000a0"
                + "56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421a0"
                + "c5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
        assertThatThrownBy(() -> StateAccount.decode(bad)).isInstanceOf(RlpException.class);
    }

    @Test
    void decodingRejectsTrailingFields() {
        byte[] bad = Hex.decode("0xc5010203" + "0405");
        assertThatThrownBy(() -> StateAccount.decode(bad)).isInstanceOf(RlpException.class);
    }

    @Test
    void anAccountWithoutNonceBalanceOrCodeIsEmpty() {
        assertThat(new StateAccount(0, BigInteger.ZERO, Bytes32.ZERO, StateAccount.EMPTY_CODE_HASH).isEmpty()).isTrue();
        assertThat(new StateAccount(1, BigInteger.ZERO, Bytes32.ZERO, StateAccount.EMPTY_CODE_HASH).isEmpty())
                .isFalse();
    }
}
