package org.stele.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stele.evm.Opcode.ADD;
import static org.stele.evm.Opcode.ADDMOD;
import static org.stele.evm.Opcode.AND;
import static org.stele.evm.Opcode.BYTE;
import static org.stele.evm.Opcode.DIV;
import static org.stele.evm.Opcode.EQ;
import static org.stele.evm.Opcode.EXP;
import static org.stele.evm.Opcode.GT;
import static org.stele.evm.Opcode.ISZERO;
import static org.stele.evm.Opcode.JUMPDEST;
import static org.stele.evm.Opcode.LT;
import static org.stele.evm.Opcode.MUL;
import static org.stele.evm.Opcode.MULMOD;
import static org.stele.evm.Opcode.NOT;
import static org.stele.evm.Opcode.OR;
import static org.stele.evm.Opcode.SAR;
import static org.stele.evm.Opcode.SDIV;
import static org.stele.evm.Opcode.SGT;
import static org.stele.evm.Opcode.SHL;
import static org.stele.evm.Opcode.SHR;
import static org.stele.evm.Opcode.SIGNEXTEND;
import static org.stele.evm.Opcode.SLT;
import static org.stele.evm.Opcode.SMOD;
import static org.stele.evm.Opcode.SUB;
import static org.stele.evm.Opcode.XOR;

import java.math.BigInteger;
import java.util.function.BinaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Every arithmetic and bitwise opcode agrees with a BigInteger reference on random 256-bit operands. */
class ArithmeticPropertyTest {
    static final BigInteger MOD = BigInteger.ONE.shiftLeft(256);
    static final BigInteger MAX = MOD.subtract(BigInteger.ONE);

