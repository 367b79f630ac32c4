package org.stele.evm;

import static org.stele.common.Fork.BYZANTIUM;
import static org.stele.common.Fork.CANCUN;
import static org.stele.common.Fork.CONSTANTINOPLE;
import static org.stele.common.Fork.FRONTIER;
import static org.stele.common.Fork.HOMESTEAD;
import static org.stele.common.Fork.ISTANBUL;
import static org.stele.common.Fork.LONDON;
import static org.stele.common.Fork.SHANGHAI;

import org.stele.common.Fork;

/**
 * The EVM's opcodes, in the one table every other part reads (revm's {@code opcode.rs} is the model): each byte's
 * mnemonic, the words it pops and pushes, the bytes of immediate data after it, its static gas and the fork that
 * introduced it. The byte values are written here and nowhere else: the interpreter's and the segment compiler's
 * switches, code analysis, the gas schedule and the tracers name them through the constants below.
 *
 * <p>
 * {@link #staticGas()} is the part of the cost charged before the opcode runs, as it stands from Berlin on (EIP-2929
 * moved state access into the dynamic part); forks before Berlin are not run by this EVM. What an opcode charges while
 * it runs (memory, copies, cold access, calls) is in the interpreter, with the fork's parameters in its gas schedule.
 *
 * @param code          the byte
 * @param mnemonic      the name geth and the yellow paper print
 * @param inputs        the words popped from the stack
 * @param outputs       the words pushed (DUPn and SWAPn count the words they leave in place)
 * @param immediateSize the bytes of immediate data after the opcode (PUSHn: n)
 * @param staticGas     the gas charged before the opcode runs
 * @param since         the first fork in which the opcode is defined
 */
