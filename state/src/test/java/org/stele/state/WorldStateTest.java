package org.stele.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.Keccak256;
import org.stele.evm.AccountInfo;
import org.stele.evm.state.AccountChange;
import org.stele.evm.state.ChangeSet;
import org.stele.storage.InMemoryKeyValueStore;
import org.stele.storage.WriteBatch;
import org.stele.trie.ProofVerifier;

class WorldStateTest {
    private static final Address ALICE = Address.fromHex("0xa94f5374fce5edbc8e2a8697c15331677e6ebf0b");
    private static final Address CONTRACT = Address.fromHex("0x095e7baea6a6c7c4c2dfeb977efac326af552d87");
    private static final Bytes CODE = Bytes.fromHex("0x600160010160005500");

    private static Bytes32 word(long v) {
        return Bytes32.leftPad(BigInteger.valueOf(v).toByteArray());
    }

    private static Bytes32 hash(Bytes b) {
        return Bytes32.wrap(Keccak256.hash(b.unsafeArray()));
    }

    private static WorldState seeded(InMemoryKeyValueStore store) {
        WorldState w = WorldState.empty(store, BlockHashes.NONE);
        w.putAccount(ALICE, 3, BigInteger.TEN.pow(18), Bytes.EMPTY, Map.of());
        w.putAccount(CONTRACT, 1, BigInteger.ONE, CODE, Map.of(word(1), word(0x42), word(2), word(7)));
        return w;
    }

    @Test
    void anEmptyWorldHasTheEmptyTrieRoot() {
        assertThat(WorldState.empty(new InMemoryKeyValueStore(), BlockHashes.NONE).rootHash())
                .isEqualTo(StateAccount.EMPTY_TRIE_ROOT);
    }

    @Test
    void aNewAccountWithoutStorageHasTheEmptyStorageRoot() {
        WorldState w = WorldState.empty(new InMemoryKeyValueStore(), BlockHashes.NONE);
        w.putAccount(ALICE, 0, BigInteger.TEN.pow(18), Bytes.EMPTY, Map.of());
        StateAccount a = w.stateAccount(ALICE).orElseThrow();
        assertThat(a.storageRoot()).isEqualTo(StateAccount.EMPTY_TRIE_ROOT);
        assertThat(w.rootHash()).isNotEqualTo(StateAccount.EMPTY_TRIE_ROOT);
    }

    @Test
    void aCommittedStateReopensWithTheSameAccountsStorageAndCode() {
        InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        Bytes32 root = seeded(store).commit();
        WorldState reopened = WorldState.open(store, root, BlockHashes.NONE);
        assertThat(reopened.rootHash()).isEqualTo(root);
        assertThat(reopened.account(ALICE))
                .isEqualTo(new AccountInfo(3, BigInteger.TEN.pow(18), AccountInfo.EMPTY_CODE_HASH));
        assertThat(reopened.account(CONTRACT).codeHash()).isEqualTo(hash(CODE));
        assertThat(reopened.code(hash(CODE))).isEqualTo(CODE);
        assertThat(reopened.storage(CONTRACT, word(1))).isEqualTo(word(0x42));
        assertThat(reopened.storage(CONTRACT, word(3))).isEqualTo(Bytes32.ZERO);
        assertThat(reopened.hasStorage(CONTRACT)).isTrue();
        assertThat(reopened.hasStorage(ALICE)).isFalse();
        assertThat(reopened.account(Address.ZERO)).isNull();
    }

    @Test
    void commitWritesNothingUntilTheCallerWritesTheBatch() {
        InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        WorldState w = seeded(store);
        WriteBatch batch = new WriteBatch();
        Bytes32 root = w.commit(batch);
        assertThat(batch.isEmpty()).isFalse();
        assertThat(store.get(org.stele.storage.Segment.CODE, Bytes.wrap(hash(CODE).toArray()))).isEmpty();
        store.write(batch);
        assertThat(WorldState.open(store, root, BlockHashes.NONE).codeAt(CONTRACT)).isEqualTo(CODE);
    }

