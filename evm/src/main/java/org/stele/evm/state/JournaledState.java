package org.stele.evm.state;

import static org.stele.evm.Opcode.JUMPDEST;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.Keccak256;
import org.stele.evm.AccountInfo;
import org.stele.evm.Log;
import org.stele.evm.Opcode;
import org.stele.evm.Word;
import org.stele.evm.WorldView;

/**
 * The state of one transaction in flight, over a read-only {@link WorldView}.
 *
 * <p>
 * Every change appends an undo entry to a journal; {@link #checkpoint()} remembers the journal's length and
 * {@link #revert(long)} undoes back to it, which is how a failed call at any depth leaves no trace. Reads are cached,
 * so the world is asked at most once per account and slot. The transaction processor uses the same object: it bumps
 * the sender's nonce, buys gas, warms the access list and the coinbase before {@code Evm.execute}, pays refunds and the
 * fee after, and finally takes {@link #finish()}.
 *
 * <p>
 * Not thread-safe: one transaction, one thread.
 */
public final class JournaledState {
    private final WorldView world;
    private final HashMap<Address, JAccount> accounts = new HashMap<>();
    private final HashMap<TransientKey, Word> transientStorage = new HashMap<>();
    private final ArrayList<Entry> journal = new ArrayList<>();
    private final ArrayList<Log> logs = new ArrayList<>();
    private long refund;

    public JournaledState(WorldView world) {
        this.world = world;
    }

    public WorldView world() {
        return world;
    }

    // ---------------------------------------------------------------- checkpoints

    /** A mark to {@link #revert} to. Encodes the journal and log lengths. */
    public long checkpoint() {
        return ((long) journal.size() << 32) | logs.size();
    }

    /** Undoes every change made since {@code checkpoint} was taken. */
    public void revert(long checkpoint) {
        int journalSize = (int) (checkpoint >>> 32);
        int logSize = (int) checkpoint;
        for (int i = journal.size() - 1; i >= journalSize; i--) {
            undo(journal.remove(i));
        }
        while (logs.size() > logSize)
            logs.removeLast();
    }

    // ---------------------------------------------------------------- accounts

    JAccount load(Address address) {
        JAccount a = accounts.get(address);
        if (a == null) {
            AccountInfo info = world.account(address);
            a = new JAccount(address, info);
            accounts.put(address, a);
        }
        return a;
    }

    /** The account as it stands now, or {@code null} if it does not exist. */
    public AccountInfo account(Address address) {
        JAccount a = load(address);
        return a.exists ? new AccountInfo(a.nonce, a.balance, a.codeHash) : null;
    }

    public boolean exists(Address address) {
        return load(address).exists;
    }

    /** EIP-161 "dead": absent, or with zero nonce, zero balance and no code. */
    public boolean isEmpty(Address address) {
        JAccount a = load(address);
        return !a.exists || a.isEmpty();
    }

    public BigInteger balance(Address address) {
        return load(address).balance;
    }

    public long nonce(Address address) {
        return load(address).nonce;
    }

    public Bytes32 codeHash(Address address) {
        return load(address).codeHash;
    }

    /** The account's code; empty for accounts without code. The array must not be modified. */
    public byte[] code(Address address) {
        JAccount a = load(address);
        return codeOf(a);
    }

    private byte[] codeOf(JAccount a) {
        if (a.code == null) {
            a.code = a.codeHash.equals(AccountInfo.EMPTY_CODE_HASH) ? new byte[0] : world.code(a.codeHash).toArray();
        }
        return a.code;
    }

    /** Jump destination bitmap for the account's code, computed once per account and transaction. */
    public long[] jumpDests(Address address) {
        JAccount a = load(address);
        if (a.jumpDests == null)
            a.jumpDests = analyse(codeOf(a));
        return a.jumpDests;
    }

    /** One bit per code byte: set where a JUMPDEST is an instruction rather than PUSH data. */
    public static long[] analyse(byte[] code) {
        long[] bits = new long[(code.length >>> 6) + 1];
        for (int pc = 0; pc < code.length; pc++) {
            int op = code[pc] & 0xFF;
            if (op == JUMPDEST)
                bits[pc >>> 6] |= 1L << pc;
            else
                pc += Opcode.immediateSize(op);
        }
        return bits;
    }

