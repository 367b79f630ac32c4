package org.stele.evm.interp;

import static org.stele.evm.Opcode.*;

import org.stele.evm.Opcode;

/**
 * Builds the 256-entry operation table of a fork: the method that runs each opcode, with the stack needs the
 * {@link Opcode} table gives it. An opcode whose gas the {@link GasSchedule} leaves at -1 is not defined in that fork
 * and halts as invalid.
 */
final class OpTable {
    private OpTable() {
    }

    static Operation[] build(GasSchedule gs, int[] pops, int[] maxHeight, int[] growths) {
        Operation[] t = new Operation[256];
        java.util.Arrays.fill(t, (Operation) Ops::invalid);
        def(t, STOP, Ops::stop);
        def(t, ADD, ArithmeticOps::add);
        def(t, MUL, ArithmeticOps::mul);
        def(t, SUB, ArithmeticOps::sub);
        def(t, DIV, ArithmeticOps::div);
        def(t, SDIV, ArithmeticOps::sdiv);
        def(t, MOD, ArithmeticOps::mod);
        def(t, SMOD, ArithmeticOps::smod);
        def(t, ADDMOD, ArithmeticOps::addmod);
        def(t, MULMOD, ArithmeticOps::mulmod);
        def(t, EXP, ArithmeticOps::exp);
        def(t, SIGNEXTEND, ArithmeticOps::signExtend);
        def(t, LT, ArithmeticOps::lt);
        def(t, GT, ArithmeticOps::gt);
        def(t, SLT, ArithmeticOps::slt);
        def(t, SGT, ArithmeticOps::sgt);
        def(t, EQ, ArithmeticOps::eq);
        def(t, ISZERO, ArithmeticOps::isZero);
        def(t, AND, ArithmeticOps::and);
        def(t, OR, ArithmeticOps::or);
        def(t, XOR, ArithmeticOps::xor);
        def(t, NOT, ArithmeticOps::not);
        def(t, BYTE, ArithmeticOps::byteOp);
        def(t, SHL, ArithmeticOps::shl);
        def(t, SHR, ArithmeticOps::shr);
        def(t, SAR, ArithmeticOps::sar);
        def(t, KECCAK256, ArithmeticOps::keccak);
        def(t, ADDRESS, EnvironmentOps::address);
        def(t, BALANCE, EnvironmentOps::balance);
        def(t, ORIGIN, EnvironmentOps::origin);
        def(t, CALLER, EnvironmentOps::caller);
        def(t, CALLVALUE, EnvironmentOps::callValue);
        def(t, CALLDATALOAD, EnvironmentOps::callDataLoad);
        def(t, CALLDATASIZE, EnvironmentOps::callDataSize);
        def(t, CALLDATACOPY, EnvironmentOps::callDataCopy);
        def(t, CODESIZE, EnvironmentOps::codeSize);
        def(t, CODECOPY, EnvironmentOps::codeCopy);
        def(t, GASPRICE, EnvironmentOps::gasPrice);
        def(t, EXTCODESIZE, EnvironmentOps::extCodeSize);
        def(t, EXTCODECOPY, EnvironmentOps::extCodeCopy);
        def(t, RETURNDATASIZE, EnvironmentOps::returnDataSize);
        def(t, RETURNDATACOPY, EnvironmentOps::returnDataCopy);
        def(t, EXTCODEHASH, EnvironmentOps::extCodeHash);
        def(t, BLOCKHASH, EnvironmentOps::blockHash);
        def(t, COINBASE, EnvironmentOps::coinbase);
        def(t, TIMESTAMP, EnvironmentOps::timestamp);
        def(t, NUMBER, EnvironmentOps::number);
        def(t, PREVRANDAO, EnvironmentOps::prevRandao);
        def(t, GASLIMIT, EnvironmentOps::gasLimit);
        def(t, CHAINID, EnvironmentOps::chainId);
        def(t, SELFBALANCE, EnvironmentOps::selfBalance);
        def(t, BASEFEE, EnvironmentOps::baseFee);
        def(t, BLOBHASH, EnvironmentOps::blobHash);
        def(t, BLOBBASEFEE, EnvironmentOps::blobBaseFee);
        def(t, POP, Ops::pop);
        def(t, MLOAD, Ops::mload);
        def(t, MSTORE, Ops::mstore);
        def(t, MSTORE8, Ops::mstore8);
        def(t, SLOAD, StorageOps::sload);
        def(t, SSTORE, StorageOps::sstore);
        def(t, JUMP, Ops::jump);
        def(t, JUMPI, Ops::jumpi);
        def(t, PC, Ops::pc);
        def(t, MSIZE, Ops::msize);
        def(t, GAS, Ops::gas);
        def(t, JUMPDEST, Ops::jumpDest);
        def(t, TLOAD, StorageOps::tload);
        def(t, TSTORE, StorageOps::tstore);
        def(t, MCOPY, Ops::mcopy);
        def(t, PUSH0, Ops::push0);
        def(t, PUSH1, Ops::push1);
        for (int n = 2; n <= 32; n++) {
            int len = n;
            def(t, PUSH1 + n - 1, f -> Ops.push(f, len));
        }
        for (int n = 1; n <= 16; n++) {
            int k = n;
            def(t, DUP1 + n - 1, f -> Ops.dup(f, k));
            def(t, SWAP1 + n - 1, f -> Ops.swap(f, k));
        }
        for (int n = 0; n <= 4; n++) {
            int k = n;
            def(t, LOG0 + n, f -> Ops.log(f, k));
        }
        def(t, CREATE, Calls::create);
        def(t, CALL, Calls::call);
        def(t, CALLCODE, Calls::callCode);
        def(t, RETURN, Ops::ret);
        def(t, DELEGATECALL, Calls::delegateCall);
        def(t, CREATE2, Calls::create2);
        def(t, STATICCALL, Calls::staticCall);
        def(t, REVERT, Ops::revert);
        def(t, INVALID, Ops::invalid);
        def(t, SELFDESTRUCT, Ops::selfDestruct);
        for (int op = 0; op < 256; op++) {
            if (gs.opGas[op] < 0) {
                t[op] = Ops::invalid;
                pops[op] = 0;
                growths[op] = 0;
            } else {
                pops[op] = Opcode.of(op).inputs();
                growths[op] = Opcode.of(op).stackGrowth();
            }
            maxHeight[op] = growths[op] > 0 ? Frame.STACK_LIMIT - growths[op] : Frame.STACK_LIMIT;
        }
        return t;
    }

    private static void def(Operation[] t, int op, Operation o) {
        t[op] = o;
    }
}
