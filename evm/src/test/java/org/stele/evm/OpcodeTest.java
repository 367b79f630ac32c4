package org.stele.evm;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.stele.common.Fork;
import org.stele.evm.state.JournaledState;

class OpcodeTest {
    @Test
    void everyConstantNamesTheOpcodeWhoseMnemonicItIs() throws IllegalAccessException {
        List<Integer> codes = new ArrayList<>();
        for (Field field : Opcode.class.getDeclaredFields()) {
            if (field.getType() != int.class || !Modifier.isStatic(field.getModifiers()))
                continue;
            int code = field.getInt(null);
            assertThat(Opcode.of(code)).as(field.getName()).isNotNull();
            assertThat(Opcode.of(code).mnemonic()).isEqualTo(field.getName());
            assertThat(Opcode.of(code).code()).isEqualTo(code);
            codes.add(code);
        }
        long defined = java.util.stream.IntStream.range(0, 256).filter(b -> Opcode.of(b) != null).count();
        assertThat(codes).doesNotHaveDuplicates().hasSize((int) defined);
    }

    @Test
    void cancunDefinesOneHundredAndFortyNineOpcodes() {
        long defined = java.util.stream.IntStream.range(0, 256)
                .filter(b -> Opcode.of(b) != null && Opcode.of(b).isDefinedIn(Fork.CANCUN)).count();
        assertThat(defined).isEqualTo(149);
    }

    @Test
    void opcodesAreUndefinedBeforeTheForkThatIntroducedThem() {
        assertThat(Opcode.of(Opcode.PUSH0).isDefinedIn(Fork.PARIS)).isFalse();
        assertThat(Opcode.of(Opcode.PUSH0).isDefinedIn(Fork.SHANGHAI)).isTrue();
        assertThat(Opcode.of(Opcode.BASEFEE).isDefinedIn(Fork.BERLIN)).isFalse();
        assertThat(Opcode.of(Opcode.BASEFEE).isDefinedIn(Fork.LONDON)).isTrue();
        assertThat(Opcode.of(Opcode.TLOAD).isDefinedIn(Fork.SHANGHAI)).isFalse();
        assertThat(Opcode.of(Opcode.MCOPY).isDefinedIn(Fork.CANCUN)).isTrue();
    }

    @Test
    void stackEffectsFollowTheYellowPaper() {
        assertThat(Opcode.of(Opcode.ADDMOD)).extracting(Opcode::inputs, Opcode::outputs).containsExactly(3, 1);
        assertThat(Opcode.of(Opcode.DUP16)).extracting(Opcode::inputs, Opcode::outputs).containsExactly(16, 17);
        assertThat(Opcode.of(Opcode.SWAP1)).extracting(Opcode::inputs, Opcode::outputs).containsExactly(2, 2);
        assertThat(Opcode.of(Opcode.LOG4)).extracting(Opcode::inputs, Opcode::outputs).containsExactly(6, 0);
        assertThat(Opcode.of(Opcode.CALL).stackGrowth()).isEqualTo(-6);
        assertThat(Opcode.of(Opcode.LOG2).staticGas()).isEqualTo(1125);
    }

    @Property
    void onlyPushesHaveImmediateData(@ForAll @IntRange(min = 0, max = 255) int code) {
        Opcode op = Opcode.of(code);
        int expected = op != null && op.mnemonic().startsWith("PUSH")
                ? Integer.parseInt(op.mnemonic().substring(4))
                : 0;
        assertThat(Opcode.immediateSize(code)).isEqualTo(expected);
        if (op != null)
            assertThat(op.immediateSize()).isEqualTo(expected);
    }

    @Test
    void undefinedBytesPrintAsGethPrintsThem() {
        assertThat(Opcode.mnemonic(0x0C)).isEqualTo("opcode 0x0c not defined");
        assertThat(Opcode.mnemonic(Opcode.KECCAK256)).isEqualTo("KECCAK256");
    }

    @Test
    void aJumpdestInsidePushDataIsNoJumpDestination() {
        byte[] code = {(byte) Opcode.PUSH2, (byte) Opcode.JUMPDEST, (byte) Opcode.JUMPDEST, (byte) Opcode.JUMPDEST};
        long[] dests = JournaledState.analyse(code);
        assertThat(dests[0]).isEqualTo(1L << 3);
    }
}
