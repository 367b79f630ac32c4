package org.stele.evm;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.Keccak256;

/**
 * A world seen through per-account overrides: geth's "state overrides" for {@code eth_call}. Reads go to the
 * override where one is given and to the base world otherwise; nothing is ever written to the base, so an override
 * lives exactly as long as the call that uses it.
 */
public final class OverlayWorld implements WorldView {
    private final WorldView base;
    private final Map<Address, AccountOverride> overrides;
    private final Map<Bytes32, Bytes> codes = new HashMap<>();

    /**
     * What replaces an account's fields; a null component keeps the base's. {@code state} replaces the whole storage
     * (slots it does not name read as zero); {@code stateDiff} replaces only the slots it names. At most one of them
     * is given. An override makes the account exist, as geth's does, even when it names only storage.
     */
    public record AccountOverride(BigInteger balance, Long nonce, Bytes code, Map<Bytes32, Bytes32> state,
            Map<Bytes32, Bytes32> stateDiff) {
        public AccountOverride {
            if (state != null && stateDiff != null)
                throw new IllegalArgumentException("an override has both 'state' and 'stateDiff'");
            if (balance != null && (balance.signum() < 0 || balance.bitLength() > 256))
                throw new IllegalArgumentException("balance out of range: " + balance);
            state = state == null ? null : Map.copyOf(state);
            stateDiff = stateDiff == null ? null : Map.copyOf(stateDiff);
        }
    }

    public OverlayWorld(WorldView base, Map<Address, AccountOverride> overrides) {
        this.base = Objects.requireNonNull(base, "base");
        this.overrides = Map.copyOf(overrides);
        for (AccountOverride o : this.overrides.values()) {
            if (o.code() != null)
                codes.put(codeHash(o.code()), o.code());
        }
    }

    @Override
    public AccountInfo account(Address address) {
        AccountInfo b = base.account(address);
        AccountOverride o = overrides.get(address);
        if (o == null)
            return b;
        long nonce = o.nonce() != null ? o.nonce() : b == null ? 0 : b.nonce();
        BigInteger balance = o.balance() != null ? o.balance() : b == null ? BigInteger.ZERO : b.balance();
        Bytes32 codeHash = o.code() != null
                ? codeHash(o.code())
                : b == null ? AccountInfo.EMPTY_CODE_HASH : b.codeHash();
        return new AccountInfo(nonce, balance, codeHash);
    }

    @Override
    public Bytes code(Bytes32 codeHash) {
        Bytes c = codes.get(codeHash);
        return c != null ? c : base.code(codeHash);
    }

    @Override
    public Bytes32 storage(Address address, Bytes32 key) {
        AccountOverride o = overrides.get(address);
        if (o != null && o.state() != null)
            return o.state().getOrDefault(key, Bytes32.ZERO);
        if (o != null && o.stateDiff() != null) {
            Bytes32 v = o.stateDiff().get(key);
            if (v != null)
                return v;
        }
        return base.storage(address, key);
    }

    @Override
    public boolean hasStorage(Address address) {
        AccountOverride o = overrides.get(address);
        if (o != null && o.state() != null)
            return anyNonZero(o.state());
        // A diff that zeroes every stored slot still counts as storage here: the base cannot say which slots it has.
        return base.hasStorage(address) || (o != null && o.stateDiff() != null && anyNonZero(o.stateDiff()));
    }

    @Override
    public Bytes32 blockHash(long number) {
        return base.blockHash(number);
    }

    private static boolean anyNonZero(Map<Bytes32, Bytes32> slots) {
        for (Bytes32 v : slots.values()) {
            if (!v.isZero())
                return true;
        }
        return false;
    }

    private static Bytes32 codeHash(Bytes code) {
        return code.isEmpty() ? AccountInfo.EMPTY_CODE_HASH : Bytes32.wrap(Keccak256.hash(code.unsafeArray()));
    }
}
