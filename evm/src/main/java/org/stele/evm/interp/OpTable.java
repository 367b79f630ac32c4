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
        def(t, ADD, Ops::add);
        def(t, MUL, Ops::mul);
        def(t, SUB, Ops::sub);
        def(t, DIV, Ops::div);
        def(t, SDIV, Ops::sdiv);
        def(t, MOD, Ops::mod);
        def(t, SMOD, Ops::smod);
        def(t, ADDMOD, Ops::addmod);
        def(t, MULMOD, Ops::mulmod);
        def(t, EXP, Ops::exp);
        def(t, SIGNEXTEND, Ops::signExtend);
        def(t, LT, Ops::lt);
        def(t, GT, Ops::gt);
        def(t, SLT, Ops::slt);
        def(t, SGT, Ops::sgt);
        def(t, EQ, Ops::eq);
        def(t, ISZERO, Ops::isZero);
        def(t, AND, Ops::and);
        def(t, OR, Ops::or);
        def(t, XOR, Ops::xor);
        def(t, NOT, Ops::not);
        def(t, BYTE, Ops::byteOp);
        def(t, SHL, Ops::shl);
        def(t, SHR, Ops::shr);
        def(t, SAR, Ops::sar);
        def(t, KECCAK256, Ops::keccak);
        def(t, ADDRESS, Ops::address);
        def(t, BALANCE, Ops::balance);
        def(t, ORIGIN, Ops::origin);
        def(t, CALLER, Ops::caller);
        def(t, CALLVALUE, Ops::callValue);
        def(t, CALLDATALOAD, Ops::callDataLoad);
        def(t, CALLDATASIZE, Ops::callDataSize);
        def(t, CALLDATACOPY, Ops::callDataCopy);
        def(t, CODESIZE, Ops::codeSize);
        def(t, CODECOPY, Ops::codeCopy);
        def(t, GASPRICE, Ops::gasPrice);
        def(t, EXTCODESIZE, Ops::extCodeSize);
        def(t, EXTCODECOPY, Ops::extCodeCopy);
        def(t, RETURNDATASIZE, Ops::returnDataSize);
        def(t, RETURNDATACOPY, Ops::returnDataCopy);
        def(t, EXTCODEHASH, Ops::extCodeHash);
        def(t, BLOCKHASH, Ops::blockHash);
        def(t, COINBASE, Ops::coinbase);
        def(t, TIMESTAMP, Ops::timestamp);
        def(t, NUMBER, Ops::number);
        def(t, PREVRANDAO, Ops::prevRandao);
        def(t, GASLIMIT, Ops::gasLimit);
        def(t, CHAINID, Ops::chainId);
        def(t, SELFBALANCE, Ops::selfBalance);
        def(t, BASEFEE, Ops::baseFee);
        def(t, BLOBHASH, Ops::blobHash);
        def(t, BLOBBASEFEE, Ops::blobBaseFee);
        def(t, POP, Ops::pop);
        def(t, MLOAD, Ops::mload);
        def(t, MSTORE, Ops::mstore);
        def(t, MSTORE8, Ops::mstore8);
        def(t, SLOAD, Ops::sload);
        def(t, SSTORE, Ops::sstore);
        def(t, JUMP, Ops::jump);
        def(t, JUMPI, Ops::jumpi);
        def(t, PC, Ops::pc);
        def(t, MSIZE, Ops::msize);
        def(t, GAS, Ops::gas);
        def(t, JUMPDEST, Ops::jumpDest);
        def(t, TLOAD, Ops::tload);
        def(t, TSTORE, Ops::tstore);
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
