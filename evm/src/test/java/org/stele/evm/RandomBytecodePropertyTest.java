package org.stele.evm;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Fork;
import org.stele.evm.state.JournaledState;
import org.stele.evm.tracing.StepView;
import org.stele.evm.tracing.Tracer;

/**
 * Random bytecode never makes the interpreter throw: every run ends in a {@link Status}, and memory never grows past
 * what the gas could pay for.
 */
class RandomBytecodePropertyTest {
    static final Address OTHER = Address.fromHex("0x00000000000000000000000000000000000000aa");

    /** Bytes biased towards real opcodes and small operands, so that programs get past their first instruction. */
    @Provide
    Arbitrary<byte[]> programs() {
        Arbitrary<byte[]> chunk = Arbitraries.oneOf(
                Arbitraries.integers().between(0, 255).map(i -> new byte[]{(byte) i.intValue()}),
                Arbitraries.integers().between(0, 64).map(v -> new byte[]{0x60, (byte) v.intValue()}),
                Arbitraries.of(new byte[]{0x60, 0x20}, new byte[]{0x60, (byte) 0xaa}, new byte[]{0x5f},
                        new byte[]{0x5a},
                        new byte[]{0x63, 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0xff},
                        new byte[]{0x7f, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
                                -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1}));
        return chunk.list().ofMinSize(0).ofMaxSize(120).map(RandomBytecodePropertyTest::concat);
    }

    @Provide
    Arbitrary<Long> gas() {
        return Arbitraries.longs().between(0, 3_000_000);
    }

    @Property(tries = 1500)
    void randomProgramsEndInAnEvmHaltAndKeepMemoryWithinGas(@ForAll("programs") byte[] code,
            @ForAll("programs") byte[] other,
            @ForAll("programs") byte[] input, @ForAll("gas") long gas, @ForAll boolean create) {
        EvmHarness h = new EvmHarness();
        h.deploy(EvmHarness.CONTRACT, code);
        h.world.put(OTHER, 1, BigInteger.valueOf(5), Bytes.wrap(other));
        long[] maxMemory = {0};
        Tracer tracer = new Tracer() {
            @Override
            public void onStep(StepView step) {
                maxMemory[0] = Math.max(maxMemory[0], step.memorySize());
            }
        };
        JournaledState st = new JournaledState(h.world);
        Message m = create
                ? Message.create(EvmHarness.SENDER, Address.fromHex("0x00000000000000000000000000000000000000cc"),
                        BigInteger.ONE,
                        Bytes.wrap(code), gas)
                : Message.call(EvmHarness.SENDER, EvmHarness.CONTRACT, BigInteger.ONE, Bytes.wrap(input), gas);
        ExecutionResult r = new Evm(Fork.CANCUN, tracer).execute(st, m, EvmHarness.BLOCK, EvmHarness.TX);
        assertThat(r.status()).isNotNull();
        assertThat(r.gasLeft()).isBetween(0L, gas);
        // 3 gas per word at least: memory can never exceed what the gas limit pays for.
        assertThat(maxMemory[0]).isLessThanOrEqualTo(32 * (gas / 3) + 32);
        st.finish();
    }

    /**
     * Programs made of the sequences the untraced loop runs as one step (PUSH1+MLOAD, PUSH1+MSTORE, PUSH2+JUMP,
     * PUSH2+JUMPI), jump destinations, memory and arithmetic opcodes, with short gas so that some run out inside them.
     */
    @Provide
    Arbitrary<byte[]> pairedPrograms() {
        Arbitrary<Integer> small = Arbitraries.integers().between(0, 0x60);
        Arbitrary<Integer> target = Arbitraries.integers().between(0, 80);
        Arbitrary<byte[]> chunk = Arbitraries.oneOf(
                small.map(x -> new byte[]{0x60, (byte) x.intValue(), 0x51}),
                small.map(x -> new byte[]{0x60, (byte) x.intValue(), 0x52}),
                small.map(x -> new byte[]{0x60, (byte) x.intValue(), 0x53}),
                target.map(x -> new byte[]{0x61, (byte) 0, (byte) x.intValue(), 0x57}),
                target.map(x -> new byte[]{0x61, (byte) 0, (byte) x.intValue(), 0x56}),
                small.map(x -> new byte[]{0x60, (byte) x.intValue()}),
                Arbitraries.of(new byte[]{0x5b}, new byte[]{0x5b}, new byte[]{0x5f}, new byte[]{0x50},
                        new byte[]{(byte) 0x80}, new byte[]{(byte) 0x90}, new byte[]{0x01}, new byte[]{0x02},
                        new byte[]{0x03}, new byte[]{0x04}, new byte[]{0x05}, new byte[]{0x15}, new byte[]{0x1c},
                        new byte[]{0x59}, new byte[]{0x5a}, new byte[]{0x5e}, new byte[]{0x61}, new byte[]{0x60}),
                Arbitraries.integers().between(0, 255).map(i -> new byte[]{(byte) i.intValue()}));
        return chunk.list().ofMinSize(0).ofMaxSize(60).map(RandomBytecodePropertyTest::concat);
    }

    /**
     * The untraced loop keeps the program counter, stack height and gas in locals and runs some opcode pairs as one
     * step; the traced loop runs every opcode through the table. Both must end every program the same way.
     */
    @Property(tries = 2000)
    void untracedAndTracedRunsAgree(@ForAll("pairedPrograms") byte[] code,
            @ForAll("programs") byte[] input, @ForAll boolean shortGas, @ForAll("gas") long gasDraw) {
        long gas = shortGas ? gasDraw % 400 : gasDraw;
        ExecutionResult fast = runOn(code, input, gas, null);
        ExecutionResult traced = runOn(code, input, gas, new Tracer() {
        });
        assertThat(fast.status()).isEqualTo(traced.status());
        assertThat(fast.gasLeft()).isEqualTo(traced.gasLeft());
        assertThat(fast.refund()).isEqualTo(traced.refund());
        assertThat(fast.output()).isEqualTo(traced.output());
        assertThat(List.copyOf(fast.logs())).isEqualTo(traced.logs());
    }

    private static ExecutionResult runOn(byte[] code, byte[] input, long gas, Tracer tracer) {
        EvmHarness h = new EvmHarness();
        h.deploy(EvmHarness.CONTRACT, code);
        Message m = Message.call(EvmHarness.SENDER, EvmHarness.CONTRACT, BigInteger.ONE, Bytes.wrap(input), gas);
        return new Evm(Fork.CANCUN, tracer).execute(new JournaledState(h.world), m, EvmHarness.BLOCK, EvmHarness.TX);
    }

    @Property(tries = 200)
    void theSameProgramGivesTheSameResultTwice(@ForAll("programs") byte[] code, @ForAll("gas") long gas) {
        EvmHarness h = new EvmHarness();
        ExecutionResult a = h.call(code, new byte[0], gas);
        ExecutionResult b = h.call(code, new byte[0], gas);
        assertThat(b.status()).isEqualTo(a.status());
        assertThat(b.gasLeft()).isEqualTo(a.gasLeft());
        assertThat(b.output()).isEqualTo(a.output());
        assertThat(List.copyOf(b.logs())).isEqualTo(a.logs());
    }

    private static byte[] concat(java.util.List<byte[]> parts) {
        return org.stele.common.Bytes.concat(parts.stream().map(org.stele.common.Bytes::wrap)
                .toArray(org.stele.common.Bytes[]::new)).toArray();
    }
}
