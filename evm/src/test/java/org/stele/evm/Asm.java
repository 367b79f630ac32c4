package org.stele.evm;

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
            out.write(0x60);
            out.write(0);
            return this;
        }
        out.write(0x5F + len);
        out.write(b, start, len);
        return this;
    }

    Asm push(byte[] b) {
        out.write(0x5F + b.length);
        out.write(b, 0, b.length);
        return this;
    }

    /** PUSH2 of a label's position, patched when the program is built. */
    Asm pushLabel(String name) {
        out.write(0x61);
        fixups.put(out.size(), name);
        out.write(0);
        out.write(0);
        return this;
    }

    Asm label(String name) {
        labels.put(name, out.size());
        out.write(0x5B);
        return this;
    }

    /** MSTORE the top of stack at 0 and RETURN those 32 bytes. */
    Asm returnTop() {
        return push(0).op(0x52).push(32).push(0).op(0xF3);
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
