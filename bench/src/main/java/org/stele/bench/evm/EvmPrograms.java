package org.stele.bench.evm;

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
        a.op(0x90); // [n, x]
        a.push(new BigInteger("9e3779b97f4a7c15f39cc0605cedc8341082276bf3a27251f86c6a11d0c18e95", 16)).op(0x02); // x * K
        a.push(7).op(0x01); // + 7
        a.op(0x80).push(13).op(0x1C, 0x18); // x ^= x >> 13
        a.op(0x80).push(3).op(0x90, 0x04, 0x01); // x += x / 3
        a.op(0x90); // [x, n]
        a.push(1).op(0x90, 0x03); // n - 1
        a.op(0x80).pushLabel("loop").op(0x57);
        a.op(0x50).returnTop();
        return a.build();
    }

    /** 20,000 rounds of keccak256 over 64 bytes of memory, feeding each hash back in. */
    public static byte[] keccakLoop() {
        A a = new A();
        a.push(20_000);
        a.label("loop");
        a.push(64).push(0).op(0x20).push(0).op(0x52); // mem[0] = keccak(mem[0..64])
        a.push(1).op(0x90, 0x03).op(0x80).pushLabel("loop").op(0x57);
        a.op(0x50).push(0).op(0x51).returnTop();
        return a.build();
    }

    /** 20,000 MCOPYs of 2 KiB within 4 KiB of memory. */
    public static byte[] memoryCopy() {
        A a = new A();
        a.push(1).push(4064).op(0x52); // expand memory to 4 KiB
        a.push(20_000);
        a.label("loop");
        a.push(2048).push(0).push(2048).op(0x5E); // mcopy(2048, 0, 2048)
        a.push(2048).push(2048).push(0).op(0x5E); // mcopy(0, 2048, 2048)
        a.push(1).op(0x90, 0x03).op(0x80).pushLabel("loop").op(0x57);
        a.op(0x00);
        return a.build();
    }

    /** 2,000 SSTOREs to fresh slots, each read back twice with SLOAD. */
    public static byte[] storageLoop() {
        A a = new A();
        a.push(2_000);
        a.label("loop");
        a.op(0x80, 0x80, 0x55); // sstore(n, n)
        a.op(0x80, 0x54, 0x50); // sload(n)
        a.op(0x80, 0x54, 0x50);
        a.push(1).op(0x90, 0x03).op(0x80).pushLabel("loop").op(0x57);
        a.op(0x00);
        return a.build();
    }

    /** Calls itself until the depth limit: 1,025 frames deep. */
    public static byte[] deepCallChain() {
        A a = new A();
        a.push(0).op(0x35).push(1).op(0x01).push(0).op(0x52); // mem[0] = calldata[0] + 1
        a.push(0).push(0).push(32).push(0).push(0).op(0x30, 0x5A, 0xF1); // call(gas, self, 0, 0, 32, 0, 0)
        a.op(0x00);
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
        a.load(px).push(3L * s).op(0x02).push(w).op(0x90, 0x04).push(2L * s).op(0x90, 0x03).store(cr); // cr = px*3S/W - 2S
        a.load(py).push(2L * s).op(0x02).push(h).op(0x90, 0x04).push(s).op(0x90, 0x03).store(ci); // ci = py*2S/H - S
        a.push(0).store(zr).push(0).store(zi).push(0).store(it);
        a.label("iter");
        a.push(maxIt).load(it).op(0x10, 0x15).pushLabel("done").op(0x57); // if !(it < max) done
        a.load(zr).op(0x80, 0x02).push(s).op(0x90, 0x05); // zr2
        a.load(zi).op(0x80, 0x02).push(s).op(0x90, 0x05); // zi2
        a.op(0x81, 0x81, 0x01).push(4L * s).op(0x90, 0x13).pushLabel("escape").op(0x57); // if zr2 + zi2 > 4S escape
        a.op(0x90, 0x03).load(cr).op(0x01); // t = zr2 - zi2 + cr
        a.load(zr).load(zi).op(0x02).push(2).op(0x02).push(s).op(0x90, 0x05).load(ci).op(0x01).store(zi); // zi = 2 zr zi / S + ci
        a.store(zr);
        a.load(it).push(1).op(0x01).store(it);
        a.pushLabel("iter").op(0x56);
        a.label("escape");
        a.op(0x50, 0x50);
        a.label("done");
        a.load(it).load(py).push(w).op(0x02).load(px).op(0x01).push(img).op(0x01).op(0x53); // image[py*W+px] = it
        a.load(px).push(1).op(0x01).op(0x80).store(px).push(w).op(0x11).pushLabel("px").op(0x57);
        a.load(py).push(1).op(0x01).op(0x80).store(py).push(h).op(0x11).pushLabel("py").op(0x57);
        a.push(w * h).push(img).op(0x20).returnTop();
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
                return op(0x5F);
            byte[] b = v.toByteArray();
            int start = b[0] == 0 ? 1 : 0;
            out.write(0x5F + b.length - start);
            out.write(b, start, b.length - start);
            return this;
        }

        A pushLabel(String name) {
            out.write(0x61);
            fixups.put(out.size(), name);
            out.write(0);
            out.write(0);
            return this;
        }

        A label(String name) {
            labels.put(name, out.size());
            return op(0x5B);
        }

        A load(int offset) {
            return push(offset).op(0x51);
        }

        A store(int offset) {
            return push(offset).op(0x52);
        }

        A returnTop() {
            return push(0).op(0x52).push(32).push(0).op(0xF3);
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
