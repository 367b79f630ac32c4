package org.stele.execution.block;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.evm.AccountInfo;
import org.stele.evm.state.AccountChange;
import org.stele.evm.state.ChangeSet;
import org.stele.state.BlockHashes;
import org.stele.state.WorldState;
import org.stele.storage.InMemoryKeyValueStore;

/**
 * {@link CarriedState} on its own: a kept state is handed out once, only for its own root, and only while it holds
 * at most {@link CarriedState#MAX_HELD} accounts and slots; any other open reads the store.
 */
class CarriedStateKeepingTest {
    private static final Address ACCOUNT = Address.fromHex("0x00000000000000000000000000000000000ca11e");
    private final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    private final CarriedState carried = new CarriedState(store);

    private static Bytes32 word(long v) {
        return Bytes32.leftPad(BigInteger.valueOf(v).toByteArray());
    }

    /** A committed state at a new root: ACCOUNT with {@code balance}. */
    private WorldState committed(long balance) {
        WorldState w = WorldState.empty(store, BlockHashes.NONE);
        w.apply(new ChangeSet(List.of(new AccountChange(ACCOUNT, new AccountInfo(0, BigInteger.valueOf(balance),
                AccountInfo.EMPTY_CODE_HASH), null, false, new TreeMap<>(Map.of(word(1), word(balance)))))));
        w.commit();
        return w;
    }

    @Test
    void aKeptStateIsHandedOutOnceAndOnlyForItsOwnRoot() {
        WorldState one = committed(1);
        Bytes32 rootOne = one.rootHash();
        WorldState two = committed(2);
        Bytes32 rootTwo = two.rootHash();

        carried.keep(one, rootOne);
        WorldState other = carried.open(rootTwo, BlockHashes.NONE);
        assertThat(other).as("another root is read from the store").isNotSameAs(one).isNotSameAs(two);
        assertThat(other.account(ACCOUNT).balance()).isEqualTo(2);
        assertThat(carried.open(rootOne, BlockHashes.NONE)).as("opening another root dropped the kept state")
                .isNotSameAs(one);

        carried.keep(one, rootOne);
        WorldState taken = carried.open(rootOne, n -> word(n));
        assertThat(taken).isSameAs(one);
        assertThat(taken.blockHash(5)).as("continued with the new lookup").isEqualTo(word(5));
        // the block that took it changes it; a second open at the same root must not see those changes
        taken.apply(new ChangeSet(List.of(new AccountChange(ACCOUNT, new AccountInfo(1, BigInteger.valueOf(99),
                AccountInfo.EMPTY_CODE_HASH), null, false, new TreeMap<>()))));
        WorldState again = carried.open(rootOne, BlockHashes.NONE);
        assertThat(again).isNotSameAs(one);
        assertThat(again.account(ACCOUNT).balance()).isEqualTo(1);
        assertThat(again.rootHash()).isEqualTo(rootOne);
    }

    @Test
    void aStateHoldingMoreThanTheBoundIsNotKept() {
        WorldState w = committed(3);
        Bytes32 root = w.rootHash();
        // the account and its slot 1 are held; reading empty slots adds one each
        long toRead = CarriedState.MAX_HELD - w.heldInMemory();
        for (long k = 1_000; k < 1_000 + toRead; k++)
            assertThat(w.storage(ACCOUNT, word(k))).isEqualTo(Bytes32.ZERO);
        assertThat(w.heldInMemory()).isEqualTo(CarriedState.MAX_HELD);
        carried.keep(w, root);
        assertThat(carried.open(root, BlockHashes.NONE)).as("at the bound: kept").isSameAs(w);

        w.storage(ACCOUNT, word(1_000 + toRead));
        assertThat(w.heldInMemory()).isEqualTo(CarriedState.MAX_HELD + 1);
        carried.keep(w, root);
        WorldState opened = carried.open(root, BlockHashes.NONE);
        assertThat(opened).as("over the bound: dropped").isNotSameAs(w);
        assertThat(opened.storage(ACCOUNT, word(1))).isEqualTo(word(3));
    }

    @Test
    void aStoreAndARootAreRequired() {
        assertThatThrownBy(() -> new CarriedState(null)).isInstanceOf(NullPointerException.class).hasMessage("store");
        WorldState w = committed(4);
        assertThatThrownBy(() -> carried.keep(w, null)).isInstanceOf(NullPointerException.class)
                .hasMessage("root");
    }
}
