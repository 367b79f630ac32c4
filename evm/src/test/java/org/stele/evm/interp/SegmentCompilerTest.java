package org.stele.evm.interp;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.stele.common.Fork;
import org.stele.common.Hex;

class SegmentCompilerTest {
    private static final GasSchedule CANCUN = GasSchedule.of(Fork.CANCUN);

    private static SegmentCompiler compiler() {
        int[] pops = new int[256], maxHeight = new int[256], growth = new int[256];
        OpTable.build(CANCUN, pops, maxHeight, growth);
        return new SegmentCompiler(CANCUN.opGas, pops, maxHeight, growth);
    }

    @Test
    void theBodyOfAnArithmeticLoopBecomesOneSegmentWithItsGasBoundsAndEnd() {
        // JUMPDEST SWAP1 PUSH32 K MUL PUSH1 7 ADD DUP1 PUSH1 13 SHR XOR PUSH2 0 | JUMPI
        byte[] code = Hex.decode("5b907f9e3779b97f4a7c15f39cc0605cedc8341082276bf3a27251f86c6a11d0c18e95"
                + "0260070180600d1c18" + "61000057");
        Segment seg = compiler().compile(code, 1);

        assertThat(seg).isNotSameAs(Segment.NONE);
        assertThat(seg.opcodes).isEqualTo(10);
        assertThat(seg.endPc).isEqualTo(code.length - 1);
        assertThat(seg.gas).isEqualTo(3 + 3 + 5 + 3 + 3 + 3 + 3 + 3 + 3 + 3);
        assertThat(seg.growth).isEqualTo(1);
        assertThat(seg.minHeight).isEqualTo(2); // SWAP1 needs two words
        assertThat(seg.maxHeight).isEqualTo(1022); // PUSH1 13 starts one word above the entry
    }

    @Test
    void aCompiledSegmentComputesWhatTheOpcodesDo() {
        // PUSH1 6 PUSH1 7 MUL PUSH32 (2^255 + 1) ADD DUP1 SWAP2 POP, on a stack holding 99
        byte[] code = Hex.decode("5b6006600702" + "7f8000000000000000000000000000000000000000000000000000000000000001"
                + "01809150");
        Segment seg = compiler().compile(code, 1);
        long[] s = new long[4096];
        U256.set(s, 0, 99); // one word below the segment's
        seg.code.run(s, 4, new byte[0]);

        // [99] -> [99, 42] -> [99, S] -> [99, S, S] -> SWAP2 [S, S, 99] -> POP [S, S]
        assertThat(seg.growth).isEqualTo(1);
        BigInteger sum = BigInteger.ONE.shiftLeft(255).add(BigInteger.valueOf(43));
        assertThat(U256Bytes.toBig(s, 0)).isEqualTo(sum);
        assertThat(U256Bytes.toBig(s, 4)).isEqualTo(sum);
    }

    @Test
    void aRunShorterThanFourOpcodesIsNotCompiled() {
        assertThat(compiler().compile(Hex.decode("5b600101" + "56"), 1)).isSameAs(Segment.NONE);
    }

    @Test
    void aPushCutShortByTheEndOfTheCodeEndsTheSegmentBeforeIt() {
        Segment seg = compiler().compile(Hex.decode("5b5f5f5f5f" + "61ff"), 1);
        assertThat(seg.opcodes).isEqualTo(4);
        assertThat(seg.endPc).isEqualTo(5);
    }

    @Test
    void immediatesBecomeLimbsLeastSignificantFirst() {
        byte[] imm = new byte[32];
        for (int i = 0; i < 32; i++)
            imm[i] = (byte) (i + 1);
        long[] limbs = SegmentCompiler.immediate(imm, 0, 32);
        assertThat(limbs[0]).isEqualTo(0x191a1b1c1d1e1f20L);
        assertThat(limbs[3]).isEqualTo(0x0102030405060708L);
        assertThat(SegmentCompiler.immediate(new byte[]{(byte) 0xab, (byte) 0xcd}, 0, 2)[0]).isEqualTo(0xabcdL);
    }

    @Test
    void aPushThenMemoryOpcodeBecomesOneConstantOffsetAccessAndSetsTheMemoryTheSegmentNeeds() {
        // JUMPDEST PUSH1 0x40 MLOAD PUSH1 0x20 MSTORE PUSH0 PUSH2 0x0100 MSTORE8
        byte[] code = Hex.decode("5b" + "604051" + "602052" + "5f" + "61010053");
        Segment seg = compiler().compile(code, 1);

        assertThat(seg.opcodes).isEqualTo(7);
        assertThat(seg.memory).isEqualTo(288); // 0x100 + 1 byte, rounded up to whole words
        assertThat(seg.growth).isEqualTo(0);
        assertThat(seg.minHeight).isEqualTo(0);
        assertThat(seg.gas).isEqualTo(3 + 3 + 3 + 3 + 2 + 3 + 3);
        byte[] memory = new byte[288];
        memory[0x5F] = 7; // the word at 0x40 is 7
        long[] s = new long[4096];
        seg.code.run(s, 0, memory);
        assertThat(memory[0x3F]).isEqualTo((byte) 7); // MLOAD 0x40, then MSTORE at 0x20
        assertThat(memory[0x100]).isEqualTo((byte) 0); // PUSH0 stored as one byte
    }
}
