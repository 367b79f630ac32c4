package org.stele.evm.precompile;

import java.util.Collections;
import java.util.NavigableMap;
import java.util.NavigableSet;
import java.util.Objects;
import java.util.TreeMap;
import org.stele.common.Address;
import org.stele.common.Fork;

/**
 * The precompiled contracts active at a fork, by address. Instances are immutable and shared; {@link #forFork(Fork)}
 * returns the same instance for the same fork. Stele's own precompiles are added with
 * {@link #with(Address, Precompile)}, which returns a new set.
 *
 * <p>
 * Forks: Frontier has 0x01–0x04; Byzantium adds 0x05–0x08 (EIP-198, EIP-196, EIP-197); Istanbul adds 0x09 (EIP-152)
 * and reprices 0x06–0x08 (EIP-1108); Berlin reprices 0x05 (EIP-2565); Cancun adds 0x0a (EIP-4844). Prague's BLS12-381
 * precompiles (EIP-2537) are not part of this set.
 */
public final class Precompiles {

    private static final Precompiles[] BY_FORK = new Precompiles[Fork.values().length];

    /** Standard precompiles indexed by the low byte of their address; index 0 is unused. */
    private final Precompile[] standard;
    /** Every precompile, in address order, so that iteration (warm sets, listings) is deterministic. */
    private final NavigableMap<Address, Precompile> all;

    private Precompiles(Precompile[] standard, NavigableMap<Address, Precompile> all) {
        this.standard = standard;
        this.all = Collections.unmodifiableNavigableMap(all);
    }

    /** The precompiles active at {@code fork}. */
    public static Precompiles forFork(Fork fork) {
        synchronized (BY_FORK) {
            Precompiles p = BY_FORK[fork.ordinal()];
            if (p == null) {
                p = build(fork);
                BY_FORK[fork.ordinal()] = p;
            }
            return p;
        }
    }

    /** How many standard precompiles (0x01..0xNN) are active at {@code fork}. */
    public static int standardCount(Fork fork) {
        if (fork.isAtLeast(Fork.CANCUN)) return 10;
        if (fork.isAtLeast(Fork.ISTANBUL)) return 9;
        if (fork.isAtLeast(Fork.BYZANTIUM)) return 8;
        return 4;
    }

    /**
     * Whether {@code address} is a standard precompile at {@code fork}, without building anything: for warm-address
     * sets (EIP-2929 makes precompiles warm) and the EIP-161 touch rules.
     */
    public static boolean isPrecompile(Address address, Fork fork) {
        int low = standardIndex(address);
        return low > 0 && low <= standardCount(fork);
    }

    private static Precompiles build(Fork fork) {
        Precompile[] p = new Precompile[standardCount(fork) + 1];
        boolean istanbul = fork.isAtLeast(Fork.ISTANBUL);
        p[1] = new EcRecover();
        p[2] = new Sha256();
        p[3] = new Ripemd160();
        p[4] = new Identity();
        if (fork.isAtLeast(Fork.BYZANTIUM)) {
            p[5] = new ModExp(fork.isAtLeast(Fork.BERLIN));
            p[6] = new Bn254Add(istanbul);
            p[7] = new Bn254Mul(istanbul);
            p[8] = new Bn254Pairing(istanbul);
        }
        if (istanbul) {
            p[9] = new Blake2f();
        }
        if (fork.isAtLeast(Fork.CANCUN)) {
            p[10] = new KzgPointEvaluation();
        }
        TreeMap<Address, Precompile> all = new TreeMap<>();
        for (int i = 1; i < p.length; i++) {
            all.put(standardAddress(i), p[i]);
        }
        return new Precompiles(p, all);
    }

    /** The address 0x00..00NN of standard precompile {@code n}. */
    public static Address standardAddress(int n) {
        byte[] a = new byte[Address.SIZE];
        a[Address.SIZE - 1] = (byte) n;
        return Address.wrap(a);
    }

    /** The low byte of an address whose first 19 bytes are zero, or -1. */
    private static int standardIndex(Address address) {
        byte[] a = address.unsafeArray();
        for (int i = 0; i < Address.SIZE - 1; i++) {
            if (a[i] != 0) return -1;
        }
        return a[Address.SIZE - 1] & 0xFF;
    }

    /** The precompile at {@code address}, or {@code null} when there is none (the interpreter's hot path). */
    public Precompile get(Address address) {
        int low = standardIndex(address);
        if (low > 0 && low < standard.length) {
            return standard[low];
        }
        // Only Stele's own precompiles live outside the standard range; skip the map when there are none.
        return all.size() == standard.length - 1 ? null : all.get(address);
    }

    public boolean contains(Address address) {
        return get(address) != null;
    }

    /** Every precompile address, ascending. */
    public NavigableSet<Address> addresses() {
        return all.navigableKeySet();
    }

    public NavigableMap<Address, Precompile> asMap() {
        return all;
    }

    /**
     * This set plus {@code precompile} at {@code address}, for Stele's own precompiles. Replacing an address that is
     * already taken is refused, so a chain cannot silently change Ethereum's contracts.
     */
    public Precompiles with(Address address, Precompile precompile) {
        Objects.requireNonNull(precompile, "precompile");
        if (all.containsKey(address)) {
            throw new IllegalArgumentException(
                    "address " + address + " already holds precompile " + all.get(address).name());
        }
        TreeMap<Address, Precompile> copy = new TreeMap<>(all);
        copy.put(address, precompile);
        return new Precompiles(standard, copy);
    }
}
