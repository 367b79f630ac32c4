package org.stele.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stele.evm.Opcode.ADD;
import static org.stele.evm.Opcode.DIV;
import static org.stele.evm.Opcode.DUP1;
import static org.stele.evm.Opcode.ISZERO;
import static org.stele.evm.Opcode.JUMP;
import static org.stele.evm.Opcode.JUMPDEST;
import static org.stele.evm.Opcode.JUMPI;
import static org.stele.evm.Opcode.MLOAD;
import static org.stele.evm.Opcode.MSTORE;
import static org.stele.evm.Opcode.MUL;
import static org.stele.evm.Opcode.PC;
import static org.stele.evm.Opcode.POP;
import static org.stele.evm.Opcode.PUSH0;
import static org.stele.evm.Opcode.RETURN;
import static org.stele.evm.Opcode.SAR;
import static org.stele.evm.Opcode.SHR;
import static org.stele.evm.Opcode.STOP;
import static org.stele.evm.Opcode.SUB;
import static org.stele.evm.Opcode.SWAP1;
import static org.stele.evm.Opcode.XOR;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.stele.common.Bytes;
import org.stele.common.Fork;
import org.stele.evm.state.JournaledState;
import org.stele.evm.tracing.Tracer;

/**
 * The untraced loop runs hot stretches of stack-only opcodes after a JUMPDEST as compiled segments (this module's
 * tests compile each at its first visit); the traced loop never does. Every program must end the same way on both:
 * same status, gas, output and logs, including when a segment cannot be entered for want of gas or stack.
 */
class CompiledSegmentsTest {
    private static final BigInteger K = new BigInteger(
            "9e3779b97f4a7c15f39cc0605cedc8341082276bf3a27251f86c6a11d0c18e95", 16);

    private static ExecutionResult run(byte[] code, byte[] input, long gas, Tracer tracer) {
        EvmHarness h = new EvmHarness();
        h.deploy(EvmHarness.CONTRACT, code);
        Message m = Message.call(EvmHarness.SENDER, EvmHarness.CONTRACT, BigInteger.ONE, Bytes.wrap(input), gas);
        return new Evm(Fork.CANCUN, tracer).execute(new JournaledState(h.world), m, EvmHarness.BLOCK, EvmHarness.TX);
    }

    private static void assertSameOnBothLoops(byte[] code, byte[] input, long gas) {
        ExecutionResult fast = run(code, input, gas, null);
        ExecutionResult traced = run(code, input, gas, new Tracer() {
        });
        assertThat(fast.status()).isEqualTo(traced.status());
        assertThat(fast.gasLeft()).isEqualTo(traced.gasLeft());
        assertThat(fast.output()).isEqualTo(traced.output());
        assertThat(List.copyOf(fast.logs())).isEqualTo(traced.logs());
    }

    /** x = (x * K + 7); x ^= x >> 13; x += x / 3, n times; then x is returned. */
    private static byte[] arithmeticLoop(int n) {
        return Asm.code().push(1).push(n).label("loop").op(JUMPDEST)
                .op(SWAP1).push(K).op(MUL).push(7).op(ADD)
                .op(DUP1).push(13).op(SHR, XOR)
                .op(DUP1).push(3).op(SWAP1, DIV, ADD)
                .op(SWAP1).push(1).op(SWAP1, SUB)
                .op(DUP1).pushLabel("loop").op(JUMPI)
                .op(POP).push(0).op(MSTORE).push(32).push(0).op(RETURN).build();
    }

    @Test
    void aHotArithmeticLoopGivesTheInterpretersResultAndGas() {
        assertSameOnBothLoops(arithmeticLoop(1_000), new byte[0], 10_000_000);
    }

