package org.stele.evm.interp;

import java.util.Arrays;
import org.stele.common.Fork;

/**
 * Gas costs and rule switches of one fork, as data. Berlin is written out in full; every later fork starts as a copy
 * of the one before and changes only what an EIP changed, named next to the change. Forks before Berlin are not
 * supported: the fixtures this EVM is proven against are Berlin and later.
 */
public final class GasSchedule {
    /** The static part of each opcode's cost; {@code -1} marks an opcode undefined in this fork. */
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
    int maxCodeSize = 24576; // EIP-170
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
        Arrays.fill(opGas, -1);
    }

    private GasSchedule copy() {
        GasSchedule g = new GasSchedule();
        System.arraycopy(opGas, 0, g.opGas, 0, 256);
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

    private void set(long gas, int... ops) {
        for (int op : ops)
            opGas[op] = gas;
    }

    private void range(long gas, int from, int to) {
        for (int op = from; op <= to; op++)
            opGas[op] = gas;
    }

    /** Berlin: everything up to Istanbul plus EIP-2929 cold/warm access (dynamic costs are charged by the opcodes). */
    static GasSchedule berlin() {
        GasSchedule g = new GasSchedule();
        g.set(0, 0x00); // STOP
        g.set(3, 0x01, 0x03); // ADD SUB
        g.set(5, 0x02, 0x04, 0x05, 0x06, 0x07, 0x0B); // MUL DIV SDIV MOD SMOD SIGNEXTEND
        g.set(8, 0x08, 0x09); // ADDMOD MULMOD
        g.set(10, 0x0A); // EXP, plus 50 per exponent byte (EIP-160)
        g.range(3, 0x10, 0x1D); // comparisons, bitwise, BYTE, SHL SHR SAR (EIP-145)
        g.set(30, 0x20); // KECCAK256
        g.set(2, 0x30, 0x32, 0x33, 0x34, 0x36, 0x38, 0x3A, 0x3D); // ADDRESS ORIGIN CALLER CALLVALUE CALLDATASIZE CODESIZE GASPRICE RETURNDATASIZE
        g.set(0, 0x31, 0x3B, 0x3C, 0x3F); // BALANCE EXTCODESIZE EXTCODECOPY EXTCODEHASH: warm/cold charged dynamically (EIP-2929)
        g.set(3, 0x35, 0x37, 0x39, 0x3E); // CALLDATALOAD CALLDATACOPY CODECOPY RETURNDATACOPY
        g.set(20, 0x40); // BLOCKHASH
        g.set(2, 0x41, 0x42, 0x43, 0x44, 0x45, 0x46); // COINBASE TIMESTAMP NUMBER DIFFICULTY GASLIMIT CHAINID (EIP-1344)
        g.set(5, 0x47); // SELFBALANCE (EIP-1884)
        g.set(2, 0x50, 0x58, 0x59, 0x5A); // POP PC MSIZE GAS
        g.set(3, 0x51, 0x52, 0x53); // MLOAD MSTORE MSTORE8
        g.set(0, 0x54, 0x55); // SLOAD SSTORE: dynamic (EIP-2929, EIP-2200)
        g.set(8, 0x56); // JUMP
        g.set(10, 0x57); // JUMPI
        g.set(1, 0x5B); // JUMPDEST
        g.range(3, 0x60, 0x9F); // PUSH1..32 DUP SWAP
        for (int n = 0; n <= 4; n++)
            g.opGas[0xA0 + n] = 375 + 375L * n; // LOG0..LOG4
        g.set(32000, 0xF0, 0xF5); // CREATE CREATE2 (EIP-1014)
        g.set(0, 0xF1, 0xF2, 0xF4, 0xFA); // CALL CALLCODE DELEGATECALL STATICCALL: dynamic
        g.set(0, 0xF3, 0xFD, 0xFE); // RETURN REVERT INVALID
        g.set(5000, 0xFF); // SELFDESTRUCT (EIP-150)
        return g;
    }

    /** London: EIP-3529 cuts refunds, EIP-3198 adds BASEFEE, EIP-3541 rejects new code starting with 0xEF. */
    static GasSchedule london() {
        GasSchedule g = berlin().copy();
        g.sstoreClearsRefund = 4800; // EIP-3529: SSTORE_RESET_GAS + ACCESS_LIST_STORAGE_KEY_COST
        g.selfDestructRefund = 0; // EIP-3529
        g.set(2, 0x48); // EIP-3198 BASEFEE
        g.rejectEfCode = true; // EIP-3541
        return g;
    }

    /** Paris: EIP-4399 turns DIFFICULTY into PREVRANDAO. */
    static GasSchedule paris() {
        GasSchedule g = london().copy();
        g.prevRandao = true;
        return g;
    }

    /** Shanghai: EIP-3855 PUSH0; EIP-3860 limits init code and charges 2 gas per word of it. */
    static GasSchedule shanghai() {
        GasSchedule g = paris().copy();
        g.set(2, 0x5F); // EIP-3855 PUSH0
        g.maxInitCodeSize = 2 * 24576; // EIP-3860
        g.initCodeWordGas = 2; // EIP-3860
        return g;
    }

    /** Cancun: EIP-1153 TLOAD/TSTORE, EIP-5656 MCOPY, EIP-4844 BLOBHASH, EIP-7516 BLOBBASEFEE, EIP-6780 SELFDESTRUCT. */
    static GasSchedule cancun() {
        GasSchedule g = shanghai().copy();
        g.set(100, 0x5C, 0x5D); // EIP-1153 TLOAD TSTORE
        g.set(3, 0x5E); // EIP-5656 MCOPY, plus 3 per word copied
        g.set(3, 0x49); // EIP-4844 BLOBHASH
        g.set(2, 0x4A); // EIP-7516 BLOBBASEFEE
        g.selfDestructOnlyCreated = true; // EIP-6780
        return g;
    }

    public static GasSchedule of(Fork fork) {
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
