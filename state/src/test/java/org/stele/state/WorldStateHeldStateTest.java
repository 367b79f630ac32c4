package org.stele.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
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
import org.stele.storage.Segment;
import org.stele.storage.WriteBatch;
import org.stele.trie.ProofVerifier;

/**
 * What a caller that keeps a {@link WorldState} from block to block relies on: {@link WorldState#heldInMemory()}
 * counts each account and slot it holds once, however often it is read or written, and {@link
 * WorldState#continueWith(BlockHashes)} hands on only a committed state, which then answers BLOCKHASH from the new
 * lookup; what it answers before a root is asked for (storage, accounts and their proofs) includes every change
 * applied; code comes from the changes, the store or nowhere, and reaches a batch once; a read-only state commits only
 * into a batch.
 */
class WorldStateHeldStateTest {
    private static final int ACCOUNTS = 5;
    private static final int SLOTS = 8;

    private static Address address(int i) {
        byte[] a = new byte[20];
        a[0] = (byte) 0xa0;
        a[19] = (byte) (i + 1);
        return Address.wrap(a);
    }

    private static Bytes32 word(long v) {
        return Bytes32.leftPad(BigInteger.valueOf(v).toByteArray());
    }

    private static AccountChange write(Address a, long nonce, Map<Bytes32, Bytes32> slots) {
        return new AccountChange(a, new AccountInfo(nonce, BigInteger.TEN, AccountInfo.EMPTY_CODE_HASH), null, false,
                new TreeMap<>(slots));
    }

    /** A committed world with accounts 0 to ACCOUNTS-2 (the last never exists), each with slot 0 set. */
    private static Bytes32 committedWorld(InMemoryKeyValueStore store) {
        WorldState w = WorldState.empty(store, BlockHashes.NONE);
        for (int i = 0; i < ACCOUNTS - 1; i++)
            w.apply(new ChangeSet(List.of(write(address(i), 1, Map.of(word(0), word(7))))));
        return w.commit();
    }

    @Property(tries = 100)
    void eachAccountAndSlotIsHeldOnceHoweverOftenItIsReadOrWritten(@ForAll long seed) {
        Random rnd = new Random(seed);
        InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        WorldState w = WorldState.open(store, committedWorld(store), BlockHashes.NONE);
        assertThat(w.heldInMemory()).isZero();
        Set<Address> accounts = new HashSet<>();
        Set<String> slots = new HashSet<>();
        for (int step = rnd.nextInt(40); step > 0; step--) {
            int i = rnd.nextInt(ACCOUNTS);
            Address a = address(i);
            Bytes32 key = word(rnd.nextInt(SLOTS));
            boolean exists = i < ACCOUNTS - 1;
            switch (rnd.nextInt(3)) {
                case 0 -> w.account(a);
                // a slot of an account that does not exist is zero without being held
                case 1 -> {
                    w.storage(a, key);
                    if (exists)
                        slots.add(i + ":" + key);
                }
                default -> {
                    if (!exists)
                        continue;
                    w.apply(new ChangeSet(List.of(write(a, 2, Map.of(key, word(rnd.nextInt(3)))))));
                    slots.add(i + ":" + key);
                }
            }
            accounts.add(a);
            assertThat(w.heldInMemory()).isEqualTo(accounts.size() + slots.size());
        }
    }