    @Test
    void theRunAfterAJumpiThatDoesNotJumpIsCompiledToo() {
        // n = 300; while (n != 0) { n = n - 1; (7 + 3 dropped); x = x * 3 } with x kept in memory at 0x20.
        byte[] code = Asm.code().push(1).push(0x20).op(MSTORE).push(300).label("loop").op(JUMPDEST)
                .op(DUP1, ISZERO).pushLabel("done").op(JUMPI)
                .push(1).op(SWAP1, SUB).push(7).push(3).op(ADD, POP)
                .push(0x20).op(MLOAD).push(3).op(MUL).push(0x20).op(MSTORE)
                .pushLabel("loop").op(JUMP)
                .label("done").op(JUMPDEST).push(0x20).op(MLOAD).op(ADD).push(0).op(MSTORE).push(32).push(0).op(RETURN)
                .build();
        ExecutionResult fast = run(code, new byte[0], 1_000_000, null);
        assertThat(EvmHarness.word(fast)).isEqualTo(BigInteger.valueOf(3).pow(300).mod(BigInteger.ONE.shiftLeft(256)));
        assertSameOnBothLoops(code, new byte[0], 1_000_000);
    }

    @Test
    void aLoopRunsOutOfGasWhereTheInterpreterDoes() {
        // Enough gas for some rounds: the last round cannot pay for its whole segment.
        for (long gas = 1_000; gas < 1_400; gas += 7)
            assertSameOnBothLoops(arithmeticLoop(1_000), new byte[0], gas);
    }

    @Test
    void aSegmentItsGasCannotPayForRunsOutOfGasEvenWhereTheCodeEndsRightAfterIt() {
        // JUMPDEST and four PUSH0s, then the end of the code: 1 + 4 x 2 gas, one short of it.
        byte[] code = {0x5B, 0x5F, 0x5F, 0x5F, 0x5F};
        assertThat(run(code, new byte[0], 8, null).status()).isEqualTo(Status.OUT_OF_GAS);
        assertThat(run(code, new byte[0], 9, null).status()).isEqualTo(Status.SUCCESS);
        assertSameOnBothLoops(code, new byte[0], 8);
    }

    @Test
    void aSegmentEnteredWithTooFewWordsHaltsWithStackUnderflowAsTheInterpreterDoes() {
        // JUMPDEST, then four ADDs with only three words on the stack.
        byte[] code = Asm.code().push(1).push(2).push(3).op(JUMPDEST, ADD, ADD, ADD, ADD, STOP).build();
        ExecutionResult fast = run(code, new byte[0], 100_000, null);
        assertThat(fast.status()).isEqualTo(Status.STACK_UNDERFLOW);
        assertSameOnBothLoops(code, new byte[0], 100_000);
    }

    @Test
    void aSegmentThatWouldOverflowTheStackIsLeftToTheInterpreter() {
        // A loop that pushes two words a round never comes back down: it overflows at 1,024 words.
        byte[] code = Asm.code().label("top").op(JUMPDEST, PUSH0, PUSH0, DUP1, POP, PC, POP).pushLabel("top")
                .op(JUMP).build();
        ExecutionResult fast = run(code, new byte[0], 1_000_000, null);
        assertThat(fast.status()).isEqualTo(Status.STACK_OVERFLOW);
        assertSameOnBothLoops(code, new byte[0], 1_000_000);
    }

    @Test
    void anArithmeticShiftInACompiledSegmentKeepsTheSign() {
        // JUMPDEST PUSH32 -2^255 PUSH1 4 SAR PUSH0 | MSTORE, then the word is returned.
        byte[] code = Asm.code().op(JUMPDEST).push(BigInteger.ONE.shiftLeft(255)).push(4).op(SAR, PUSH0, MSTORE)
                .push(32).push(0).op(RETURN).build();
        ExecutionResult fast = run(code, new byte[0], 100_000, null);
        assertThat(EvmHarness.word(fast))
                .isEqualTo(BigInteger.ONE.shiftLeft(256).subtract(BigInteger.ONE.shiftLeft(251)));
        assertSameOnBothLoops(code, new byte[0], 100_000);
    }

