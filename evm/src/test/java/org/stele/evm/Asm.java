package org.stele.evm;

import static org.stele.evm.Opcode.JUMPDEST;
import static org.stele.evm.Opcode.MSTORE;
import static org.stele.evm.Opcode.PUSH0;
import static org.stele.evm.Opcode.PUSH1;
import static org.stele.evm.Opcode.PUSH2;
import static org.stele.evm.Opcode.RETURN;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.stele.common.Bytes;

/** A tiny assembler for hand-written test programs: opcodes, pushes of the shortest width, and labels. */
final class Asm {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final Map<String, Integer> labels = new HashMap<>();
    private final Map<Integer, String> fixups = new HashMap<>();

    static Asm code() {
        return new Asm();
    }

    Asm op(int... ops) {
        for (int op : ops)
            out.write(op);
        return this;
    }

    Asm push(long v) {
        return push(BigInteger.valueOf(v));
    }

    Asm push(BigInteger v) {
        byte[] b = v.toByteArray();
        int start = b.length > 1 && b[0] == 0 ? 1 : 0;
        int len = b.length - start;
        if (v.signum() == 0) {
            out.write(PUSH1);
            out.write(0);
            return this;
        }
        out.write(PUSH0 + len);
        out.write(b, start, len);
        return this;
    }

    Asm push(byte[] b) {
        out.write(PUSH0 + b.length);
        out.write(b, 0, b.length);
        return this;
    }

    /** PUSH2 of a label's position, patched when the program is built. */
    Asm pushLabel(String name) {
        out.write(PUSH2);
        fixups.put(out.size(), name);
        out.write(0);
        out.write(0);
        return this;
    }

    Asm label(String name) {
        labels.put(name, out.size());
        out.write(JUMPDEST);
        return this;
    }

    /** MSTORE the top of stack at 0 and RETURN those 32 bytes. */
    Asm returnTop() {
        return push(0).op(MSTORE).push(32).push(0).op(RETURN);
    }

    Asm raw(byte[] b) {
        out.write(b, 0, b.length);
        return this;
    }

    byte[] build() {
        byte[] b = out.toByteArray();
        fixups.forEach((pos, name) -> {
            int target = labels.get(name);
            b[pos] = (byte) (target >> 8);
            b[pos + 1] = (byte) target;
        });
        return b;
    }

    Bytes bytes() {
        return Bytes.wrap(build());
    }
}