    @Test
    void onlyACommittedStateContinuesAndItAnswersBlockHashesFromTheNewLookup() {
        InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        WorldState w = WorldState.open(store, committedWorld(store), n -> word(n));
        w.apply(new ChangeSet(List.of(write(address(0), 2, Map.of(word(1), word(9))))));

        assertThatThrownBy(() -> w.continueWith(BlockHashes.NONE)).isInstanceOf(IllegalStateException.class)
                .hasMessage("this world state has changes that are not committed");
        assertThat(w.blockHash(3)).isEqualTo(word(3));

        Bytes32 root = w.commit(new WriteBatch());
        WorldState next = w.continueWith(n -> word(n + 100));
        assertThat(next).isSameAs(w);
        assertThat(next.blockHash(3)).isEqualTo(word(103));
        assertThat(next.storage(address(0), word(1))).isEqualTo(word(9));
        assertThat(next.rootHash()).isEqualTo(root);
        assertThatThrownBy(() -> next.continueWith(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void hasStorageSeesSlotsAppliedBeforeAnyRootWasAskedFor() {
        InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        WorldState w = WorldState.open(store, committedWorld(store), BlockHashes.NONE);
        Address fresh = address(ACCOUNTS);
        w.apply(new ChangeSet(List.of(write(fresh, 0, Map.of()))));
        assertThat(w.hasStorage(fresh)).isFalse();

        w.apply(new ChangeSet(List.of(write(fresh, 1, Map.of(word(2), word(5))))));
        assertThat(w.hasStorage(fresh)).isTrue();
        w.apply(new ChangeSet(List.of(write(fresh, 2, Map.of(word(2), Bytes32.ZERO)))));
        assertThat(w.hasStorage(fresh)).isFalse();

        // an account whose only slot is zeroed has no storage, before and after its root is computed
        assertThat(w.hasStorage(address(0))).isTrue();
        w.apply(new ChangeSet(List.of(write(address(0), 2, Map.of(word(0), Bytes32.ZERO)))));
        assertThat(w.hasStorage(address(0))).isFalse();
        w.rootHash();
        assertThat(w.hasStorage(address(0))).isFalse();
        assertThat(w.hasStorage(address(ACCOUNTS - 1))).as("no such account").isFalse();
    }

    private static final Bytes CODE = Bytes.fromHex("0x6001600055");

    private static Bytes32 hash(Bytes code) {
        return Bytes32.wrap(Keccak256.hash(code.unsafeArray()));
    }

    private static AccountChange deploy(Address a, Bytes code) {
        return new AccountChange(a, new AccountInfo(1, BigInteger.ZERO, hash(code)), code, false, new TreeMap<>());
    }

    @Test
    void codeIsReadFromTheChangesTheStoreOrNowhereAndCommittedOnce() {
        InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        WorldState w = WorldState.open(store, committedWorld(store), BlockHashes.NONE);
        Address contract = address(ACCOUNTS + 1);
        assertThat(w.code(StateAccount.EMPTY_CODE_HASH)).isEqualTo(Bytes.EMPTY);
        w.apply(new ChangeSet(List.of(deploy(contract, CODE))));
        assertThat(w.code(hash(CODE))).as("applied, not committed").isEqualTo(CODE);
        assertThat(w.codeAt(contract)).isEqualTo(CODE);

        WriteBatch first = new WriteBatch();
        Bytes32 root = w.commit(first);
        assertThat(codeWrites(first)).containsExactly(CODE);
        assertThat(w.code(hash(CODE))).as("after its commit, before the batch is written").isEqualTo(CODE);
        w.apply(new ChangeSet(List.of(write(address(0), 2, Map.of()))));
        WriteBatch second = new WriteBatch();
        w.commit(second);
        assertThat(codeWrites(second)).as("code is committed once").isEmpty();

        store.write(first);
        WorldState reopened = WorldState.open(store, root, BlockHashes.NONE);
        assertThat(reopened.code(hash(CODE))).isEqualTo(CODE);
        assertThat(reopened.codeAt(address(0))).isEqualTo(Bytes.EMPTY);
        assertThatThrownBy(() -> reopened.code(hash(Bytes.fromHex("0x00")))).isInstanceOf(StateException.class)
                .hasMessageContaining("is missing from the store");
    }

    private static List<Bytes> codeWrites(WriteBatch batch) {
        return batch.operations().stream().filter(o -> o.segment() == Segment.CODE).map(WriteBatch.Operation::value)
                .toList();
    }

    @Test
    void anAccountAndItsProofShowSlotsAppliedBeforeAnyRootWasAskedFor() throws Exception {
        InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        WorldState w = WorldState.open(store, committedWorld(store), BlockHashes.NONE);
        Address a = address(1);
        w.apply(new ChangeSet(List.of(write(a, 2, Map.of(word(3), word(4))))));

        StateAccount seen = w.stateAccount(a).orElseThrow();
        AccountProof proof = w.proof(a, List.of(word(3)));
        Bytes32 root = w.rootHash();
        assertThat(seen).isEqualTo(w.stateAccount(a).orElseThrow());
        assertThat(seen.storageRoot()).isNotEqualTo(StateAccount.EMPTY_TRIE_ROOT);
        assertThat(ProofVerifier.verifySecure(root, a.toBytes(), proof.accountProof()))
                .contains(Bytes.wrap(seen.encode()));
        assertThat(ProofVerifier.verifySecure(seen.storageRoot(), word(3).toBytes(),
                proof.storageProofs().getFirst().proof())).isPresent();
        assertThat(proof.storageProofs().getFirst().value()).isEqualTo(word(4));
        // the same account in a fresh state over the committed changes
        WorldState reopened = WorldState.open(store, w.commit(), BlockHashes.NONE);
        assertThat(reopened.stateAccount(a)).contains(seen);
    }

    @Test
    void aReadOnlyStateReadsAndComputesRootsButCommitsOnlyIntoABatch() {
        InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        Bytes32 root = committedWorld(store);
        WorldState r = WorldState.openReadOnly(store, root, BlockHashes.NONE);
        assertThat(r.storage(address(0), word(0))).isEqualTo(word(7));
        r.apply(new ChangeSet(List.of(write(address(0), 2, Map.of(word(0), word(8))))));
        WorldState writable = WorldState.open(store, root, BlockHashes.NONE);
        writable.apply(new ChangeSet(List.of(write(address(0), 2, Map.of(word(0), word(8))))));
        assertThat(r.rootHash()).isEqualTo(writable.rootHash());
        assertThatThrownBy(r::commit).isInstanceOf(IllegalStateException.class)
                .hasMessage("this world state is read-only; commit into a WriteBatch instead");
        WriteBatch batch = new WriteBatch();
        assertThat(r.commit(batch)).isEqualTo(writable.rootHash());
        assertThat(batch.operations()).isNotEmpty();
    }
}