    @Test
    void aCommitNamesTheAccountsItChangedWithTheirValuesAfterItAndADeletedOneAsEmpty() {
        InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        WorldState w = WorldState.open(store, seeded(store).commit(), BlockHashes.NONE);
        assertThat(w.committedAccounts()).isEmpty();
        Address bob = Address.fromHex("0x00000000000000000000000000000000000000b0");
        w.apply(new ChangeSet(List.of(new AccountChange(ALICE,
                new AccountInfo(4, BigInteger.TEN, AccountInfo.EMPTY_CODE_HASH), null, false, Map.of()))));
        assertThat(w.rootHash()).isNotNull(); // a root computed mid-block flushes; the commit still names it
        w.apply(new ChangeSet(List.of(new AccountChange(ALICE,
                new AccountInfo(5, BigInteger.ONE, AccountInfo.EMPTY_CODE_HASH), null, false, Map.of()),
                new AccountChange(bob, new AccountInfo(0, BigInteger.TWO, AccountInfo.EMPTY_CODE_HASH), null, false,
                        Map.of()),
                new AccountChange(CONTRACT, null, null, true, Map.of()))));
        w.commit(new WriteBatch());
        assertThat(w.committedAccounts()).containsOnly(
                Map.entry(ALICE, new AccountInfo(5, BigInteger.ONE, AccountInfo.EMPTY_CODE_HASH)),
                Map.entry(bob, new AccountInfo(0, BigInteger.TWO, AccountInfo.EMPTY_CODE_HASH)),
                Map.entry(CONTRACT, new AccountInfo(0, BigInteger.ZERO, AccountInfo.EMPTY_CODE_HASH)));
        w.commit(new WriteBatch());
        assertThat(w.committedAccounts()).as("a commit with no changes changed nothing").isEmpty();
    }

    @Test
    void deletingAnAccountRestoresTheRootWithoutIt() {
        InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        WorldState before = WorldState.empty(store, BlockHashes.NONE);
        before.putAccount(ALICE, 3, BigInteger.TEN.pow(18), Bytes.EMPTY, Map.of());
        Bytes32 aliceOnly = before.rootHash();

        WorldState w = WorldState.open(store, seeded(store).commit(), BlockHashes.NONE);
        w.apply(new ChangeSet(List.of(new AccountChange(CONTRACT, null, null, true, Map.of()))));
        assertThat(w.rootHash()).isEqualTo(aliceOnly);
        assertThat(w.account(CONTRACT)).isNull();
        assertThat(w.storage(CONTRACT, word(1))).isEqualTo(Bytes32.ZERO);
    }

    @Test
    void clearedStorageDropsEveryOldSlot() {
        InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        WorldState w = WorldState.open(store, seeded(store).commit(), BlockHashes.NONE);
        AccountInfo info = w.account(CONTRACT);
        w.apply(new ChangeSet(List.of(new AccountChange(CONTRACT, info, null, true, Map.of(word(9), word(9))))));

        WorldState expected = WorldState.empty(new InMemoryKeyValueStore(), BlockHashes.NONE);
        expected.putAccount(ALICE, 3, BigInteger.TEN.pow(18), Bytes.EMPTY, Map.of());
        expected.putAccount(CONTRACT, 1, BigInteger.ONE, CODE, Map.of(word(9), word(9)));
        assertThat(w.storage(CONTRACT, word(1))).isEqualTo(Bytes32.ZERO);
        assertThat(w.rootHash()).isEqualTo(expected.rootHash());
    }

    @Test
    void zeroingASlotDeletesIt() {
        InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        WorldState w = WorldState.open(store, seeded(store).commit(), BlockHashes.NONE);
        AccountInfo info = w.account(CONTRACT);
        w.apply(new ChangeSet(List.of(new AccountChange(CONTRACT, info, null, false, Map.of(word(2), Bytes32.ZERO)))));

        WorldState expected = WorldState.empty(new InMemoryKeyValueStore(), BlockHashes.NONE);
        expected.putAccount(ALICE, 3, BigInteger.TEN.pow(18), Bytes.EMPTY, Map.of());
        expected.putAccount(CONTRACT, 1, BigInteger.ONE, CODE, Map.of(word(1), word(0x42)));
        assertThat(w.rootHash()).isEqualTo(expected.rootHash());
    }

