package org.stele.evm;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.Keccak256;
import org.stele.evm.state.AccountChange;
import org.stele.evm.state.ChangeSet;

/**
 * A world kept in hash maps: for {@code stele evm run}, benchmarks and tests, where no trie is wanted. It can take a
 * {@link ChangeSet} so that several transactions run one after another.
 */
public final class InMemoryWorld implements WorldView {
    private final Map<Address, AccountInfo> accounts = new HashMap<>();
    private final Map<Bytes32, Bytes> codes = new HashMap<>();
    private final Map<Address, Map<Bytes32, Bytes32>> storage = new HashMap<>();
    private final Map<Long, Bytes32> blockHashes = new HashMap<>();

    /** Creates or replaces an account with the given code. */
    public InMemoryWorld put(Address address, long nonce, BigInteger balance, Bytes code) {
        Bytes32 hash = code.isEmpty() ? AccountInfo.EMPTY_CODE_HASH : Bytes32.wrap(Keccak256.hash(code.unsafeArray()));
        codes.put(hash, code);
        accounts.put(address, new AccountInfo(nonce, balance, hash));
        return this;
    }

    public InMemoryWorld putStorage(Address address, Bytes32 key, Bytes32 value) {
        if (value.isZero()) {
            Map<Bytes32, Bytes32> m = storage.get(address);
            if (m != null)
                m.remove(key);
        } else {
            storage.computeIfAbsent(address, k -> new HashMap<>()).put(key, value);
        }
        return this;
    }

    public InMemoryWorld putBlockHash(long number, Bytes32 hash) {
        blockHashes.put(number, hash);
        return this;
    }

    /** Applies a transaction's changes. */
    public void apply(ChangeSet changes) {
        for (AccountChange c : changes.accounts()) {
            if (c.isDeleted()) {
                accounts.remove(c.address());
                storage.remove(c.address());
                continue;
            }
            accounts.put(c.address(), c.info());
            if (c.code() != null)
                codes.put(c.info().codeHash(), c.code());
            if (c.storageCleared())
                storage.remove(c.address());
            c.storage().forEach((k, v) -> putStorage(c.address(), k, v));
        }
    }

    @Override
    public AccountInfo account(Address address) {
        return accounts.get(address);
    }

    @Override
    public Bytes code(Bytes32 codeHash) {
        Bytes c = codes.get(codeHash);
        return c == null ? Bytes.EMPTY : c;
    }

    @Override
    public Bytes32 storage(Address address, Bytes32 key) {
        Map<Bytes32, Bytes32> m = storage.get(address);
        Bytes32 v = m == null ? null : m.get(key);
        return v == null ? Bytes32.ZERO : v;
    }

    @Override
    public boolean hasStorage(Address address) {
        Map<Bytes32, Bytes32> m = storage.get(address);
        return m != null && !m.isEmpty();
    }

    @Override
    public Bytes32 blockHash(long number) {
        return blockHashes.getOrDefault(number, Bytes32.ZERO);
    }
}
