package org.stele.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.rlp.RlpException;
import org.stele.common.rlp.RlpReader;
import org.stele.common.rlp.RlpWriter;
import org.stele.evm.AccountInfo;
import org.stele.evm.WorldView;
import org.stele.evm.state.AccountChange;
import org.stele.evm.state.ChangeSet;
import org.stele.storage.KeyValueStore;
import org.stele.storage.ReadableKeyValueStore;
import org.stele.storage.Segment;
import org.stele.storage.WriteBatch;
import org.stele.trie.MerklePatriciaTrie;
import org.stele.trie.NodeStore;
import org.stele.trie.SecureTrie;
import org.stele.trie.Trie;

/**
 * The world state at one root, and the working copy a block's transactions are applied to.
 *
 * <p>
 * Reads go through a cache of decoded accounts and the loaded storage tries, so that each account is decoded once per
 * instance however often transactions ask for it. {@link #apply(ChangeSet)} changes only memory; the account leaves
 * and storage roots are brought up to date by {@link #rootHash()}, and {@link #commit(WriteBatch)} stages every new
 * trie node and every new code in the caller's batch, so that the state of a block lands in the store together with
 * the block itself, or not at all. Deleted accounts and cleared storage are never read back from the store: their old
 * trie nodes stay where they are (other roots may still share them) and are simply no longer reachable.
 *
 * <p>
 * Each account's and each slot's key is hashed (its path in the secure trie) once per instance, and each slot is read
 * from its trie at most once: the value read or last applied is kept, and applied slot values reach the storage trie
 * only when a root is asked for. A block's transactions read and write the same few slots (a token's balances) over
 * and over, and the trie holds the same values whatever the order of the writes, so the roots are those of applying
 * every change to the trie at once.
 *
 * <p>
 * An instance is meant to live for one block (or one RPC request) and is not thread-safe.
 */
public final class WorldState implements WorldView {
    /** Distinct codes kept in memory; contracts are re-run often within a block, code is immutable. */
    private static final int CODE_CACHE_ENTRIES = 1024;
    /** What {@link #committedAccounts} says of a deleted account: what reading it afterwards finds. */
    private static final AccountInfo DELETED = new AccountInfo(0, java.math.BigInteger.ZERO,
            StateAccount.EMPTY_CODE_HASH);

