package org.stele.testkit;

import java.math.BigInteger;
import java.util.Map;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.state.BlockHashes;
import org.stele.state.StateAccount;
import org.stele.state.WorldState;
import org.stele.storage.InMemoryKeyValueStore;

/**
 * Named accounts and a world of them: a real {@link WorldState} in memory whose nonces and balances a test sets and
 * changes, so that whatever reads accounts (the pool through {@code AccountState.of}) reads the real thing.
 */
public final class TestAccounts {
    public static final Address ALICE = Address.fromHex("0x00000000000000000000000000000000000a11ce");
    public static final Address BOB = Address.fromHex("0x0000000000000000000000000000000000000b0b");
    public static final BigInteger GWEI = BigInteger.TEN.pow(9);
    public static final BigInteger ETHER = BigInteger.TEN.pow(18);

    private final WorldState world = WorldState.empty(new InMemoryKeyValueStore(), BlockHashes.NONE);

    /** Sets the balance of {@code account}, keeping its nonce. */
    public TestAccounts balance(Address account, BigInteger wei) {
        world.putAccount(account, nonce(account), wei, Bytes.EMPTY, Map.of());
        return this;
    }

    /** Sets the nonce of {@code account}, keeping its balance. */
    public TestAccounts nonce(Address account, long nonce) {
        world.putAccount(account, nonce, balance(account), Bytes.EMPTY, Map.of());
        return this;
    }

    /** Gives {@code account} this balance unless it already has one. */
    public TestAccounts fundIfAbsent(Address account, BigInteger wei) {
        return world.stateAccount(account).isPresent() ? this : balance(account, wei);
    }

    public long nonce(Address account) {
        return world.stateAccount(account).map(StateAccount::nonce).orElse(0L);
    }

    public BigInteger balance(Address account) {
        return world.stateAccount(account).map(StateAccount::balance).orElse(BigInteger.ZERO);
    }

    /** The world these accounts live in; it sees every later change. */
    public WorldState world() {
        return world;
    }
}
