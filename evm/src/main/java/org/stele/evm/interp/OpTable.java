package org.stele.evm.interp;

/**
 * Builds the 256-entry operation table of a fork, with each opcode's stack needs. An opcode whose gas the
 * {@link GasSchedule} leaves at -1 is not defined in that fork and halts as invalid.
 */
final class OpTable {
    private OpTable() {
    }

    static Operation[] build(GasSchedule gs, int[] pops, int[] maxHeight, int[] growths) {
        Operation[] t = new Operation[256];
        int[] pushes = new int[256];
        java.util.Arrays.fill(t, (Operation) Ops::invalid);
        def(t, pops, pushes, 0x00, 0, 0, Ops::stop);
        def(t, pops, pushes, 0x01, 2, 1, Ops::add);
        def(t, pops, pushes, 0x02, 2, 1, Ops::mul);
        def(t, pops, pushes, 0x03, 2, 1, Ops::sub);
        def(t, pops, pushes, 0x04, 2, 1, Ops::div);
        def(t, pops, pushes, 0x05, 2, 1, Ops::sdiv);
        def(t, pops, pushes, 0x06, 2, 1, Ops::mod);
        def(t, pops, pushes, 0x07, 2, 1, Ops::smod);
        def(t, pops, pushes, 0x08, 3, 1, Ops::addmod);
        def(t, pops, pushes, 0x09, 3, 1, Ops::mulmod);
        def(t, pops, pushes, 0x0A, 2, 1, Ops::exp);
        def(t, pops, pushes, 0x0B, 2, 1, Ops::signExtend);
        def(t, pops, pushes, 0x10, 2, 1, Ops::lt);
        def(t, pops, pushes, 0x11, 2, 1, Ops::gt);
        def(t, pops, pushes, 0x12, 2, 1, Ops::slt);
        def(t, pops, pushes, 0x13, 2, 1, Ops::sgt);
        def(t, pops, pushes, 0x14, 2, 1, Ops::eq);
        def(t, pops, pushes, 0x15, 1, 1, Ops::isZero);
        def(t, pops, pushes, 0x16, 2, 1, Ops::and);
        def(t, pops, pushes, 0x17, 2, 1, Ops::or);
        def(t, pops, pushes, 0x18, 2, 1, Ops::xor);
        def(t, pops, pushes, 0x19, 1, 1, Ops::not);
        def(t, pops, pushes, 0x1A, 2, 1, Ops::byteOp);
        def(t, pops, pushes, 0x1B, 2, 1, Ops::shl);
        def(t, pops, pushes, 0x1C, 2, 1, Ops::shr);
        def(t, pops, pushes, 0x1D, 2, 1, Ops::sar);
        def(t, pops, pushes, 0x20, 2, 1, Ops::keccak);
        def(t, pops, pushes, 0x30, 0, 1, Ops::address);
        def(t, pops, pushes, 0x31, 1, 1, Ops::balance);
        def(t, pops, pushes, 0x32, 0, 1, Ops::origin);
        def(t, pops, pushes, 0x33, 0, 1, Ops::caller);
        def(t, pops, pushes, 0x34, 0, 1, Ops::callValue);
        def(t, pops, pushes, 0x35, 1, 1, Ops::callDataLoad);
        def(t, pops, pushes, 0x36, 0, 1, Ops::callDataSize);
        def(t, pops, pushes, 0x37, 3, 0, Ops::callDataCopy);
        def(t, pops, pushes, 0x38, 0, 1, Ops::codeSize);
        def(t, pops, pushes, 0x39, 3, 0, Ops::codeCopy);
        def(t, pops, pushes, 0x3A, 0, 1, Ops::gasPrice);
        def(t, pops, pushes, 0x3B, 1, 1, Ops::extCodeSize);
        def(t, pops, pushes, 0x3C, 4, 0, Ops::extCodeCopy);
        def(t, pops, pushes, 0x3D, 0, 1, Ops::returnDataSize);
        def(t, pops, pushes, 0x3E, 3, 0, Ops::returnDataCopy);
        def(t, pops, pushes, 0x3F, 1, 1, Ops::extCodeHash);
        def(t, pops, pushes, 0x40, 1, 1, Ops::blockHash);
        def(t, pops, pushes, 0x41, 0, 1, Ops::coinbase);
        def(t, pops, pushes, 0x42, 0, 1, Ops::timestamp);
        def(t, pops, pushes, 0x43, 0, 1, Ops::number);
        def(t, pops, pushes, 0x44, 0, 1, Ops::prevRandao);
        def(t, pops, pushes, 0x45, 0, 1, Ops::gasLimit);
        def(t, pops, pushes, 0x46, 0, 1, Ops::chainId);
        def(t, pops, pushes, 0x47, 0, 1, Ops::selfBalance);
        def(t, pops, pushes, 0x48, 0, 1, Ops::baseFee);
        def(t, pops, pushes, 0x49, 1, 1, Ops::blobHash);
        def(t, pops, pushes, 0x4A, 0, 1, Ops::blobBaseFee);
        def(t, pops, pushes, 0x50, 1, 0, Ops::pop);
        def(t, pops, pushes, 0x51, 1, 1, Ops::mload);
        def(t, pops, pushes, 0x52, 2, 0, Ops::mstore);
        def(t, pops, pushes, 0x53, 2, 0, Ops::mstore8);
        def(t, pops, pushes, 0x54, 1, 1, Ops::sload);
        def(t, pops, pushes, 0x55, 2, 0, Ops::sstore);
        def(t, pops, pushes, 0x56, 1, 0, Ops::jump);
        def(t, pops, pushes, 0x57, 2, 0, Ops::jumpi);
        def(t, pops, pushes, 0x58, 0, 1, Ops::pc);
        def(t, pops, pushes, 0x59, 0, 1, Ops::msize);
        def(t, pops, pushes, 0x5A, 0, 1, Ops::gas);
        def(t, pops, pushes, 0x5B, 0, 0, Ops::jumpDest);
        def(t, pops, pushes, 0x5C, 1, 1, Ops::tload);
        def(t, pops, pushes, 0x5D, 2, 0, Ops::tstore);
        def(t, pops, pushes, 0x5E, 3, 0, Ops::mcopy);
        def(t, pops, pushes, 0x5F, 0, 1, Ops::push0);
        def(t, pops, pushes, 0x60, 0, 1, Ops::push1);
        for (int n = 2; n <= 32; n++) {
            int len = n;
            def(t, pops, pushes, 0x5F + n, 0, 1, f -> Ops.push(f, len));
        }
        for (int n = 1; n <= 16; n++) {
            int k = n;
            def(t, pops, pushes, 0x7F + n, n, n + 1, f -> Ops.dup(f, k));
            def(t, pops, pushes, 0x8F + n, n + 1, n + 1, f -> Ops.swap(f, k));
        }
        for (int n = 0; n <= 4; n++) {
            int k = n;
            def(t, pops, pushes, 0xA0 + n, 2 + n, 0, f -> Ops.log(f, k));
        }
        def(t, pops, pushes, 0xF0, 3, 1, Calls::create);
        def(t, pops, pushes, 0xF1, 7, 1, Calls::call);
        def(t, pops, pushes, 0xF2, 7, 1, Calls::callCode);
        def(t, pops, pushes, 0xF3, 2, 0, Ops::ret);
        def(t, pops, pushes, 0xF4, 6, 1, Calls::delegateCall);
        def(t, pops, pushes, 0xF5, 4, 1, Calls::create2);
        def(t, pops, pushes, 0xFA, 6, 1, Calls::staticCall);
        def(t, pops, pushes, 0xFD, 2, 0, Ops::revert);
        def(t, pops, pushes, 0xFE, 0, 0, Ops::invalid);
        def(t, pops, pushes, 0xFF, 1, 0, Ops::selfDestruct);
        for (int op = 0; op < 256; op++) {
            if (gs.opGas[op] < 0) {
                t[op] = Ops::invalid;
                pops[op] = 0;
                pushes[op] = 0;
            }
            int growth = pushes[op] - pops[op];
            growths[op] = growth;
            maxHeight[op] = growth > 0 ? Frame.STACK_LIMIT - growth : Frame.STACK_LIMIT;
        }
        return t;
    }

    private static void def(Operation[] t, int[] pops, int[] pushes, int op, int pop, int push, Operation o) {
        t[op] = o;
        pops[op] = pop;
        pushes[op] = push;
    }
}
