package org.stele.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.rlp.RlpWriter;
import org.stele.evm.AccountInfo;
import org.stele.evm.state.AccountChange;
import org.stele.evm.state.ChangeSet;
import org.stele.storage.InMemoryKeyValueStore;
import org.stele.storage.WriteBatch;
import org.stele.trie.NodeStore;
import org.stele.trie.SecureTrie;

/**
 * {@link WorldState} hashes each key once and keeps slot values between reads and writes; these properties hold it to
 * a model that builds every trie from scratch through {@link SecureTrie}'s own key hashing, after random changes
 * (writes, zeroed slots, cleared storage, deleted and re-created accounts) interleaved with reads, roots and commits.
 */
class WorldStateCachesTest {
    private static final int ACCOUNTS = 6;
    private static final int SLOTS = 12;

    /** What the world holds, without any cache: accounts by address, each with its non-zero slots. */
    private record ModelAccount(long nonce, BigInteger balance, TreeMap<Bytes32, Bytes32> storage) {}

    private static Bytes32 word(long v) {
        return Bytes32.leftPad(BigInteger.valueOf(v).toByteArray());
    }

    private static Address address(int i) {
        byte[] a = new byte[20];
        a[0] = (byte) (0x10 + i);
        a[19] = (byte) i;
        return Address.wrap(a);
    }

    /** The state root of {@code model}, every trie built anew from plain keys. */
    private static Bytes32 modelRoot(Map<Address, ModelAccount> model) {
        SecureTrie accounts = SecureTrie.empty(NodeStore.inMemory());
        for (Map.Entry<Address, ModelAccount> a : model.entrySet()) {
            SecureTrie storage = SecureTrie.empty(NodeStore.inMemory());
            for (Map.Entry<Bytes32, Bytes32> s : a.getValue().storage().entrySet())
                storage.put(Bytes.wrap(s.getKey().unsafeArray()),
                        Bytes.wrap(new RlpWriter(33).writeScalar(s.getValue().unsafeArray()).toByteArray()));
            StateAccount account = new StateAccount(a.getValue().nonce(), a.getValue().balance(), storage.rootHash(),
                    StateAccount.EMPTY_CODE_HASH);
            accounts.put(a.getKey().toBytes(), Bytes.wrap(account.encode()));
        }
        return accounts.rootHash();
    }

    /** One random account change, applied to the model as the world applies it. */
    private static AccountChange change(Random rnd, Map<Address, ModelAccount> model) {
        Address address = address(rnd.nextInt(ACCOUNTS));
        ModelAccount before = model.get(address);
        int kind = rnd.nextInt(10);
        if (kind == 0) {
            model.remove(address);
            return new AccountChange(address, null, null, false, Map.of());
        }
        boolean cleared = kind == 1;
        TreeMap<Bytes32, Bytes32> storage = before == null || cleared ? new TreeMap<>() : before.storage();
        TreeMap<Bytes32, Bytes32> writes = new TreeMap<>();
        for (int n = rnd.nextInt(4); n > 0; n--) {
            Bytes32 key = word(rnd.nextInt(SLOTS));
            Bytes32 value = rnd.nextInt(3) == 0 ? Bytes32.ZERO : word(rnd.nextInt(1_000) + 1);
            writes.put(key, value);
            if (value.isZero())
                storage.remove(key);
            else
                storage.put(key, value);
        }
        long nonce = before == null ? 0 : before.nonce() + 1;
        BigInteger balance = BigInteger.valueOf(rnd.nextInt(1_000_000));
        model.put(address, new ModelAccount(nonce, balance, storage));
        return new AccountChange(address, new AccountInfo(nonce, balance, AccountInfo.EMPTY_CODE_HASH), null, cleared,
                writes);
    }

    @Property(tries = 200)
    void rootsAndReadsAreThoseOfTriesBuiltFromScratch(@ForAll long seed) {
        Random rnd = new Random(seed);
        InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        Map<Address, ModelAccount> model = new TreeMap<>();
        WorldState world = WorldState.empty(store, BlockHashes.NONE);
        for (int step = 0; step < 120; step++) {
            int what = rnd.nextInt(10);
            if (what < 5) {
                List<AccountChange> changes = new ArrayList<>();
                for (int n = rnd.nextInt(3) + 1; n > 0; n--) changes.add(change(rnd, model));
                world.apply(new ChangeSet(changes));
            } else if (what < 8) {
                Address a = address(rnd.nextInt(ACCOUNTS));
                Bytes32 key = word(rnd.nextInt(SLOTS));
                ModelAccount m = model.get(a);
                Bytes32 expected = m == null ? Bytes32.ZERO : m.storage().getOrDefault(key, Bytes32.ZERO);
                assertThat(world.storage(a, key)).as("slot %s of %s at step %d", key, a, step).isEqualTo(expected);
                assertThat(world.hasStorage(a)).isEqualTo(m != null && !m.storage().isEmpty());
            } else if (what < 9) {
                assertThat(world.rootHash()).as("root at step %d", step).isEqualTo(modelRoot(model));
            } else {
                WriteBatch batch = new WriteBatch();
                Bytes32 root = world.commit(batch);
                store.write(batch);
                assertThat(root).as("committed root at step %d", step).isEqualTo(modelRoot(model));
                if (rnd.nextBoolean())
                    world = WorldState.open(store, root, BlockHashes.NONE);
            }
        }
        Bytes32 root = world.commit();
        assertThat(root).isEqualTo(modelRoot(model));
        WorldState reopened = WorldState.open(store, root, BlockHashes.NONE);
        for (int i = 0; i < ACCOUNTS; i++) {
            ModelAccount m = model.get(address(i));
            for (int k = 0; k < SLOTS; k++)
                assertThat(reopened.storage(address(i), word(k))).isEqualTo(
                        m == null ? Bytes32.ZERO : m.storage().getOrDefault(word(k), Bytes32.ZERO));
        }
    }
}