    private final ReadableKeyValueStore reader;
    private final KeyValueStore writer;
    private final NodeStore nodes;
    private BlockHashes blockHashes;
    private final SecureTrie accounts;
    private final HashMap<Address, Entry> cache = new HashMap<>();
    /** Accounts whose leaf in the account trie is out of date (each once, see {@link Entry#dirty}). */
    private final ArrayList<Address> dirty = new ArrayList<>();
    private final TreeMap<Bytes32, Bytes> newCode = new TreeMap<>();
    /** Entries whose storage trie changed since the last commit (some may have been deleted since). */
    private final ArrayList<Entry> storageChanged = new ArrayList<>();
    /** Changes have been applied since the last commit. */
    private boolean uncommitted;
    /** The accounts flushed since the last commit, as they were last flushed (see {@link #committedAccounts}). */
    private HashMap<Address, AccountInfo> flushedAccounts = new HashMap<>();
    /** The accounts the last commit changed. */
    private Map<Address, AccountInfo> committedAccounts = Map.of();
    /** Accounts and slots held in memory, for a caller that keeps this state from block to block. */
    private long held;
    private final Map<Bytes32, Bytes> codeCache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Bytes32, Bytes> eldest) {
            return size() > CODE_CACHE_ENTRIES;
        }
    };

    /** What is known of one account: its last decoded or written form and, once needed, its storage trie. */
    private static final class Entry {
        /** Null when the account does not exist. */
        StateAccount account;
        /** Loaded on first storage access; replaced by an empty trie when storage is cleared. */
        SecureTrie storage;
        /** The storage trie has changes whose root is not yet in {@link #account}. */
        boolean storageRootStale;
        /** The storage trie has nodes that are not yet committed. */
        boolean storageUncommitted;
        /** The account is listed in {@link WorldState#dirty}. */
        boolean dirty;
        /** The account's path in the account trie: the hash of its address. */
        final Bytes path;
        /** Slots read or written through this instance, by key; null until the first. */
        HashMap<Bytes32, Slot> slots;
        /** Slots whose applied value is not yet in {@link #storage}, each once. */
        final ArrayList<Slot> pending = new ArrayList<>();

        Entry(StateAccount account, Bytes path) {
            this.account = account;
            this.path = path;
        }

        /** Forgets the storage read so far: the storage trie has been replaced. */
        void clearSlots() {
            slots = null;
            pending.clear();
        }
    }

    /** One storage slot as this instance knows it. */
    private static final class Slot {
        /** The slot's path in the storage trie: the hash of its key. */
        final Bytes path;
        Bytes32 value;
        /** Listed in {@link Entry#pending}. */
        boolean pending;

        Slot(Bytes path, Bytes32 value) {
            this.path = path;
            this.value = value;
        }
    }

    private WorldState(ReadableKeyValueStore reader, KeyValueStore writer, Bytes32 root, BlockHashes blockHashes) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.writer = writer;
        this.nodes = writer != null ? NodeStore.of(writer) : NodeStore.readOnly(reader, Segment.TRIE_NODES);
        this.blockHashes = Objects.requireNonNull(blockHashes, "blockHashes");
        this.accounts = SecureTrie.load(nodes, Objects.requireNonNull(root, "root"));
    }

    /**
     * The state with {@code root} in {@code store}, which must have the {@link Segment#TRIE_NODES} and
     * {@link Segment#CODE} segments. Use {@link StateAccount#EMPTY_TRIE_ROOT} for an empty world.
     *
     * @throws org.stele.trie.TrieException
     *             when the store does not hold the root
     */
    public static WorldState open(KeyValueStore store, Bytes32 root, BlockHashes blockHashes) {
        return new WorldState(store, store, root, blockHashes);
    }

    /** An empty world over {@code store}. */
    public static WorldState empty(KeyValueStore store, BlockHashes blockHashes) {
        return open(store, StateAccount.EMPTY_TRIE_ROOT, blockHashes);
    }

    /**
     * A state that reads from {@code reader} (for example a snapshot); it can apply changes and compute roots, and
     * {@link #commit(WriteBatch)} still works, but not {@link #commit()}.
     */
    public static WorldState openReadOnly(ReadableKeyValueStore reader, Bytes32 root, BlockHashes blockHashes) {
        return new WorldState(reader, null, root, blockHashes);
    }

    // ---------------------------------------------------------------- reads (WorldView)

    @Override
    public AccountInfo account(Address address) {
        StateAccount a = load(address).account;
        return a == null ? null : new AccountInfo(a.nonce(), a.balance(), a.codeHash());
    }

    /** The account as the trie stores it, with a current storage root; empty when it does not exist. */
    public Optional<StateAccount> stateAccount(Address address) {
        Entry e = load(address);
        refreshStorageRoot(e);
        return Optional.ofNullable(e.account);
    }

    @Override
    public Bytes code(Bytes32 codeHash) {
        if (codeHash.equals(StateAccount.EMPTY_CODE_HASH))
            return Bytes.EMPTY;
        Bytes code = newCode.get(codeHash);
        if (code != null)
            return code;
        code = codeCache.get(codeHash);
        if (code != null)
            return code;
        code = reader.get(Segment.CODE, Bytes.wrap(codeHash.unsafeArray()))
                .orElseThrow(() -> new StateException("code " + codeHash + " is missing from the store", null));
        codeCache.put(codeHash, code);
        return code;
    }

    /** The code of the account at {@code address}, empty when it has none or does not exist. */
    public Bytes codeAt(Address address) {
        StateAccount a = load(address).account;
        return a == null ? Bytes.EMPTY : code(a.codeHash());
    }

    @Override
    public Bytes32 storage(Address address, Bytes32 key) {
        Entry e = load(address);
        if (e.account == null)
            return Bytes32.ZERO;
        return slot(address, e, key).value;
    }

    @Override
    public boolean hasStorage(Address address) {
        Entry e = load(address);
        if (e.account == null)
            return false;
        Bytes32 root = e.storageRootStale ? currentStorageRoot(e) : e.account.storageRoot();
        return !root.equals(Trie.EMPTY_ROOT);
    }

    @Override
    public Bytes32 blockHash(long number) {
        return blockHashes.hashOf(number);
    }

    // ---------------------------------------------------------------- writes

    /** Sets an account outright with the given code and storage, replacing whatever was there (genesis, fixtures). */
    public void putAccount(Address address, long nonce, java.math.BigInteger balance, Bytes code,
            Map<Bytes32, Bytes32> storage) {
        Bytes32 codeHash = code.isEmpty()
                ? StateAccount.EMPTY_CODE_HASH
                : Bytes32.wrap(org.stele.common.crypto.Keccak256.hash(code.unsafeArray()));
        apply(new ChangeSet(List.of(new AccountChange(address, new AccountInfo(nonce, balance, codeHash),
                code.isEmpty() ? null : code, true, new TreeMap<>(storage)))));
    }

    /**
     * Applies one transaction's changes in memory. Deletions remove the account and its storage; a change with
     * {@code storageCleared} (a contract created over an address that had storage) starts from empty storage.
     */
    public void apply(ChangeSet changes) {
        uncommitted = true;
        for (AccountChange c : changes.accounts()) {
            Address address = c.address();
            Entry e = load(address);
            if (c.isDeleted()) {
                e.account = null;
                e.storage = null;
                e.clearSlots();
                e.storageRootStale = false;
                e.storageUncommitted = false;
                markDirty(address, e);
                continue;
            }
            AccountInfo info = c.info();
            Bytes32 storageRoot;
            if (e.account == null || c.storageCleared()) {
                e.storage = SecureTrie.empty(nodes);
                e.clearSlots();
                storageRoot = Trie.EMPTY_ROOT;
            } else {
                storageRoot = e.account.storageRoot();
            }
            if (!c.storage().isEmpty()) {
                if (e.storage == null)
                    storageTrie(address, e);
                for (Map.Entry<Bytes32, Bytes32> s : c.storage().entrySet()) {
                    Slot slot = e.slots == null ? null : e.slots.get(s.getKey());
                    if (slot == null) {
                        // written before ever read: its old value is not needed, only its path
                        slot = new Slot(SecureTrie.hashKey(Bytes.wrap(s.getKey().unsafeArray())), null);
                        slotsOf(e).put(s.getKey(), slot);
                        held++;
                    }
                    slot.value = s.getValue();
                    if (!slot.pending) {
                        slot.pending = true;
                        e.pending.add(slot);
                    }
                }
                e.storageRootStale = true;
                if (!e.storageUncommitted) {
                    e.storageUncommitted = true;
                    storageChanged.add(e);
                }
            }
            if (c.code() != null && !info.codeHash().equals(StateAccount.EMPTY_CODE_HASH))
                newCode.put(info.codeHash(), c.code());
            e.account = new StateAccount(info.nonce(), info.balance(), storageRoot, info.codeHash());
            markDirty(address, e);
        }
    }

    /** The state root with every applied change, computed without writing anything. */
    public Bytes32 rootHash() {
        flush();
        return accounts.rootHash();
    }

    /**
     * Stages every trie node and code created since the last commit in {@code batch} (to be written atomically with
     * whatever else the caller adds) and returns the new root.
     */
    public Bytes32 commit(WriteBatch batch) {
        flush();
        for (Entry e : storageChanged) {
            if (e.storageUncommitted && e.storage != null) {
                e.storage.commit(batch);
                e.storageUncommitted = false;
            }
        }
        storageChanged.clear();
        Bytes32 root = accounts.commit(batch);
        for (Map.Entry<Bytes32, Bytes> c : newCode.entrySet()) {
            batch.put(Segment.CODE, Bytes.wrap(c.getKey().unsafeArray()), c.getValue());
            codeCache.put(c.getKey(), c.getValue());
        }
        newCode.clear();
        uncommitted = false;
        committedAccounts = flushedAccounts;
        flushedAccounts = new HashMap<>();
        return root;
    }

    /**
     * This state, committed, as the start of the next block, whose BLOCKHASH answers come from {@code hashes}: what it
     * has read and hashed (accounts, slots, trie nodes) stays in memory, so a chain that builds or imports block after
     * block on one thread reads each account from the store once rather than once per block. Its root is the one
     * {@link #commit(WriteBatch)} returned; the nodes behind it must reach the store with that batch before anything
     * else opens the root.
     *
     * @throws IllegalStateException
     *             when changes were applied since the last commit
     */
    public WorldState continueWith(BlockHashes hashes) {
        if (uncommitted)
            throw new IllegalStateException("this world state has changes that are not committed");
        this.blockHashes = Objects.requireNonNull(hashes, "hashes");
        return this;
    }

    /**
     * The accounts the last {@link #commit(WriteBatch)} changed, with their nonce, balance and code hash after it (a
     * deleted account as an empty one): after a block, the only accounts whose values differ from its parent's, so a
     * reader of the parent's accounts (the transaction pool) can follow the block without reading the new root. Not
     * to be changed; empty before the first commit.
     */
    public Map<Address, AccountInfo> committedAccounts() {
        return committedAccounts;
    }

    /** How many accounts and storage slots this instance holds in memory (never decreases). */
    public long heldInMemory() {
        return held;
    }

    /** Commits into the store this state was opened on, in one batch. */
    public Bytes32 commit() {
        if (writer == null)
            throw new IllegalStateException("this world state is read-only; commit into a WriteBatch instead");
        WriteBatch batch = new WriteBatch();
        Bytes32 root = commit(batch);
        writer.write(batch);
        return root;
    }

    // ---------------------------------------------------------------- proofs

    /**
     * The account at {@code address} and the given storage slots, each with the trie nodes that prove it against
     * {@link #rootHash()} (which this computes first).
     */
    public AccountProof proof(Address address, List<Bytes32> storageKeys) {
        flush();
        Entry e = load(address);
        List<Bytes> accountProof = accounts.proof(address.toBytes());
        List<StorageProof> storageProofs = new ArrayList<>(storageKeys.size());
        for (Bytes32 key : storageKeys) {
            if (e.account == null) {
                storageProofs.add(new StorageProof(key, Bytes32.ZERO, List.of()));
            } else {
                SecureTrie trie = storageTrie(address, e);
                storageProofs
                        .add(new StorageProof(key, storage(address, key), trie.proof(Bytes.wrap(key.unsafeArray()))));
            }
        }
        return new AccountProof(address, e.account, accountProof, storageProofs);
    }

    // ---------------------------------------------------------------- internals

    private Entry load(Address address) {
        Entry e = cache.get(address);
        if (e == null) {
            Bytes path = SecureTrie.hashKey(address.toBytes());
            Optional<Bytes> raw = accounts.underlying().get(path);
            StateAccount a = null;
            if (raw.isPresent()) {
                try {
                    a = StateAccount.decode(raw.get().unsafeArray());
                } catch (RlpException | IllegalArgumentException ex) {
                    throw new StateException("account " + address + " does not decode: " + ex.getMessage(), ex);
                }
            }
            e = new Entry(a, path);
            cache.put(address, e);
            held++;
        }
        return e;
    }

    private SecureTrie storageTrie(Address address, Entry e) {
        if (e.storage == null)
            e.storage = SecureTrie.load(nodes, e.account.storageRoot());
        return e.storage;
    }

    private static HashMap<Bytes32, Slot> slotsOf(Entry e) {
        if (e.slots == null)
            e.slots = new HashMap<>();
        return e.slots;
    }

    /** The slot as known here, read from the storage trie (once) when it is not. */
    private Slot slot(Address address, Entry e, Bytes32 key) {
        HashMap<Bytes32, Slot> slots = slotsOf(e);
        Slot s = slots.get(key);
        if (s == null || s.value == null) {
            Bytes path = s != null ? s.path : SecureTrie.hashKey(Bytes.wrap(key.unsafeArray()));
            Optional<Bytes> raw = storageTrie(address, e).underlying().get(path);
            Bytes32 value = raw.isEmpty() ? Bytes32.ZERO : decodeSlot(address, key, raw.get());
            if (s == null) {
                s = new Slot(path, value);
                slots.put(key, s);
                held++;
            } else {
                s.value = value;
            }
        }
        return s;
    }

    private void markDirty(Address address, Entry e) {
        if (!e.dirty) {
            e.dirty = true;
            dirty.add(address);
        }
    }

    /** Puts the applied slot values into the storage trie; a zero value removes the slot. */
    private static void putPending(Entry e) {
        if (e.pending.isEmpty())
            return;
        MerklePatriciaTrie trie = e.storage.underlying();
        for (Slot s : e.pending) {
            if (s.value.isZero())
                trie.delete(s.path);
            else
                trie.put(s.path, encodeSlot(s.value));
            s.pending = false;
        }
        e.pending.clear();
    }

    private static Bytes32 currentStorageRoot(Entry e) {
        putPending(e);
        return e.storage.rootHash();
    }

    private void refreshStorageRoot(Entry e) {
        if (e.storageRootStale) {
            StateAccount a = e.account;
            e.account = new StateAccount(a.nonce(), a.balance(), currentStorageRoot(e), a.codeHash());
            e.storageRootStale = false;
        }
    }

    /**
     * Brings every changed account's storage root and leaf up to date, in the order the accounts were first changed
     * (the same for the same changes); the order does not change the trie.
     */
    private void flush() {
        if (dirty.isEmpty())
            return;
        MerklePatriciaTrie trie = accounts.underlying();
        for (Address address : dirty) {
            Entry e = cache.get(address);
            e.dirty = false;
            if (e.account == null) {
                trie.delete(e.path);
                flushedAccounts.put(address, DELETED);
            } else {
                refreshStorageRoot(e);
                trie.put(e.path, Bytes.wrap(e.account.encode()));
                flushedAccounts.put(address,
                        new AccountInfo(e.account.nonce(), e.account.balance(), e.account.codeHash()));
            }
        }
        dirty.clear();
    }

    /** Storage values are stored as the RLP of the value without leading zeros. */
    private static Bytes encodeSlot(Bytes32 value) {
        return Bytes.wrap(new RlpWriter(33).writeScalar(value.unsafeArray()).toByteArray());
    }

    private static Bytes32 decodeSlot(Address address, Bytes32 key, Bytes raw) {
        try {
            RlpReader r = RlpReader.of(raw.unsafeArray());
            byte[] v = r.readScalarBytes(32);
            r.requireEnd();
            return Bytes32.leftPad(v);
        } catch (RlpException e) {
            throw new StateException("storage slot " + key + " of " + address + " does not decode: " + e.getMessage(),
                    e);
        }
    }
}
