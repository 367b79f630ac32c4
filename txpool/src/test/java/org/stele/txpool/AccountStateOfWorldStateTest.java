package org.stele.txpool;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.state.BlockHashes;
import org.stele.state.WorldState;
import org.stele.storage.InMemoryKeyValueStore;

/** The pool reads accounts from the head's world state: what it holds, and nonce 0 with no balance for the rest. */
class AccountStateOfWorldStateTest {
    private static final Address HELD = Address.fromHex("0x00000000000000000000000000000000000a11ce");
    private static final Address ABSENT = Address.fromHex("0x0000000000000000000000000000000000000b0b");

    @Test
    void anAccountTheWorldStateHoldsGivesItsNonceAndBalanceAndAnyOtherNonceZeroAndNoBalance() {
        WorldState world = WorldState.empty(new InMemoryKeyValueStore(), BlockHashes.NONE);
        world.putAccount(HELD, 7, BigInteger.valueOf(12_345), Bytes.EMPTY, Map.of());

        AccountState state = AccountState.of(world);

        assertThat(state.nonce(HELD)).isEqualTo(7);
        assertThat(state.balance(HELD)).isEqualTo(BigInteger.valueOf(12_345));
        assertThat(state.nonce(ABSENT)).isZero();
        assertThat(state.balance(ABSENT)).isEqualTo(BigInteger.ZERO);
    }
}
