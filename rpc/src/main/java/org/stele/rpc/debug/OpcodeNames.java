package org.stele.rpc.debug;

/** Mnemonics of the EVM's opcodes, for struct logs; undefined bytes print as {@code opcode 0xNN not defined}. */
final class OpcodeNames {
    private static final String[] NAMES = new String[256];

    static {
        String[] low = {"STOP", "ADD", "MUL", "SUB", "DIV", "SDIV", "MOD", "SMOD", "ADDMOD", "MULMOD", "EXP",
                "SIGNEXTEND"};
        for (int i = 0; i < low.length; i++) NAMES[i] = low[i];
        String[] cmp = {"LT", "GT", "SLT", "SGT", "EQ", "ISZERO", "AND", "OR", "XOR", "NOT", "BYTE", "SHL", "SHR",
                "SAR"};
        for (int i = 0; i < cmp.length; i++) NAMES[0x10 + i] = cmp[i];
        NAMES[0x20] = "KECCAK256";
        String[] env = {"ADDRESS", "BALANCE", "ORIGIN", "CALLER", "CALLVALUE", "CALLDATALOAD", "CALLDATASIZE",
                "CALLDATACOPY", "CODESIZE", "CODECOPY", "GASPRICE", "EXTCODESIZE", "EXTCODECOPY", "RETURNDATASIZE",
                "RETURNDATACOPY", "EXTCODEHASH"};
        for (int i = 0; i < env.length; i++) NAMES[0x30 + i] = env[i];
        String[] blk = {"BLOCKHASH", "COINBASE", "TIMESTAMP", "NUMBER", "PREVRANDAO", "GASLIMIT", "CHAINID",
                "SELFBALANCE", "BASEFEE", "BLOBHASH", "BLOBBASEFEE"};
        for (int i = 0; i < blk.length; i++) NAMES[0x40 + i] = blk[i];
        String[] mem = {"POP", "MLOAD", "MSTORE", "MSTORE8", "SLOAD", "SSTORE", "JUMP", "JUMPI", "PC", "MSIZE", "GAS",
                "JUMPDEST", "TLOAD", "TSTORE", "MCOPY", "PUSH0"};
        for (int i = 0; i < mem.length; i++) NAMES[0x50 + i] = mem[i];
        for (int i = 1; i <= 32; i++) NAMES[0x5f + i] = "PUSH" + i;
        for (int i = 1; i <= 16; i++) NAMES[0x7f + i] = "DUP" + i;
        for (int i = 1; i <= 16; i++) NAMES[0x8f + i] = "SWAP" + i;
        for (int i = 0; i <= 4; i++) NAMES[0xa0 + i] = "LOG" + i;
        String[] sys = {"CREATE", "CALL", "CALLCODE", "RETURN", "DELEGATECALL", "CREATE2"};
        for (int i = 0; i < sys.length; i++) NAMES[0xf0 + i] = sys[i];
        NAMES[0xfa] = "STATICCALL";
        NAMES[0xfd] = "REVERT";
        NAMES[0xfe] = "INVALID";
        NAMES[0xff] = "SELFDESTRUCT";
    }

    private OpcodeNames() {
    }

    static String of(int opcode) {
        String n = NAMES[opcode & 0xff];
        return n != null ? n : String.format("opcode 0x%02x not defined", opcode & 0xff);
    }
}
