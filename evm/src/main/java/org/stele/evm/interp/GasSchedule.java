package org.stele.evm.interp;

import org.stele.common.Fork;
import org.stele.evm.Opcode;

/**
 * Gas costs and rule switches of one fork, as data. Berlin is written out in full; every later fork starts as a copy
 * of the one before and changes only what an EIP changed, named next to the change. Each opcode's static gas, and
 * which opcodes the fork defines, come from the {@link Opcode} table. Forks before Berlin are not supported: the
 * fixtures this EVM is proven against are Berlin and later.
 */
public final class GasSchedule {
    /**
     * The static part of each opcode's cost, read from the {@link Opcode} table for the fork; {@code -1} marks an
     * opcode undefined in this fork.
     */
    final long[] opGas = new long[256];

    // EIP-2929: state access
    long coldSload = 2100;
    long coldAccountAccess = 2600;
    long warmStorageRead = 100;

    // EIP-2200 SSTORE, as amended by EIP-2929
    long sstoreSet = 20000;
    long sstoreReset = 5000 - 2100;
    long sstoreClearsRefund = 15000;
    long sstoreSentry = 2300;

    long selfDestructRefund = 24000;
    long selfDestructNewAccount = 25000;

    long callValue = 9000;
    long callStipend = 2300;
    long newAccount = 25000;

    long createDataGas = 200;
    int maxCodeSize = Fork.MAX_CODE_SIZE; // EIP-170
    boolean rejectEfCode; // EIP-3541
    int maxInitCodeSize = Integer.MAX_VALUE; // EIP-3860
    long initCodeWordGas;

    long memoryWord = 3;
    long copyWord = 3;
    long keccakWord = 6;
    long logTopic = 375;
    long logData = 8;
    long expByte = 50;

    boolean selfDestructOnlyCreated; // EIP-6780
    boolean prevRandao; // EIP-4399

    private GasSchedule() {
    }

    private GasSchedule copy() {
        GasSchedule g = new GasSchedule();
        g.coldSload = coldSload;
        g.coldAccountAccess = coldAccountAccess;
        g.warmStorageRead = warmStorageRead;
        g.sstoreSet = sstoreSet;
        g.sstoreReset = sstoreReset;
        g.sstoreClearsRefund = sstoreClearsRefund;
        g.sstoreSentry = sstoreSentry;
        g.selfDestructRefund = selfDestructRefund;
        g.selfDestructNewAccount = selfDestructNewAccount;
        g.callValue = callValue;
        g.callStipend = callStipend;
        g.newAccount = newAccount;
        g.createDataGas = createDataGas;
        g.maxCodeSize = maxCodeSize;
        g.rejectEfCode = rejectEfCode;
        g.maxInitCodeSize = maxInitCodeSize;
        g.initCodeWordGas = initCodeWordGas;
        g.memoryWord = memoryWord;
        g.copyWord = copyWord;
        g.keccakWord = keccakWord;
        g.logTopic = logTopic;
        g.logData = logData;
        g.expByte = expByte;
        g.selfDestructOnlyCreated = selfDestructOnlyCreated;
        g.prevRandao = prevRandao;
        return g;
    }

    /** Berlin: everything up to Istanbul plus EIP-2929 cold/warm access (dynamic costs are charged by the opcodes). */
    static GasSchedule berlin() {
        return new GasSchedule();
    }

    /** London: EIP-3529 cuts refunds, EIP-3541 rejects new code starting with 0xEF (BASEFEE is in {@link Opcode}). */
    static GasSchedule london() {
        GasSchedule g = berlin().copy();
        g.sstoreClearsRefund = 4800; // EIP-3529: SSTORE_RESET_GAS + ACCESS_LIST_STORAGE_KEY_COST
        g.selfDestructRefund = 0; // EIP-3529
        g.rejectEfCode = true; // EIP-3541
        return g;
    }

    /** Paris: EIP-4399 turns DIFFICULTY into PREVRANDAO. */
    static GasSchedule paris() {
        GasSchedule g = london().copy();
        g.prevRandao = true;
        return g;
    }

    /** Shanghai: EIP-3860 limits init code and charges 2 gas per word of it (PUSH0 is in {@link Opcode}). */
    static GasSchedule shanghai() {
        GasSchedule g = paris().copy();
        g.maxInitCodeSize = Fork.MAX_INIT_CODE_SIZE; // EIP-3860
        g.initCodeWordGas = 2; // EIP-3860
        return g;
    }

    /** Cancun: EIP-6780 SELFDESTRUCT (TLOAD, TSTORE, MCOPY, BLOBHASH and BLOBBASEFEE are in {@link Opcode}). */
    static GasSchedule cancun() {
        GasSchedule g = shanghai().copy();
        g.selfDestructOnlyCreated = true; // EIP-6780
        return g;
    }

    public static GasSchedule of(Fork fork) {
        GasSchedule g = rules(fork);
        for (int code = 0; code < 256; code++) {
            Opcode op = Opcode.of(code);
            g.opGas[code] = op != null && op.isDefinedIn(fork) ? op.staticGas() : -1;
        }
        return g;
    }

    private static GasSchedule rules(Fork fork) {
        if (fork.isAtLeast(Fork.CANCUN))
            return cancun();
        if (fork.isAtLeast(Fork.SHANGHAI))
            return shanghai();
        if (fork.isAtLeast(Fork.PARIS))
            return paris();
        if (fork.isAtLeast(Fork.LONDON))
            return london();
        if (fork.isAtLeast(Fork.BERLIN))
            return berlin();
        throw new IllegalArgumentException("no gas schedule before Berlin: " + fork);
    }

    /** Memory cost of {@code words} 32-byte words: linear plus quadratic (Yellow Paper C_mem). */
    long memoryCost(long words) {
        return words * memoryWord + (words * words) / 512;
    }
}
