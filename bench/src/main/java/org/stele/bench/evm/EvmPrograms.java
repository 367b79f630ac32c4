package org.stele.bench.evm;

import static org.stele.evm.Opcode.ADD;
import static org.stele.evm.Opcode.ADDRESS;
import static org.stele.evm.Opcode.CALL;
import static org.stele.evm.Opcode.CALLDATALOAD;
import static org.stele.evm.Opcode.DIV;
import static org.stele.evm.Opcode.DUP1;
import static org.stele.evm.Opcode.DUP2;
import static org.stele.evm.Opcode.GAS;
import static org.stele.evm.Opcode.GT;
import static org.stele.evm.Opcode.ISZERO;
import static org.stele.evm.Opcode.JUMP;
import static org.stele.evm.Opcode.JUMPDEST;
import static org.stele.evm.Opcode.JUMPI;
import static org.stele.evm.Opcode.KECCAK256;
import static org.stele.evm.Opcode.LT;
import static org.stele.evm.Opcode.MCOPY;
import static org.stele.evm.Opcode.MLOAD;
import static org.stele.evm.Opcode.MSTORE;
import static org.stele.evm.Opcode.MSTORE8;
import static org.stele.evm.Opcode.MUL;
import static org.stele.evm.Opcode.POP;
import static org.stele.evm.Opcode.PUSH0;
import static org.stele.evm.Opcode.PUSH2;
import static org.stele.evm.Opcode.RETURN;
import static org.stele.evm.Opcode.SDIV;
import static org.stele.evm.Opcode.SGT;
import static org.stele.evm.Opcode.SHR;
import static org.stele.evm.Opcode.SLOAD;
import static org.stele.evm.Opcode.SSTORE;
import static org.stele.evm.Opcode.STOP;
import static org.stele.evm.Opcode.SUB;
import static org.stele.evm.Opcode.SWAP1;
import static org.stele.evm.Opcode.XOR;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.stele.common.Hex;

/**
 * The benchmark programs, hand-assembled. Each is a complete contract that runs on an empty state with no input.
 * {@code main} prints them as hex so that the same bytecode can be timed with {@code stele evm run --bench} and
 * with other EVMs.
 */
public final class EvmPrograms {
    private EvmPrograms() {
    }

    /** 100,000 rounds of multiply, add, shift, xor and divide on a 256-bit accumulator. */
    public static byte[] arithmeticLoop() {
        A a = new A();
        a.push(1).push(100_000); // [x, n]
        a.label("loop");
        a.op(SWAP1); // [n, x]
        a.push(new BigInteger("9e3779b97f4a7c15f39cc0605cedc8341082276bf3a27251f86c6a11d0c18e95", 16)).op(MUL); // x * K
        a.push(7).op(ADD); // + 7
        a.op(DUP1).push(13).op(SHR, XOR); // x ^= x >> 13
        a.op(DUP1).push(3).op(SWAP1, DIV, ADD); // x += x / 3
        a.op(SWAP1); // [x, n]
        a.push(1).op(SWAP1, SUB); // n - 1
        a.op(DUP1).pushLabel("loop").op(JUMPI);
        a.op(POP).returnTop();
        return a.build();
    }

    /** 20,000 rounds of keccak256 over 64 bytes of memory, feeding each hash back in. */
    public static byte[] keccakLoop() {
        A a = new A();
        a.push(20_000);
        a.label("loop");
        a.push(64).push(0).op(KECCAK256).push(0).op(MSTORE); // mem[0] = keccak(mem[0..64])
        a.push(1).op(SWAP1, SUB).op(DUP1).pushLabel("loop").op(JUMPI);
        a.op(POP).push(0).op(MLOAD).returnTop();
        return a.build();
    }

    /** 20,000 MCOPYs of 2 KiB within 4 KiB of memory. */
    public static byte[] memoryCopy() {
        A a = new A();
        a.push(1).push(4064).op(MSTORE); // expand memory to 4 KiB
        a.push(20_000);
        a.label("loop");
        a.push(2048).push(0).push(2048).op(MCOPY); // mcopy(2048, 0, 2048)
        a.push(2048).push(2048).push(0).op(MCOPY); // mcopy(0, 2048, 2048)
        a.push(1).op(SWAP1, SUB).op(DUP1).pushLabel("loop").op(JUMPI);
        a.op(STOP);
        return a.build();
    }

    /** 2,000 SSTOREs to fresh slots, each read back twice with SLOAD. */
    public static byte[] storageLoop() {
        A a = new A();
        a.push(2_000);
        a.label("loop");
        a.op(DUP1, DUP1, SSTORE); // sstore(n, n)
        a.op(DUP1, SLOAD, POP); // sload(n)
        a.op(DUP1, SLOAD, POP);
        a.push(1).op(SWAP1, SUB).op(DUP1).pushLabel("loop").op(JUMPI);
        a.op(STOP);
        return a.build();
    }