    /**
     * Stores the top four words at 0x80–0xff and returns memory from 0 to 0x100, so that what the segments computed on
     * the stack and wrote to memory (constant offsets up to 0x60) shows in the output.
     */
    private static final byte[] RETURN_STATE = {0x60, (byte) 0x80, 0x52, 0x60, (byte) 0xA0, 0x52, 0x60, (byte) 0xC0,
            0x52, 0x60, (byte) 0xE0, 0x52, 0x61, 0x01, 0x00, 0x5F, (byte) 0xF3};
    /** Memory grown to 0x120 bytes before the first JUMPDEST, so that segments with memory opcodes can be entered. */
    private static final byte[] GROW_MEMORY = {0x5F, 0x61, 0x01, 0x00, 0x52};

    /**
     * Compilable opcodes, each with its immediate where it has one, among JUMPDESTs, jumps and a few opcodes that end
     * a segment, after seventeen pushed words and sometimes memory grown; then {@link #RETURN_STATE}.
     */
    @Provide
    Arbitrary<byte[]> segmentPrograms() {
        Arbitrary<byte[]> push = Arbitraries.integers().between(1, 32).flatMap(len -> Arbitraries.bytes()
                .array(byte[].class).ofSize(len).map(imm -> {
                    byte[] b = new byte[len + 1];
                    b[0] = (byte) (0x5F + len);
                    System.arraycopy(imm, 0, b, 1, len);
                    return b;
                }));
        Arbitrary<byte[]> compilable = Arbitraries.oneOf(
                Arbitraries.of(0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x09, 0x0B, 0x10, 0x11, 0x12, 0x13,
                        0x14, 0x15, 0x16, 0x17, 0x18, 0x19, 0x1A, 0x1B, 0x1C, 0x1D, 0x50, 0x58, 0x5F)
                        .map(op -> new byte[]{(byte) op.intValue()}),
                Arbitraries.integers().between(0x80, 0x9F).map(op -> new byte[]{(byte) op.intValue()}),
                Arbitraries.integers().between(0, 0x60).flatMap(off -> Arbitraries.of(0x51, 0x52, 0x53)
                        .map(op -> new byte[]{0x60, (byte) off.intValue(), (byte) op.intValue()})),
                push);
        Arbitrary<byte[]> other = Arbitraries.oneOf(
                Arbitraries.of(new byte[]{0x5B}, new byte[]{0x5B}, new byte[]{0x5B}, new byte[]{0x5A},
                        new byte[]{0x0A}, new byte[]{0x51}, new byte[]{0x52}),
                Arbitraries.integers().between(0, 120).map(x -> new byte[]{0x61, 0, (byte) x.intValue(), 0x57}),
                Arbitraries.integers().between(0, 120).map(x -> new byte[]{0x61, 0, (byte) x.intValue(), 0x56}));
        Arbitrary<byte[]> chunk = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, compilable), net.jqwik.api.Tuple.of(3, push),
                net.jqwik.api.Tuple.of(1, other));
        // Seventeen words first, so that most runs have the words their DUPs, SWAPs and arithmetic need.
        Arbitrary<byte[]> prologue = push.list().ofSize(17).map(CompiledSegmentsTest::concat);
        return net.jqwik.api.Combinators.combine(prologue, Arbitraries.of(true, false), chunk.list().ofMaxSize(40))
                .as((pro, grow, parts) -> {
                    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
                    out.writeBytes(pro);
                    if (grow)
                        out.writeBytes(GROW_MEMORY);
                    out.write(JUMPDEST);
                    parts.forEach(out::writeBytes);
                    out.writeBytes(RETURN_STATE);
                    return out.toByteArray();
                });
    }

    @Property(tries = 2000)
    void programsOfCompilableRunsEndTheSameOnBothLoops(@ForAll("segmentPrograms") byte[] code,
            @ForAll("gasDraws") long gas) {
        assertSameOnBothLoops(code, new byte[]{1, 2, 3}, gas);
    }

    /** Mostly plenty, sometimes so little that a segment cannot be paid for. */
    @Provide
    Arbitrary<Long> gasDraws() {
        return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(3, Arbitraries.longs().between(10_000, 300_000)),
                net.jqwik.api.Tuple.of(1, Arbitraries.longs().between(0, 600)));
    }

    private static byte[] concat(List<byte[]> parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        parts.forEach(out::writeBytes);
        return out.toByteArray();
    }
}