    private void touched(JAccount a) {
        if (!a.touched) {
            a.touched = true;
            journal.add(new Touched(a));
        }
    }

    /** Marks the account touched (EIP-161): if it is empty at the end of the transaction, it is deleted. */
    public void touch(Address address) {
        touched(load(address));
    }

    private void ensureExists(JAccount a) {
        if (!a.exists) {
            a.exists = true;
            journal.add(new Existed(a));
        }
    }

    public void addBalance(Address address, BigInteger amount) {
        JAccount a = load(address);
        touched(a);
        if (amount.signum() == 0)
            return;
        ensureExists(a);
        journal.add(new BalanceChange(a, a.balance));
        a.balance = a.balance.add(amount);
    }

    /** Subtracts {@code amount}; returns false and changes nothing when the balance is too small. */
    public boolean subBalance(Address address, BigInteger amount) {
        JAccount a = load(address);
        if (a.balance.compareTo(amount) < 0)
            return false;
        touched(a);
        if (amount.signum() == 0)
            return true;
        journal.add(new BalanceChange(a, a.balance));
        a.balance = a.balance.subtract(amount);
        return true;
    }

    /** Moves value between accounts; false (and nothing changed) when {@code from} cannot afford it. */
    public boolean transfer(Address from, Address to, BigInteger value) {
        if (!subBalance(from, value))
            return false;
        addBalance(to, value);
        return true;
    }

    public void setNonce(Address address, long nonce) {
        JAccount a = load(address);
        touched(a);
        ensureExists(a);
        journal.add(new NonceChange(a, a.nonce));
        a.nonce = nonce;
    }

    public void incrementNonce(Address address) {
        setNonce(address, load(address).nonce + 1);
    }

    public void setCode(Address address, byte[] code) {
        JAccount a = load(address);
        touched(a);
        ensureExists(a);
        journal.add(new CodeChange(a, a.codeHash, a.code, a.jumpDests, a.codeChanged));
        a.code = code;
        a.codeHash = code.length == 0 ? AccountInfo.EMPTY_CODE_HASH : Bytes32.wrap(Keccak256.hash(code));
        a.jumpDests = null;
        a.codeChanged = true;
    }

    /**
     * Whether creating a contract at the address collides with an existing one: it has code, a non-zero nonce, or
     * storage (EIP-684, EIP-7610).
     */
    public boolean hasCollision(Address address) {
        JAccount a = load(address);
        if (a.nonce != 0 || !a.codeHash.equals(AccountInfo.EMPTY_CODE_HASH))
            return true;
        if (a.storageCleared)
            return a.storage.values().stream().anyMatch(s -> !s.present.isZero());
        if (a.existedInWorld && world.hasStorage(address))
            return true;
        return a.storage.values().stream().anyMatch(s -> !s.present.isZero());
    }

    /**
     * Starts a new contract at the address: it exists, is marked created in this transaction (EIP-6780), and its
     * storage reads as empty. Balance carries over; the caller sets the nonce.
     */
    public void createAccount(Address address) {
        JAccount a = load(address);
        touched(a);
        journal.add(new Created(a, a.exists, a.created, a.storageCleared, new HashMap<>(a.storage)));
        a.exists = true;
        a.created = true;
        a.storageCleared = true;
        // Storage starts empty, but slots warmed earlier (access list) stay warm (EIP-2929).
        a.storage.replaceAll((k, old) -> {
            Slot fresh = new Slot(Word.ZERO);
            fresh.warm = old.warm;
            return fresh;
        });
    }

    public boolean isCreatedInThisTransaction(Address address) {
        return load(address).created;
    }

