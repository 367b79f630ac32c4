package org.stele.rpc.debug;

import org.stele.evm.Opcode;

/**
 * Mnemonics of the EVM's opcodes for struct logs and call frames, from the EVM's {@link Opcode} table; undefined bytes
 * print as {@code opcode 0xNN not defined}, as geth prints them.
 */
final class OpcodeNames {
    private OpcodeNames() {
    }

    static String of(int opcode) {
        return Opcode.mnemonic(opcode);
    }
}
