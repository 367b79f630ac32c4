package org.stele.execution;

import org.stele.common.Bytes;
import org.stele.common.Fork;

/** The gas a transaction costs before any code runs; a gas limit below it makes the transaction invalid. */
public final class IntrinsicGas {
    public static final long TX_BASE = 21_000;
    /** Homestead (EIP-2): a contract-creating transaction pays for the creation up front. */
    public static final long TX_CREATE = 32_000;
    public static final long DATA_ZERO_BYTE = 4;
    /** Istanbul (EIP-2028) lowered non-zero calldata from 68 to 16 gas. */
    public static final long DATA_NON_ZERO_BYTE = 16;
    public static final long DATA_NON_ZERO_BYTE_FRONTIER = 68;
    /** Berlin (EIP-2930). */
    public static final long ACCESS_LIST_ADDRESS = 2_400;
    public static final long ACCESS_LIST_STORAGE_KEY = 1_900;
    /** Shanghai (EIP-3860): per 32-byte word of init code. */
    public static final long INIT_CODE_WORD = 2;
    /** Shanghai (EIP-3860): twice the EIP-170 code size limit. */
    public static final int MAX_INIT_CODE_SIZE = 49_152;

    private IntrinsicGas() {
    }

    public static long of(Fork fork, TransactionRequest tx) {
        long gas = TX_BASE + dataGas(fork, tx.data());
        if (tx.isContractCreation()) {
            if (fork.isAtLeast(Fork.HOMESTEAD))
                gas += TX_CREATE;
            if (fork.isAtLeast(Fork.SHANGHAI))
                gas += INIT_CODE_WORD * ((tx.data().size() + 31L) / 32);
        }
        for (TransactionRequest.AccessEntry e : tx.accessList())
            gas += ACCESS_LIST_ADDRESS + ACCESS_LIST_STORAGE_KEY * e.storageKeys().size();
        return gas;
    }

    static long dataGas(Fork fork, Bytes data) {
        long nonZeroCost = fork.isAtLeast(Fork.ISTANBUL) ? DATA_NON_ZERO_BYTE : DATA_NON_ZERO_BYTE_FRONTIER;
        byte[] d = data.unsafeArray();
        long zeros = 0;
        for (byte b : d)
            if (b == 0)
                zeros++;
        return zeros * DATA_ZERO_BYTE + (d.length - zeros) * nonZeroCost;
    }
}