    /** Calls itself until the depth limit: 1,025 frames deep. */
    public static byte[] deepCallChain() {
        A a = new A();
        a.push(0).op(CALLDATALOAD).push(1).op(ADD).push(0).op(MSTORE); // mem[0] = calldata[0] + 1
        a.push(0).push(0).push(32).push(0).push(0).op(ADDRESS, GAS, CALL); // call(gas, self, 0, 0, 32, 0, 0)
        a.op(STOP);
        return a.build();
    }

    /**
     * A snailtracer-like workload: a 32x32 fixed-point (16.16) Mandelbrot image with up to 64 iterations per pixel,
     * variables in memory the way Solidity keeps them, signed multiply and divide, and a keccak of the image at the
     * end.
     */
    public static byte[] snailtracerLike() {
        final int s = 1 << 16, w = 32, h = 32, maxIt = 64;
        final int px = 0x00, py = 0x20, cr = 0x40, ci = 0x60, zr = 0x80, zi = 0xa0, it = 0xc0, img = 0x100;
        A a = new A();
        a.push(0).store(py);
        a.label("py");
        a.push(0).store(px);
        a.label("px");
        // cr = px*3S/W - 2S
        a.load(px).push(3L * s).op(MUL).push(w).op(SWAP1, DIV).push(2L * s).op(SWAP1, SUB).store(cr);
        a.load(py).push(2L * s).op(MUL).push(h).op(SWAP1, DIV).push(s).op(SWAP1, SUB).store(ci); // ci = py*2S/H - S
        a.push(0).store(zr).push(0).store(zi).push(0).store(it);
        a.label("iter");
        a.push(maxIt).load(it).op(LT, ISZERO).pushLabel("done").op(JUMPI); // if !(it < max) done
        a.load(zr).op(DUP1, MUL).push(s).op(SWAP1, SDIV); // zr2
        a.load(zi).op(DUP1, MUL).push(s).op(SWAP1, SDIV); // zi2
        a.op(DUP2, DUP2, ADD).push(4L * s).op(SWAP1, SGT).pushLabel("escape").op(JUMPI); // if zr2 + zi2 > 4S escape
        a.op(SWAP1, SUB).load(cr).op(ADD); // t = zr2 - zi2 + cr
        // zi = 2 zr zi / S + ci
        a.load(zr).load(zi).op(MUL).push(2).op(MUL).push(s).op(SWAP1, SDIV).load(ci).op(ADD).store(zi);
        a.store(zr);
        a.load(it).push(1).op(ADD).store(it);
        a.pushLabel("iter").op(JUMP);
        a.label("escape");
        a.op(POP, POP);
        a.label("done");
        a.load(it).load(py).push(w).op(MUL).load(px).op(ADD).push(img).op(ADD).op(MSTORE8); // image[py*W+px] = it
        a.load(px).push(1).op(ADD).op(DUP1).store(px).push(w).op(GT).pushLabel("px").op(JUMPI);
        a.load(py).push(1).op(ADD).op(DUP1).store(py).push(h).op(GT).pushLabel("py").op(JUMPI);
        a.push(w * h).push(img).op(KECCAK256).returnTop();
        return a.build();
    }

    /** All programs by name, in a stable order. */
    public static Map<String, byte[]> all() {
        Map<String, byte[]> m = new LinkedHashMap<>();
        m.put("arithmetic", arithmeticLoop());
        m.put("keccak", keccakLoop());
        m.put("memcopy", memoryCopy());
        m.put("storage", storageLoop());
        m.put("deepcall", deepCallChain());
        m.put("snailtracer", snailtracerLike());
        return m;
    }

    /** Prints {@code name hex} for each program. */
    public static void main(String[] args) {
        all().forEach((name, code) -> System.out.println(name + " " + Hex.encodeNoPrefix(code)));
    }

    /** A minimal assembler: opcodes, shortest pushes, PUSH2 labels, and memory variables. */
    static final class A {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        private final Map<String, Integer> labels = new HashMap<>();
        private final Map<Integer, String> fixups = new HashMap<>();

        A op(int... ops) {
            for (int o : ops)
                out.write(o);
            return this;
        }

        A push(long v) {
            return push(BigInteger.valueOf(v));
        }

        A push(BigInteger v) {
            if (v.signum() == 0)
                return op(PUSH0);
            byte[] b = v.toByteArray();
            int start = b[0] == 0 ? 1 : 0;
            out.write(PUSH0 + b.length - start);
            out.write(b, start, b.length - start);
            return this;
        }

        A pushLabel(String name) {
            out.write(PUSH2);
            fixups.put(out.size(), name);
            out.write(0);
            out.write(0);
            return this;
        }

        A label(String name) {
            labels.put(name, out.size());
            return op(JUMPDEST);
        }

        A load(int offset) {
            return push(offset).op(MLOAD);
        }

        A store(int offset) {
            return push(offset).op(MSTORE);
        }

        A returnTop() {
            return push(0).op(MSTORE).push(32).push(0).op(RETURN);
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
    }
}