    @Test
    void changesAcrossSeveralTransactionsAccumulateBeforeOneCommit() {
        InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        WorldState w = WorldState.open(store, seeded(store).commit(), BlockHashes.NONE);
        AccountInfo info = w.account(CONTRACT);
        w.apply(new ChangeSet(List.of(new AccountChange(CONTRACT, info, null, false, Map.of(word(5), word(5))))));
        Bytes32 mid = w.rootHash();
        w.apply(new ChangeSet(List.of(new AccountChange(CONTRACT, info, null, false, Map.of(word(6), word(6))))));
        assertThat(w.rootHash()).isNotEqualTo(mid);
        Bytes32 root = w.commit();
        WorldState reopened = WorldState.open(store, root, BlockHashes.NONE);
        assertThat(reopened.storage(CONTRACT, word(5))).isEqualTo(word(5));
        assertThat(reopened.storage(CONTRACT, word(6))).isEqualTo(word(6));
        assertThat(reopened.storage(CONTRACT, word(1))).isEqualTo(word(0x42));
    }

    @Test
    void proofsVerifyAgainstTheRootForPresentAndAbsentData() throws Exception {
        InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        WorldState w = WorldState.open(store, seeded(store).commit(), BlockHashes.NONE);
        Bytes32 root = w.rootHash();
        AccountProof p = w.proof(CONTRACT, List.of(word(1), word(99)));
        assertThat(ProofVerifier.verifySecure(root, CONTRACT.toBytes(), p.accountProof()))
                .contains(Bytes.wrap(p.account().encode()));
        Bytes32 storageRoot = p.account().storageRoot();
        assertThat(p.storageProofs().get(0).value()).isEqualTo(word(0x42));
        assertThat(ProofVerifier.verifySecure(storageRoot, word(1).toBytes(), p.storageProofs().get(0).proof()))
                .isPresent();
        assertThat(ProofVerifier.verifySecure(storageRoot, word(99).toBytes(), p.storageProofs().get(1).proof()))
                .isEmpty();
        AccountProof absent = w.proof(Address.ZERO, List.of(word(1)));
        assertThat(absent.account()).isNull();
        assertThat(ProofVerifier.verifySecure(root, Address.ZERO.toBytes(), absent.accountProof())).isEmpty();
    }

    @Test
    void blockHashesComeFromTheLookupGiven() {
        WorldState w = WorldState.empty(new InMemoryKeyValueStore(), n -> word(n * 2));
        assertThat(w.blockHash(21)).isEqualTo(word(42));
    }

    @Property(tries = 30)
    void theRootDoesNotDependOnTheOrderAccountsAreWritten(@ForAll long seed) {
        Random rnd = new Random(seed);
        List<AccountChange> changes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            byte[] a = new byte[20];
            rnd.nextBytes(a);
            TreeMap<Bytes32, Bytes32> storage = new TreeMap<>();
            for (int s = rnd.nextInt(4); s > 0; s--)
                storage.put(word(rnd.nextInt(100)), word(rnd.nextInt(1000) + 1));
            changes.add(new AccountChange(Address.wrap(a),
                    new AccountInfo(rnd.nextInt(5), BigInteger.valueOf(rnd.nextInt(1_000_000)),
                            AccountInfo.EMPTY_CODE_HASH),
                    null, false, storage));
        }
        WorldState inOrder = WorldState.empty(new InMemoryKeyValueStore(), BlockHashes.NONE);
        inOrder.apply(new ChangeSet(changes));
        List<AccountChange> shuffled = new ArrayList<>(changes);
        Collections.shuffle(shuffled, rnd);
        WorldState oneByOne = WorldState.empty(new InMemoryKeyValueStore(), BlockHashes.NONE);
        for (AccountChange c : shuffled)
            oneByOne.apply(new ChangeSet(List.of(c)));
        assertThat(oneByOne.rootHash()).isEqualTo(inOrder.rootHash());
    }
}