public record Opcode(int code, String mnemonic, int inputs, int outputs, int immediateSize, long staticGas,
        Fork since) {
    public static final int STOP = 0x00;
    public static final int ADD = 0x01;
    public static final int MUL = 0x02;
    public static final int SUB = 0x03;
    public static final int DIV = 0x04;
    public static final int SDIV = 0x05;
    public static final int MOD = 0x06;
    public static final int SMOD = 0x07;
    public static final int ADDMOD = 0x08;
    public static final int MULMOD = 0x09;
    public static final int EXP = 0x0A;
    public static final int SIGNEXTEND = 0x0B;
    public static final int LT = 0x10;
    public static final int GT = 0x11;
    public static final int SLT = 0x12;
    public static final int SGT = 0x13;
    public static final int EQ = 0x14;
    public static final int ISZERO = 0x15;
    public static final int AND = 0x16;
    public static final int OR = 0x17;
    public static final int XOR = 0x18;
    public static final int NOT = 0x19;
    public static final int BYTE = 0x1A;
    public static final int SHL = 0x1B;
    public static final int SHR = 0x1C;
    public static final int SAR = 0x1D;
    public static final int KECCAK256 = 0x20;
    public static final int ADDRESS = 0x30;
    public static final int BALANCE = 0x31;
    public static final int ORIGIN = 0x32;
    public static final int CALLER = 0x33;
    public static final int CALLVALUE = 0x34;
    public static final int CALLDATALOAD = 0x35;
    public static final int CALLDATASIZE = 0x36;
    public static final int CALLDATACOPY = 0x37;
    public static final int CODESIZE = 0x38;
    public static final int CODECOPY = 0x39;
    public static final int GASPRICE = 0x3A;
    public static final int EXTCODESIZE = 0x3B;
    public static final int EXTCODECOPY = 0x3C;
    public static final int RETURNDATASIZE = 0x3D;
    public static final int RETURNDATACOPY = 0x3E;
    public static final int EXTCODEHASH = 0x3F;
    public static final int BLOCKHASH = 0x40;
    public static final int COINBASE = 0x41;
    public static final int TIMESTAMP = 0x42;
    public static final int NUMBER = 0x43;
    public static final int PREVRANDAO = 0x44;
    public static final int GASLIMIT = 0x45;
    public static final int CHAINID = 0x46;
    public static final int SELFBALANCE = 0x47;
    public static final int BASEFEE = 0x48;
    public static final int BLOBHASH = 0x49;
    public static final int BLOBBASEFEE = 0x4A;
    public static final int POP = 0x50;
    public static final int MLOAD = 0x51;
    public static final int MSTORE = 0x52;
    public static final int MSTORE8 = 0x53;
    public static final int SLOAD = 0x54;
    public static final int SSTORE = 0x55;
    public static final int JUMP = 0x56;
    public static final int JUMPI = 0x57;
    public static final int PC = 0x58;
    public static final int MSIZE = 0x59;
    public static final int GAS = 0x5A;
    public static final int JUMPDEST = 0x5B;
    public static final int TLOAD = 0x5C;
    public static final int TSTORE = 0x5D;
    public static final int MCOPY = 0x5E;
    public static final int PUSH0 = 0x5F;
    public static final int PUSH1 = 0x60;
    public static final int PUSH2 = 0x61;
    public static final int PUSH3 = 0x62;
    public static final int PUSH4 = 0x63;
    public static final int PUSH5 = 0x64;
    public static final int PUSH6 = 0x65;
    public static final int PUSH7 = 0x66;
    public static final int PUSH8 = 0x67;
    public static final int PUSH9 = 0x68;
    public static final int PUSH10 = 0x69;
    public static final int PUSH11 = 0x6A;
    public static final int PUSH12 = 0x6B;
    public static final int PUSH13 = 0x6C;
    public static final int PUSH14 = 0x6D;
    public static final int PUSH15 = 0x6E;
    public static final int PUSH16 = 0x6F;
    public static final int PUSH17 = 0x70;
    public static final int PUSH18 = 0x71;
    public static final int PUSH19 = 0x72;
    public static final int PUSH20 = 0x73;
    public static final int PUSH21 = 0x74;
    public static final int PUSH22 = 0x75;
    public static final int PUSH23 = 0x76;
    public static final int PUSH24 = 0x77;
    public static final int PUSH25 = 0x78;
    public static final int PUSH26 = 0x79;
    public static final int PUSH27 = 0x7A;
    public static final int PUSH28 = 0x7B;
    public static final int PUSH29 = 0x7C;
    public static final int PUSH30 = 0x7D;
    public static final int PUSH31 = 0x7E;
    public static final int PUSH32 = 0x7F;
    public static final int DUP1 = 0x80;
    public static final int DUP2 = 0x81;
    public static final int DUP3 = 0x82;
    public static final int DUP4 = 0x83;
    public static final int DUP5 = 0x84;
    public static final int DUP6 = 0x85;
    public static final int DUP7 = 0x86;
    public static final int DUP8 = 0x87;
    public static final int DUP9 = 0x88;
    public static final int DUP10 = 0x89;
    public static final int DUP11 = 0x8A;
    public static final int DUP12 = 0x8B;
    public static final int DUP13 = 0x8C;
    public static final int DUP14 = 0x8D;
    public static final int DUP15 = 0x8E;
    public static final int DUP16 = 0x8F;
    public static final int SWAP1 = 0x90;
    public static final int SWAP2 = 0x91;
    public static final int SWAP3 = 0x92;
    public static final int SWAP4 = 0x93;
    public static final int SWAP5 = 0x94;
    public static final int SWAP6 = 0x95;
    public static final int SWAP7 = 0x96;
    public static final int SWAP8 = 0x97;
    public static final int SWAP9 = 0x98;
    public static final int SWAP10 = 0x99;
    public static final int SWAP11 = 0x9A;
    public static final int SWAP12 = 0x9B;
    public static final int SWAP13 = 0x9C;
    public static final int SWAP14 = 0x9D;
    public static final int SWAP15 = 0x9E;
    public static final int SWAP16 = 0x9F;
    public static final int LOG0 = 0xA0;
    public static final int LOG1 = 0xA1;
    public static final int LOG2 = 0xA2;
    public static final int LOG3 = 0xA3;
    public static final int LOG4 = 0xA4;
    public static final int CREATE = 0xF0;
    public static final int CALL = 0xF1;
    public static final int CALLCODE = 0xF2;
    public static final int RETURN = 0xF3;
    public static final int DELEGATECALL = 0xF4;
    public static final int CREATE2 = 0xF5;
    public static final int STATICCALL = 0xFA;
    public static final int REVERT = 0xFD;
    public static final int INVALID = 0xFE;
    public static final int SELFDESTRUCT = 0xFF;

    private static final Opcode[] TABLE = new Opcode[256];

    static {
        def(STOP, "STOP", 0, 0, 0, FRONTIER);
        def(ADD, "ADD", 2, 1, 3, FRONTIER);
        def(MUL, "MUL", 2, 1, 5, FRONTIER);
        def(SUB, "SUB", 2, 1, 3, FRONTIER);
        def(DIV, "DIV", 2, 1, 5, FRONTIER);
        def(SDIV, "SDIV", 2, 1, 5, FRONTIER);
        def(MOD, "MOD", 2, 1, 5, FRONTIER);
        def(SMOD, "SMOD", 2, 1, 5, FRONTIER);
        def(ADDMOD, "ADDMOD", 3, 1, 8, FRONTIER);
        def(MULMOD, "MULMOD", 3, 1, 8, FRONTIER);
        def(EXP, "EXP", 2, 1, 10, FRONTIER); // plus 50 per byte of the exponent (EIP-160)
        def(SIGNEXTEND, "SIGNEXTEND", 2, 1, 5, FRONTIER);
        def(LT, "LT", 2, 1, 3, FRONTIER);
        def(GT, "GT", 2, 1, 3, FRONTIER);
        def(SLT, "SLT", 2, 1, 3, FRONTIER);
        def(SGT, "SGT", 2, 1, 3, FRONTIER);
        def(EQ, "EQ", 2, 1, 3, FRONTIER);
        def(ISZERO, "ISZERO", 1, 1, 3, FRONTIER);
        def(AND, "AND", 2, 1, 3, FRONTIER);
        def(OR, "OR", 2, 1, 3, FRONTIER);
        def(XOR, "XOR", 2, 1, 3, FRONTIER);
        def(NOT, "NOT", 1, 1, 3, FRONTIER);
        def(BYTE, "BYTE", 2, 1, 3, FRONTIER);
        def(SHL, "SHL", 2, 1, 3, CONSTANTINOPLE); // EIP-145
        def(SHR, "SHR", 2, 1, 3, CONSTANTINOPLE); // EIP-145
        def(SAR, "SAR", 2, 1, 3, CONSTANTINOPLE); // EIP-145
        def(KECCAK256, "KECCAK256", 2, 1, 30, FRONTIER); // plus 6 per word hashed
        def(ADDRESS, "ADDRESS", 0, 1, 2, FRONTIER);
        // warm or cold access charged as it runs (EIP-2929), as for all below at 0
        def(BALANCE, "BALANCE", 1, 1, 0, FRONTIER);
        def(ORIGIN, "ORIGIN", 0, 1, 2, FRONTIER);
        def(CALLER, "CALLER", 0, 1, 2, FRONTIER);
        def(CALLVALUE, "CALLVALUE", 0, 1, 2, FRONTIER);
        def(CALLDATALOAD, "CALLDATALOAD", 1, 1, 3, FRONTIER);
        def(CALLDATASIZE, "CALLDATASIZE", 0, 1, 2, FRONTIER);
        def(CALLDATACOPY, "CALLDATACOPY", 3, 0, 3, FRONTIER); // plus 3 per word copied, as for every copy
        def(CODESIZE, "CODESIZE", 0, 1, 2, FRONTIER);
        def(CODECOPY, "CODECOPY", 3, 0, 3, FRONTIER);
        def(GASPRICE, "GASPRICE", 0, 1, 2, FRONTIER);
        def(EXTCODESIZE, "EXTCODESIZE", 1, 1, 0, FRONTIER);
        def(EXTCODECOPY, "EXTCODECOPY", 4, 0, 0, FRONTIER);
        def(RETURNDATASIZE, "RETURNDATASIZE", 0, 1, 2, BYZANTIUM); // EIP-211
        def(RETURNDATACOPY, "RETURNDATACOPY", 3, 0, 3, BYZANTIUM); // EIP-211
        def(EXTCODEHASH, "EXTCODEHASH", 1, 1, 0, CONSTANTINOPLE); // EIP-1052
        def(BLOCKHASH, "BLOCKHASH", 1, 1, 20, FRONTIER);
        def(COINBASE, "COINBASE", 0, 1, 2, FRONTIER);
        def(TIMESTAMP, "TIMESTAMP", 0, 1, 2, FRONTIER);
        def(NUMBER, "NUMBER", 0, 1, 2, FRONTIER);
        def(PREVRANDAO, "PREVRANDAO", 0, 1, 2, FRONTIER); // DIFFICULTY before Paris (EIP-4399)
        def(GASLIMIT, "GASLIMIT", 0, 1, 2, FRONTIER);
        def(CHAINID, "CHAINID", 0, 1, 2, ISTANBUL); // EIP-1344
        def(SELFBALANCE, "SELFBALANCE", 0, 1, 5, ISTANBUL); // EIP-1884
        def(BASEFEE, "BASEFEE", 0, 1, 2, LONDON); // EIP-3198
        def(BLOBHASH, "BLOBHASH", 1, 1, 3, CANCUN); // EIP-4844
        def(BLOBBASEFEE, "BLOBBASEFEE", 0, 1, 2, CANCUN); // EIP-7516
        def(POP, "POP", 1, 0, 2, FRONTIER);
        def(MLOAD, "MLOAD", 1, 1, 3, FRONTIER); // plus memory expansion, as for every opcode that touches memory
        def(MSTORE, "MSTORE", 2, 0, 3, FRONTIER);
        def(MSTORE8, "MSTORE8", 2, 0, 3, FRONTIER);
        def(SLOAD, "SLOAD", 1, 1, 0, FRONTIER); // EIP-2929
        def(SSTORE, "SSTORE", 2, 0, 0, FRONTIER); // EIP-2200 with EIP-2929 costs
        def(JUMP, "JUMP", 1, 0, 8, FRONTIER);
        def(JUMPI, "JUMPI", 2, 0, 10, FRONTIER);
        def(PC, "PC", 0, 1, 2, FRONTIER);
        def(MSIZE, "MSIZE", 0, 1, 2, FRONTIER);
        def(GAS, "GAS", 0, 1, 2, FRONTIER);
        def(JUMPDEST, "JUMPDEST", 0, 0, 1, FRONTIER);
        def(TLOAD, "TLOAD", 1, 1, 100, CANCUN); // EIP-1153
        def(TSTORE, "TSTORE", 2, 0, 100, CANCUN); // EIP-1153
        def(MCOPY, "MCOPY", 3, 0, 3, CANCUN); // EIP-5656
        def(PUSH0, "PUSH0", 0, 1, 2, SHANGHAI); // EIP-3855
        for (int n = 1; n <= 32; n++)
            TABLE[PUSH1 + n - 1] = new Opcode(PUSH1 + n - 1, "PUSH" + n, 0, 1, n, 3, FRONTIER);
        for (int n = 1; n <= 16; n++) {
            TABLE[DUP1 + n - 1] = new Opcode(DUP1 + n - 1, "DUP" + n, n, n + 1, 0, 3, FRONTIER);
            TABLE[SWAP1 + n - 1] = new Opcode(SWAP1 + n - 1, "SWAP" + n, n + 1, n + 1, 0, 3, FRONTIER);
        }
        for (int n = 0; n <= 4; n++) // plus 8 per byte of data
            TABLE[LOG0 + n] = new Opcode(LOG0 + n, "LOG" + n, 2 + n, 0, 0, 375 + 375L * n, FRONTIER);
        def(CREATE, "CREATE", 3, 1, 32000, FRONTIER);
        def(CALL, "CALL", 7, 1, 0, FRONTIER);
        def(CALLCODE, "CALLCODE", 7, 1, 0, FRONTIER);
        def(RETURN, "RETURN", 2, 0, 0, FRONTIER);
        def(DELEGATECALL, "DELEGATECALL", 6, 1, 0, HOMESTEAD); // EIP-7
        def(CREATE2, "CREATE2", 4, 1, 32000, CONSTANTINOPLE); // EIP-1014
        def(STATICCALL, "STATICCALL", 6, 1, 0, BYZANTIUM); // EIP-214
        def(REVERT, "REVERT", 2, 0, 0, BYZANTIUM); // EIP-140
        def(INVALID, "INVALID", 0, 0, 0, FRONTIER); // EIP-141: defined, and halts as invalid when it runs
        // EIP-150; only within the creating transaction from Cancun (EIP-6780)
        def(SELFDESTRUCT, "SELFDESTRUCT", 1, 0, 5000, FRONTIER);
    }

    private static void def(int code, String mnemonic, int inputs, int outputs, long staticGas, Fork since) {
        TABLE[code] = new Opcode(code, mnemonic, inputs, outputs, 0, staticGas, since);
    }

    /** The opcode {@code code} stands for in some fork, or null when no fork defines that byte. */
    public static Opcode of(int code) {
        return TABLE[code & 0xFF];
    }

    /** The mnemonic of {@code code}, or {@code opcode 0xNN not defined} (as geth prints it) for an undefined byte. */
    public static String mnemonic(int code) {
        Opcode op = of(code);
        return op != null ? op.mnemonic : String.format("opcode 0x%02x not defined", code & 0xFF);
    }

    /**
     * The bytes of immediate data after {@code code}: the n of PUSHn, 0 for every other byte. Code analysis steps
     * over them, since a JUMPDEST byte inside a PUSH's data is no jump destination.
     */
    public static int immediateSize(int code) {
        return code >= PUSH1 && code <= PUSH32 ? code - PUSH0 : 0;
    }

    /** Whether {@code fork} defines this opcode. */
    public boolean isDefinedIn(Fork fork) {
        return fork.isAtLeast(since);
    }

    /** How much the stack grows when the opcode runs (negative when it shrinks). */
    public int stackGrowth() {
        return outputs - inputs;
    }
}
