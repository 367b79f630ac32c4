package org.stele.chain.tx;

import org.stele.common.Bytes;
import org.stele.common.Fork;

/**
 * The gas a transaction costs before its first instruction runs, per fork, and the EIP-3860 init-code size limit.
 * The one place these rules live: the RPC layer, the pool and the transaction processor all ask here, so that they
 * refuse the same transactions.
 */
public final class IntrinsicGas {
    public static final long TX_BASE = 21_000;
    /** Homestead (EIP-2): contract creation costs 32000 more; Frontier charged creations like calls. */
    public static final long TX_CREATE = 32_000;
    public static final long DATA_ZERO_BYTE = 4;
    /** Frontier to Petersburg. */
    public static final long DATA_NON_ZERO_BYTE_FRONTIER = 68;
    /** Istanbul (EIP-2028). */
    public static final long DATA_NON_ZERO_BYTE_ISTANBUL = 16;
    /** Berlin (EIP-2930). */
    public static final long ACCESS_LIST_ADDRESS = 2_400;
    /** Berlin (EIP-2930). */
    public static final long ACCESS_LIST_STORAGE_KEY = 1_900;
    /** Shanghai (EIP-3860): per 32-byte word of init code. */
    public static final long INIT_CODE_WORD = 2;
    /** Prague (EIP-7623): the floor charged per calldata token (a zero byte is one token, other bytes four). */
    public static final long FLOOR_PER_TOKEN = 10;

    private IntrinsicGas() {
    }

    /** Intrinsic gas of {@code tx} under {@code fork}'s rules. */
    public static long of(Transaction tx, Fork fork) {
        int keys = 0;
        for (AccessListEntry e : tx.accessList())
            keys += e.storageKeys().size();
        return of(fork, tx.data(), tx.isContractCreation(), tx.accessList().size(), keys);
    }

    /**
     * Intrinsic gas of a transaction described by its parts, for callers that hold a transaction in another shape
     * (the transaction processor's request).
     */
    public static long of(Fork fork, Bytes data, boolean creation, int accessListAddresses,
            int accessListStorageKeys) {
        long zeros = zeroBytes(data);
        long nonZeros = data.size() - zeros;
        long gas = TX_BASE;
        if (creation && fork.isAtLeast(Fork.HOMESTEAD))
            gas += TX_CREATE;
        gas += zeros * DATA_ZERO_BYTE;
        gas += nonZeros * (fork.isAtLeast(Fork.ISTANBUL) ? DATA_NON_ZERO_BYTE_ISTANBUL : DATA_NON_ZERO_BYTE_FRONTIER);
        gas += ACCESS_LIST_ADDRESS * accessListAddresses + ACCESS_LIST_STORAGE_KEY * accessListStorageKeys;
        if (creation && fork.isAtLeast(Fork.SHANGHAI))
            gas += INIT_CODE_WORD * ((data.size() + 31L) / 32);
        return gas;
    }

    /**
     * The least gas a transaction must be allowed: its intrinsic gas, and from Prague also the EIP-7623 calldata
     * floor.
     */
    public static long minimumGasLimit(Transaction tx, Fork fork) {
        long intrinsic = of(tx, fork);
        if (!fork.isAtLeast(Fork.PRAGUE))
            return intrinsic;
        long zeros = zeroBytes(tx.data());
        long tokens = zeros + 4 * (tx.data().size() - zeros);
        return Math.max(intrinsic, TX_BASE + FLOOR_PER_TOKEN * tokens);
    }

    /** Whether EIP-3860 (from Shanghai) refuses a creation carrying {@code initCodeSize} bytes. */
    public static boolean initCodeTooLarge(Fork fork, boolean creation, int initCodeSize) {
        return creation && fork.isAtLeast(Fork.SHANGHAI) && initCodeSize > Fork.MAX_INIT_CODE_SIZE;
    }

    private static long zeroBytes(Bytes data) {
        byte[] d = data.unsafeArray();
        long zeros = 0;
        for (byte b : d)
            if (b == 0)
                zeros++;
        return zeros;
    }
}
