package org.stele.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.Keccak256;

class OverlayWorldTest {
    private static final Address A = Address.fromHex("0x00000000000000000000000000000000000000aa");
    private static final Address ABSENT = Address.fromHex("0x00000000000000000000000000000000000000bb");
    private static final Bytes32 ONE = word(1), TWO = word(2), THREE = word(3);

    private final InMemoryWorld base = new InMemoryWorld().put(A, 5, BigInteger.TEN, Bytes.fromHex("6001"))
            .putStorage(A, ONE, word(11)).putStorage(A, TWO, word(22));

    @Test
    void accountsWithoutOverrideReadThroughToTheBase() {
        OverlayWorld w = new OverlayWorld(base, Map.of());
        assertThat(w.account(A)).isEqualTo(base.account(A));
        assertThat(w.account(ABSENT)).isNull();
        assertThat(w.storage(A, ONE)).isEqualTo(word(11));
        assertThat(w.hasStorage(A)).isTrue();
    }

    @Test
    void balanceNonceAndCodeReplaceOnlyWhatTheyName() {
        Bytes code = Bytes.fromHex("60026000f3");
        OverlayWorld w = new OverlayWorld(base, Map.of(A, new OverlayWorld.AccountOverride(BigInteger.ONE, null, code,
                null, null)));
        AccountInfo a = w.account(A);
        assertThat(a.balance()).isEqualTo(BigInteger.ONE);
        assertThat(a.nonce()).isEqualTo(5);
        assertThat(a.codeHash()).isEqualTo(Bytes32.wrap(Keccak256.hash(code.unsafeArray())));
        assertThat(w.code(a.codeHash())).isEqualTo(code);
        assertThat(w.storage(A, ONE)).isEqualTo(word(11));
    }

    @Test
    void anOverrideCreatesAMissingAccount() {
        OverlayWorld w = new OverlayWorld(base,
                Map.of(ABSENT, new OverlayWorld.AccountOverride(null, 7L, null, null, Map.of(ONE, THREE))));
        assertThat(w.account(ABSENT)).isEqualTo(new AccountInfo(7, BigInteger.ZERO, AccountInfo.EMPTY_CODE_HASH));
        assertThat(w.storage(ABSENT, ONE)).isEqualTo(THREE);
        assertThat(w.hasStorage(ABSENT)).isTrue();
        assertThat(base.account(ABSENT)).isNull();
    }

    @Test
    void stateReplacesTheWholeStorageAndStateDiffOnlyItsSlots() {
        OverlayWorld whole = new OverlayWorld(base,
                Map.of(A, new OverlayWorld.AccountOverride(null, null, null, Map.of(ONE, THREE), null)));
        assertThat(whole.storage(A, ONE)).isEqualTo(THREE);
        assertThat(whole.storage(A, TWO)).isEqualTo(Bytes32.ZERO);
        OverlayWorld diff = new OverlayWorld(base,
                Map.of(A, new OverlayWorld.AccountOverride(null, null, null, null, Map.of(ONE, THREE))));
        assertThat(diff.storage(A, ONE)).isEqualTo(THREE);
        assertThat(diff.storage(A, TWO)).isEqualTo(word(22));
        OverlayWorld emptied = new OverlayWorld(base,
                Map.of(A, new OverlayWorld.AccountOverride(null, null, null, Map.of(), null)));
        assertThat(emptied.hasStorage(A)).isFalse();
        assertThat(base.storage(A, TWO)).isEqualTo(word(22));
    }

    @Test
    void stateAndStateDiffTogetherAreRefused() {
        assertThatThrownBy(() -> new OverlayWorld.AccountOverride(null, null, null, Map.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("both 'state' and 'stateDiff'");
    }

    private static Bytes32 word(int v) {
        return Bytes32.leftPad(new byte[]{(byte) v});
    }
}