    @Provide
    Arbitrary<BigInteger> words() {
        Arbitrary<BigInteger> full = Arbitraries.bigIntegers().between(BigInteger.ZERO, MAX);
        Arbitrary<BigInteger> small = Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.valueOf(300));
        Arbitrary<BigInteger> u64 = Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(64));
        Arbitrary<BigInteger> negSmall = Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.valueOf(1L << 40))
                .map(v -> MOD.subtract(v));
        Arbitrary<BigInteger> edges = Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, MAX,
                BigInteger.ONE.shiftLeft(255), BigInteger.ONE.shiftLeft(255).subtract(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(63),
                BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE));
        return Arbitraries.oneOf(full, small, u64, negSmall, edges);
    }

    static BigInteger signed(BigInteger v) {
        return v.testBit(255) ? v.subtract(MOD) : v;
    }

    static BigInteger wrap(BigInteger v) {
        return v.mod(MOD);
    }

    static BigInteger run(int op, BigInteger... args) {
        Asm asm = Asm.code();
        for (int i = args.length - 1; i >= 0; i--)
            asm.push(args[i]);
        asm.op(op).returnTop();
        ExecutionResult r = new EvmHarness().call(asm.build(), new byte[0], 10_000_000);
        assertThat(r.status()).isEqualTo(Status.SUCCESS);
        return EvmHarness.word(r);
    }

    void binary(int op, BigInteger a, BigInteger b, BinaryOperator<BigInteger> ref) {
        assertThat(run(op, a, b)).as("op %02x a=%s b=%s", op, a.toString(16), b.toString(16))
                .isEqualTo(wrap(ref.apply(a, b)));
    }

    @Property(tries = 300)
    void addSubMulMatchReference(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b) {
        binary(ADD, a, b, BigInteger::add);
        binary(MUL, a, b, BigInteger::multiply);
        binary(SUB, a, b, BigInteger::subtract);
    }

    @Property(tries = 300)
    void divisionsMatchReference(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b) {
        binary(DIV, a, b, (x, y) -> y.signum() == 0 ? BigInteger.ZERO : x.divide(y));
        binary(Opcode.MOD, a, b, (x, y) -> y.signum() == 0 ? BigInteger.ZERO : x.mod(y));
        binary(SDIV, a, b, (x, y) -> y.signum() == 0 ? BigInteger.ZERO : signed(x).divide(signed(y)));
        binary(SMOD, a, b, (x, y) -> y.signum() == 0 ? BigInteger.ZERO : signed(x).remainder(signed(y)));
    }

    @Provide
    Arbitrary<BigInteger> anyWidth() {
        return Arbitraries.integers().between(1, 256).flatMap(bits -> Arbitraries.bigIntegers()
                .between(BigInteger.ONE.shiftLeft(bits - 1), BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)));
    }

    @Property(tries = 400)
    void divisionOfEveryWidthMatchesReference(@ForAll("anyWidth") BigInteger a, @ForAll("anyWidth") BigInteger b) {
        binary(DIV, a, b, BigInteger::divide);
        binary(Opcode.MOD, a, b, BigInteger::mod);
        binary(SDIV, a, b, (x, y) -> signed(x).divide(signed(y)));
        binary(SMOD, a, b, (x, y) -> signed(x).remainder(signed(y)));
    }

    @Property(tries = 200)
    void modularOpsMatchReference(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b,
            @ForAll("words") BigInteger n) {
        BigInteger add = n.signum() == 0 ? BigInteger.ZERO : a.add(b).mod(n);
        BigInteger mul = n.signum() == 0 ? BigInteger.ZERO : a.multiply(b).mod(n);
        assertThat(run(ADDMOD, a, b, n)).isEqualTo(add);
        assertThat(run(MULMOD, a, b, n)).isEqualTo(mul);
    }

    @Provide
    Arbitrary<BigInteger> oneLimb() {
        Arbitrary<BigInteger> any = Arbitraries.bigIntegers().between(BigInteger.ONE, BigInteger.ONE.shiftLeft(64)
                .subtract(BigInteger.ONE));
        Arbitrary<BigInteger> edges = Arbitraries.of(BigInteger.ONE, BigInteger.TWO, BigInteger.valueOf(3),
                BigInteger.ONE.shiftLeft(32), BigInteger.ONE.shiftLeft(32).subtract(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(63), BigInteger.ONE.shiftLeft(63).add(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE));
        Arbitrary<BigInteger> widths = Arbitraries.integers().between(1, 64)
                .flatMap(bits -> Arbitraries.bigIntegers().between(BigInteger.ONE.shiftLeft(bits - 1),
                        BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)));
        return Arbitraries.oneOf(any, edges, widths);
    }

    /** Divisors of one limb take the reciprocal path, whatever the dividend's width. */
    @Property(tries = 400)
    void divisionByOneLimbDivisorsMatchesReference(@ForAll("words") BigInteger a, @ForAll("oneLimb") BigInteger b) {
        binary(DIV, a, b, BigInteger::divide);
        binary(Opcode.MOD, a, b, BigInteger::mod);
        binary(SDIV, a, b, (x, y) -> signed(x).divide(signed(y)));
        binary(SMOD, a, b, (x, y) -> signed(x).remainder(signed(y)));
        BigInteger negB = MOD.subtract(b);
        binary(SDIV, a, negB, (x, y) -> signed(x).divide(signed(y)));
        binary(SMOD, a, negB, (x, y) -> signed(x).remainder(signed(y)));
    }

    @Provide
    Arbitrary<BigInteger> moduli() {
        Arbitrary<BigInteger> edges = Arbitraries.of(BigInteger.ZERO, BigInteger.ONE, BigInteger.TWO, MAX,
                MAX.subtract(BigInteger.ONE), BigInteger.ONE.shiftLeft(255), BigInteger.ONE.shiftLeft(128),
                BigInteger.ONE.shiftLeft(64), BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE),
                BigInteger.ONE.shiftLeft(32).add(BigInteger.ONE));
        return Arbitraries.oneOf(edges, anyWidth(), words());
    }

    @Provide
    Arbitrary<BigInteger> large() {
        Arbitrary<BigInteger> top = Arbitraries.bigIntegers().between(BigInteger.ZERO, BigInteger.ONE.shiftLeft(64))
                .map(MAX::subtract);
        return Arbitraries.oneOf(top, words(), anyWidth());
    }

    /** ADDMOD's sum can carry past 2^256 and MULMOD's product is 512 bits wide; neither may wrap. */
    @Property(tries = 400)
    void modularOpsOfWideIntermediatesMatchReference(@ForAll("large") BigInteger a, @ForAll("large") BigInteger b,
            @ForAll("moduli") BigInteger n) {
        BigInteger add = n.signum() == 0 ? BigInteger.ZERO : a.add(b).mod(n);
        BigInteger mul = n.signum() == 0 ? BigInteger.ZERO : a.multiply(b).mod(n);
        assertThat(run(ADDMOD, a, b, n)).as("addmod %s %s %s", a.toString(16), b.toString(16), n.toString(16))
                .isEqualTo(add);
        assertThat(run(MULMOD, a, b, n)).as("mulmod %s %s %s", a.toString(16), b.toString(16), n.toString(16))
                .isEqualTo(mul);
    }

    /** PUSH1 to PUSH32 read their immediates a limb at a time; the value must be the bytes as written. */
    @Property(tries = 200)
    void pushOfEveryWidthPushesItsImmediate(@ForAll("anyWidth") BigInteger v) {
        Asm asm = Asm.code();
        int width = (v.bitLength() + 7) / 8;
        // Vary the distance from the start of the code, which decides how the first limb is read.
        for (int i = 0; i < v.intValue() % 9; i++)
            asm.op(JUMPDEST);
        asm.push(v).returnTop();
        ExecutionResult r = new EvmHarness().call(asm.build(), new byte[0], 1_000_000);
        assertThat(r.status()).isEqualTo(Status.SUCCESS);
        assertThat(EvmHarness.word(r)).as("PUSH%d %s", width, v.toString(16)).isEqualTo(v);
    }

    @Property(tries = 200)
    void expMatchesReference(@ForAll("words") BigInteger a, @ForAll("words") BigInteger e) {
        binary(EXP, a, e, (x, y) -> x.modPow(y, MOD));
    }

    @Property(tries = 300)
    void comparisonsAndBitwiseMatchReference(@ForAll("words") BigInteger a, @ForAll("words") BigInteger b) {
        binary(LT, a, b, (x, y) -> x.compareTo(y) < 0 ? BigInteger.ONE : BigInteger.ZERO);
        binary(GT, a, b, (x, y) -> x.compareTo(y) > 0 ? BigInteger.ONE : BigInteger.ZERO);
        binary(SLT, a, b, (x, y) -> signed(x).compareTo(signed(y)) < 0 ? BigInteger.ONE : BigInteger.ZERO);
        binary(SGT, a, b, (x, y) -> signed(x).compareTo(signed(y)) > 0 ? BigInteger.ONE : BigInteger.ZERO);
        binary(EQ, a, b, (x, y) -> x.equals(y) ? BigInteger.ONE : BigInteger.ZERO);
        binary(AND, a, b, BigInteger::and);
        binary(OR, a, b, BigInteger::or);
        binary(XOR, a, b, BigInteger::xor);
        assertThat(run(NOT, a)).isEqualTo(MAX.xor(a));
        assertThat(run(ISZERO, a)).isEqualTo(a.signum() == 0 ? BigInteger.ONE : BigInteger.ZERO);
    }

    @Property(tries = 300)
    void shiftsByteAndSignExtendMatchReference(@ForAll("words") BigInteger v, @ForAll("words") BigInteger n) {
        BigInteger shift = n.testBit(9) ? n : n.mod(BigInteger.valueOf(300));
        int s = shift.compareTo(BigInteger.valueOf(256)) >= 0 ? 256 : shift.intValue();
        binary(SHL, shift, v, (x, y) -> s >= 256 ? BigInteger.ZERO : y.shiftLeft(s));
        binary(SHR, shift, v, (x, y) -> s >= 256 ? BigInteger.ZERO : y.shiftRight(s));
        binary(SAR, shift, v, (x, y) -> signed(y).shiftRight(Math.min(s, 256)));
        BigInteger idx = n.mod(BigInteger.valueOf(40));
        binary(BYTE, idx, v,
                (x, y) -> idx.intValue() >= 32
                        ? BigInteger.ZERO
                        : y.shiftRight(8 * (31 - idx.intValue())).and(BigInteger.valueOf(0xFF)));
        binary(SIGNEXTEND, idx, v, (x, y) -> {
            int k = idx.intValue();
            if (k >= 31)
                return y;
            int bit = 8 * k + 7;
            BigInteger low = y.and(BigInteger.ONE.shiftLeft(bit + 1).subtract(BigInteger.ONE));
            return y.testBit(bit) ? low.or(MAX.xor(BigInteger.ONE.shiftLeft(bit + 1).subtract(BigInteger.ONE))) : low;
        });
    }
}
