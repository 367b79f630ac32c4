package org.stele.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stele.evm.Opcode.CALL;
import static org.stele.evm.Opcode.GAS;
import static org.stele.evm.Opcode.MSTORE;
import static org.stele.evm.Opcode.SLOAD;
import static org.stele.evm.Opcode.STOP;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.evm.state.JournaledState;
import org.stele.evm.tracing.StepView;
import org.stele.evm.tracing.Tracer;

class TracerTest {
    @Test
    void tracerSeesEveryStepAndEveryCallWithDepth() {
        Address callee = Address.fromHex("0x00000000000000000000000000000000000000dd");
        EvmHarness h = new EvmHarness();
        h.deploy(callee, Asm.code().push(1).op(STOP).build()); // PUSH1 1, STOP
        byte[] caller = Asm.code().push(0).push(0).push(0).push(0).push(0).push(0xdd).op(GAS, CALL, STOP).build();
        h.deploy(EvmHarness.CONTRACT, caller);
        List<String> events = new ArrayList<>();
        Tracer t = new Tracer() {
            @Override
            public void onStep(StepView s) {
                events.add("step " + s.depth() + " " + Integer.toHexString(s.opcode()) + " sp=" + s.stackSize());
            }

            @Override
            public void onCallEnter(int depth, int opcode, Address from, Address to, BigInteger value, Bytes input,
                    long gas) {
                events.add("enter " + depth + " " + Integer.toHexString(opcode) + " " + to.toHex());
            }

            @Override
            public void onCallExit(int depth, Status status, Bytes output, long gasUsed) {
                events.add("exit " + depth + " " + status);
            }
        };
        ExecutionResult r = new Evm(Fork.CANCUN, t).execute(new JournaledState(h.world),
                Message.call(EvmHarness.SENDER, EvmHarness.CONTRACT, BigInteger.ZERO, Bytes.EMPTY, 100_000),
                EvmHarness.BLOCK, EvmHarness.TX);
        assertThat(r.status()).isEqualTo(Status.SUCCESS);
        assertThat(events).containsExactly("enter 0 f1 " + EvmHarness.CONTRACT.toHex(), "step 0 60 sp=0",
                "step 0 60 sp=1", "step 0 60 sp=2", "step 0 60 sp=3",
                "step 0 60 sp=4", "step 0 60 sp=5", "step 0 5a sp=6", "step 0 f1 sp=7", "enter 1 f1 " + callee.toHex(),
                "step 1 60 sp=0", "step 1 0 sp=1",
                "exit 1 SUCCESS", "step 0 0 sp=1", "exit 0 SUCCESS");
    }

    @Test
    void aStepShowsMemoryReturnDataAndTheSlotsCurrentValue() {
        EvmHarness h = new EvmHarness();
        h.world.putStorage(EvmHarness.CONTRACT, Bytes32.ZERO, Bytes32.leftPad(new byte[]{9}));
        // PUSH1 0x2a PUSH1 0 MSTORE, PUSH1 0 SLOAD, STOP
        h.deploy(EvmHarness.CONTRACT, Asm.code().push(0x2a).push(0).op(MSTORE).push(0).op(SLOAD, STOP).build());
        List<String> seen = new ArrayList<>();
        Tracer t = new Tracer() {
            @Override
            public void onStep(StepView s) {
                if (s.opcode() == SLOAD) {
                    seen.add(Bytes.wrap(s.memory()).toHex());
                    seen.add(s.storage(Bytes32.ZERO).toHex());
                    seen.add(Bytes.wrap(s.returnData()).toHex());
                }
            }
        };
        ExecutionResult r = new Evm(Fork.CANCUN, t).execute(new JournaledState(h.world),
                Message.call(EvmHarness.SENDER, EvmHarness.CONTRACT, BigInteger.ZERO, Bytes.EMPTY, 100_000),
                EvmHarness.BLOCK, EvmHarness.TX);
        assertThat(r.status()).isEqualTo(Status.SUCCESS);
        assertThat(100_000 - r.gasLeft()).as("reading the slot for the tracer leaves it cold")
                .isEqualTo(3 + 3 + 6 + 3 + 2100);
        assertThat(seen).containsExactly(Bytes32.leftPad(new byte[]{0x2a}).toHex(),
                Bytes32.leftPad(new byte[]{9}).toHex(), "0x");
    }
}
