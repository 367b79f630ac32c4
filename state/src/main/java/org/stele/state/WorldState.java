package org.stele.state;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
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
 * An instance is meant to live for one block (or one RPC request) and is not thread-safe.
 */
public final class WorldState implements WorldView {
    /** Distinct codes kept in memory; contracts are re-run often within a block, code is immutable. */
    private static final int CODE_CACHE_ENTRIES = 1024;

    private final ReadableKeyValueStore reader;
    private final KeyValueStore writer;
    private final NodeStore nodes;
    private final BlockHashes blockHashes;
    private final SecureTrie accounts;
    private final HashMap<Address, Entry> cache = new HashMap<>();
    /** Accounts whose leaf in the account trie is out of date, in address order for determinism. */
    private final TreeSet<Address> dirty = new TreeSet<>();
    private final TreeMap<Bytes32, Bytes> newCode = new TreeMap<>();
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

        Entry(StateAccount account) {
            this.account = account;
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
        Optional<Bytes> raw = storageTrie(address, e).get(Bytes.wrap(key.unsafeArray()));
        return raw.isEmpty() ? Bytes32.ZERO : decodeSlot(address, key, raw.get());
    }

    @Override
    public boolean hasStorage(Address address) {
        Entry e = load(address);
        if (e.account == null)
            return false;
        Bytes32 root = e.storageRootStale ? e.storage.rootHash() : e.account.storageRoot();
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
        for (AccountChange c : changes.accounts()) {
            Address address = c.address();
            Entry e = load(address);
            if (c.isDeleted()) {
                e.account = null;
                e.storage = null;
                e.storageRootStale = false;
                e.storageUncommitted = false;
                dirty.add(address);
                continue;
            }
            AccountInfo info = c.info();
            Bytes32 storageRoot;
            if (e.account == null || c.storageCleared()) {
                e.storage = SecureTrie.empty(nodes);
                storageRoot = Trie.EMPTY_ROOT;
            } else {
                storageRoot = e.account.storageRoot();
            }
            if (!c.storage().isEmpty()) {
                SecureTrie trie = e.storage != null ? e.storage : storageTrie(address, e);
                for (Map.Entry<Bytes32, Bytes32> s : c.storage().entrySet()) {
                    Bytes key = Bytes.wrap(s.getKey().unsafeArray());
                    if (s.getValue().isZero())
                        trie.delete(key);
                    else
                        trie.put(key, encodeSlot(s.getValue()));
                }
                e.storageRootStale = true;
                e.storageUncommitted = true;
            }
            if (c.code() != null && !info.codeHash().equals(StateAccount.EMPTY_CODE_HASH))
                newCode.put(info.codeHash(), c.code());
            e.account = new StateAccount(info.nonce(), info.balance(), storageRoot, info.codeHash());
            dirty.add(address);
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
        for (Entry e : cache.values()) {
            if (e.storageUncommitted && e.storage != null) {
                e.storage.commit(batch);
                e.storageUncommitted = false;
            }
        }
        Bytes32 root = accounts.commit(batch);
        for (Map.Entry<Bytes32, Bytes> c : newCode.entrySet()) {
            batch.put(Segment.CODE, Bytes.wrap(c.getKey().unsafeArray()), c.getValue());
            codeCache.put(c.getKey(), c.getValue());
        }
        newCode.clear();
        return root;
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
            Optional<Bytes> raw = accounts.get(address.toBytes());
            StateAccount a = null;
            if (raw.isPresent()) {
                try {
                    a = StateAccount.decode(raw.get().unsafeArray());
                } catch (RlpException | IllegalArgumentException ex) {
                    throw new StateException("account " + address + " does not decode: " + ex.getMessage(), ex);
                }
            }
            e = new Entry(a);
            cache.put(address, e);
        }
        return e;
    }

    private SecureTrie storageTrie(Address address, Entry e) {
        if (e.storage == null)
            e.storage = SecureTrie.load(nodes, e.account.storageRoot());
        return e.storage;
    }

    private void refreshStorageRoot(Entry e) {
        if (e.storageRootStale) {
            StateAccount a = e.account;
            e.account = new StateAccount(a.nonce(), a.balance(), e.storage.rootHash(), a.codeHash());
            e.storageRootStale = false;
        }
    }

    /** Brings every changed account's storage root and leaf up to date, in address order. */
    private void flush() {
        for (Address address : dirty) {
            Entry e = cache.get(address);
            Bytes key = address.toBytes();
            if (e.account == null) {
                accounts.delete(key);
            } else {
                refreshStorageRoot(e);
                accounts.put(key, Bytes.wrap(e.account.encode()));
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