    /**
     * SELFDESTRUCT: the balance moves to the beneficiary and the account is deleted at the end of the transaction.
     * Under EIP-6780 ({@code onlyIfCreated}) the deletion, and the burning of a balance sent to itself, happen only
     * for an account created in this transaction.
     */
    public void selfDestruct(Address address, Address beneficiary, boolean onlyIfCreated) {
        JAccount a = load(address);
        BigInteger balance = a.balance;
        boolean deletes = a.created || !onlyIfCreated;
        if (!address.equals(beneficiary)) {
            addBalance(beneficiary, balance);
            journal.add(new BalanceChange(a, a.balance));
            a.balance = BigInteger.ZERO;
            touched(a);
        } else if (deletes) {
            journal.add(new BalanceChange(a, a.balance));
            a.balance = BigInteger.ZERO;
            touched(a);
        }
        if (deletes && !a.destructed) {
            journal.add(new Destructed(a));
            a.destructed = true;
        }
    }

    public boolean isSelfDestructed(Address address) {
        return load(address).destructed;
    }

    // ---------------------------------------------------------------- warm sets (EIP-2929)

    /** Marks the address warm; returns true if it was cold. */
    public boolean warmAccount(Address address) {
        JAccount a = load(address);
        if (a.warm)
            return false;
        a.warm = true;
        journal.add(new WarmAccount(a));
        return true;
    }

    public boolean isWarm(Address address) {
        JAccount a = accounts.get(address);
        return a != null && a.warm;
    }

    /** Marks the slot warm; returns true if it was cold. */
    public boolean warmSlot(Address address, Word key) {
        JAccount a = load(address);
        Slot s = slot(a, key);
        if (s.warm)
            return false;
        s.warm = true;
        journal.add(new WarmSlot(s));
        return true;
    }

    /** For access lists, which name slots as 32 bytes. */
    public boolean warmSlot(Address address, Bytes32 key) {
        return warmSlot(address, Word.fromBytes32(key));
    }

    // ---------------------------------------------------------------- storage

    private Slot slot(JAccount a, Word key) {
        Slot s = a.storage.get(key);
        if (s == null) {
            Word v = a.storageCleared || !a.existedInWorld
                    ? Word.ZERO
                    : Word.fromBytes32(world.storage(a.address, key.toBytes32()));
            s = new Slot(v);
            a.storage.put(key, s);
        }
        return s;
    }

    /** The slot's current value. */
    public Word sload(Address address, Word key) {
        return slot(load(address), key).present;
    }

    /** The slot's value at the start of the transaction (EIP-2200 "original"). */
    public Word originalValue(Address address, Word key) {
        return slot(load(address), key).original;
    }

    public void sstore(Address address, Word key, Word value) {
        JAccount a = load(address);
        Slot s = slot(a, key);
        journal.add(new StorageChange(s, s.present));
        s.present = value;
        touched(a);
    }

    /** EIP-1153 transient storage: per transaction, reverted with its call. */
    public Word tload(Address address, Word key) {
        Word v = transientStorage.get(new TransientKey(address, key));
        return v == null ? Word.ZERO : v;
    }

    public void tstore(Address address, Word key, Word value) {
        TransientKey k = new TransientKey(address, key);
        Word old = value.isZero() ? transientStorage.remove(k) : transientStorage.put(k, value);
        journal.add(new TransientChange(k, old));
    }

    // ---------------------------------------------------------------- logs and refunds

    public void addLog(Log log) {
        logs.add(log);
    }

    public List<Log> logs() {
        return Collections.unmodifiableList(logs);
    }

    public long refund() {
        return refund;
    }

    public void addRefund(long delta) {
        journal.add(new RefundChange(refund));
        refund += delta;
    }

    // ---------------------------------------------------------------- end of transaction

    /**
     * The transaction's changes: self-destructed accounts and touched empty accounts are deleted (EIP-6780, EIP-161),
     * every other changed account is written with the storage slots whose value differs from the start.
     */
    public ChangeSet finish() {
        TreeMap<Address, AccountChange> out = new TreeMap<>();
        for (JAccount a : accounts.values()) {
            boolean dirty = a.touched || a.codeChanged || a.created;
            if (!dirty)
                continue;
            if (a.destructed || (a.exists && a.isEmpty()) || !a.exists) {
                if (a.existedInWorld)
                    out.put(a.address, new AccountChange(a.address, null, null, true, Map.of()));
                continue;
            }
            TreeMap<Bytes32, Bytes32> storage = new TreeMap<>();
            for (Map.Entry<Word, Slot> e : a.storage.entrySet()) {
                Slot s = e.getValue();
                if (a.storageCleared ? !s.present.isZero() : !s.present.equals(s.original)) {
                    storage.put(e.getKey().toBytes32(), s.present.toBytes32());
                }
            }
            out.put(a.address,
                    new AccountChange(a.address, new AccountInfo(a.nonce, a.balance, a.codeHash),
                            a.codeChanged ? Bytes.wrap(a.code) : null,
                            a.storageCleared && a.existedInWorld, Collections.unmodifiableMap(storage)));
        }
        return new ChangeSet(new ArrayList<>(out.values()));
    }

    // ---------------------------------------------------------------- internals

    static final class JAccount {
        final Address address;
        final boolean existedInWorld;
        boolean exists;
        long nonce;
        BigInteger balance;
        Bytes32 codeHash;
        byte[] code;
        long[] jumpDests;
        boolean warm, touched, created, destructed, storageCleared, codeChanged;
        final HashMap<Word, Slot> storage = new HashMap<>();

        JAccount(Address address, AccountInfo info) {
            this.address = address;
            this.existedInWorld = info != null;
            this.exists = info != null;
            this.nonce = info == null ? 0 : info.nonce();
            this.balance = info == null ? BigInteger.ZERO : info.balance();
            this.codeHash = info == null ? AccountInfo.EMPTY_CODE_HASH : info.codeHash();
        }

        boolean isEmpty() {
            return nonce == 0 && balance.signum() == 0 && codeHash.equals(AccountInfo.EMPTY_CODE_HASH);
        }
    }

    static final class Slot {
        final Word original;
        Word present;
        boolean warm;

        Slot(Word value) {
            this.original = value;
            this.present = value;
        }
    }

    record TransientKey(Address address, Word key) {}

    private sealed interface Entry {
    }

    private record Touched(JAccount a) implements Entry {}

    private record Existed(JAccount a) implements Entry {}

    private record BalanceChange(JAccount a, BigInteger old) implements Entry {}

    private record NonceChange(JAccount a, long old) implements Entry {}

    private record CodeChange(JAccount a, Bytes32 oldHash, byte[] oldCode, long[] oldJumpDests,
            boolean oldChanged) implements Entry {}

    private record Created(JAccount a, boolean oldExists, boolean oldCreated, boolean oldCleared,
            HashMap<Word, Slot> oldStorage) implements Entry {}

    private record Destructed(JAccount a) implements Entry {}

    private record WarmAccount(JAccount a) implements Entry {}

    private record WarmSlot(Slot s) implements Entry {}

    private record StorageChange(Slot s, Word old) implements Entry {}

    private record TransientChange(TransientKey key, Word old) implements Entry {}

    private record RefundChange(long old) implements Entry {}

    private void undo(Entry e) {
        switch (e) {
            case Touched t -> t.a.touched = false;
            case Existed x -> x.a.exists = false;
            case BalanceChange b -> b.a.balance = b.old;
            case NonceChange n -> n.a.nonce = n.old;
            case CodeChange c -> {
                c.a.codeHash = c.oldHash;
                c.a.code = c.oldCode;
                c.a.jumpDests = c.oldJumpDests;
                c.a.codeChanged = c.oldChanged;
            }
            case Created c -> {
                c.a.exists = c.oldExists;
                c.a.created = c.oldCreated;
                c.a.storageCleared = c.oldCleared;
                c.a.storage.clear();
                c.a.storage.putAll(c.oldStorage);
            }
            case Destructed d -> d.a.destructed = false;
            case WarmAccount w -> w.a.warm = false;
            case WarmSlot w -> w.s.warm = false;
            case StorageChange s -> s.s.present = s.old;
            case TransientChange t -> {
                if (t.old == null)
                    transientStorage.remove(t.key);
                else
                    transientStorage.put(t.key, t.old);
            }
            case RefundChange r -> refund = r.old;
        }
    }
}
