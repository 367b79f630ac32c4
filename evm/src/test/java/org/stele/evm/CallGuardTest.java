package org.stele.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stele.evm.Opcode.CALL;
import static org.stele.evm.Opcode.CALLDATALOAD;
import static org.stele.evm.Opcode.CREATE;
import static org.stele.evm.Opcode.CREATE2;
import static org.stele.evm.Opcode.GAS;
import static org.stele.evm.Opcode.RETURNDATACOPY;
import static org.stele.evm.Opcode.RETURNDATASIZE;
import static org.stele.evm.Opcode.SELFDESTRUCT;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.crypto.Keccak256;
import org.stele.evm.state.JournaledState;

/**
 * The EVM asks a chain's guard before a call enters an account, before a creation lands at an address and before a
 * SELFDESTRUCT pays its beneficiary; a refused step reverts with the guard's data and nothing moves.
 */
class CallGuardTest {
    private static final Address BARRED = Address.fromHex("0x00000000000000000000000000000000000000bb");

    /** Refuses the addresses it holds, each kind of step with its own revert data, as a chain's freeze rule does. */
    private record Barred(Set<Address> addresses) implements CallGuard {
        @Override
        public byte[] refusal(Address address, Address codeAddress) {
            return addresses.contains(address) || addresses.contains(codeAddress) ? text("call " + address) : null;
        }

        @Override
        public byte[] creationRefusal(Address address) {
            return addresses.contains(address) ? text("create " + address) : null;
        }

        @Override
        public byte[] beneficiaryRefusal(Address beneficiary) {
            return addresses.contains(beneficiary) ? text("selfdestruct " + beneficiary) : null;
        }
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private final EvmHarness h = new EvmHarness();

    private ExecutionResult run(Address to, byte[] input, CallGuard guard) {
        h.lastState = new JournaledState(h.world);
        ExecutionResult r = new Evm(h.fork).execute(h.lastState,
                Message.call(EvmHarness.SENDER, to, BigInteger.ZERO, Bytes.wrap(input), 1_000_000), EvmHarness.BLOCK,
                EvmHarness.TX, guard);
        if (r.status().isSuccess())
            h.world.apply(h.lastState.finish());
        return r;
    }

    /** Runs {@code body} and then reverts with the return data of the step it made (a caller that bubbles reverts). */
    private static byte[] bubbling(Asm body) {
        return body.op(RETURNDATASIZE).push(0).push(0).op(RETURNDATACOPY).op(RETURNDATASIZE).push(0)
                .op(Opcode.REVERT).build();
    }

    @Test
    void aValueTransferByCallToABarredAccountRevertsAndMovesNothing() {
        h.world.put(EvmHarness.CONTRACT, 1, BigInteger.valueOf(100), Bytes.wrap(bubbling(Asm.code().push(0).push(0)
                .push(0).push(0).push(7).push(0).op(CALLDATALOAD).op(GAS, CALL))));

        ExecutionResult r = run(EvmHarness.CONTRACT, word(BARRED), new Barred(Set.of(BARRED)));

        assertThat(r.status()).isEqualTo(Status.REVERT);
        assertThat(r.output().toArray()).isEqualTo(text("call " + BARRED));
        assertThat(h.world.account(BARRED)).isNull();
    }

    @Test
    void aCreate2LandingAtABarredAddressRevertsWithTheGuardsReasonAndCreatesNothing() {
        // CREATE2 of the one-byte init code 0x00 (STOP) with salt 0, from memory that is all zeros.
        byte[] factory = bubbling(Asm.code().push(0).push(1).push(0).push(0).op(CREATE2));
        h.deploy(EvmHarness.CONTRACT, factory);
        Address target = Evm.create2Address(EvmHarness.CONTRACT, new byte[32], Keccak256.hash(new byte[1]));

        ExecutionResult refused = run(EvmHarness.CONTRACT, new byte[0], new Barred(Set.of(target)));

        assertThat(refused.status()).isEqualTo(Status.REVERT);
        assertThat(refused.output().toArray()).isEqualTo(text("create " + target));
        assertThat(h.lastState.finish().accounts()).noneMatch(c -> c.address().equals(target));
        assertThat(run(EvmHarness.CONTRACT, new byte[0], new Barred(Set.of(BARRED))).output().toArray())
                .as("the creation's return data when another address is barred").isEmpty();
    }

    @Test
    void aCreateLandingAtABarredAddressPushesZeroAndTheCallerGoesOn() {
        // create(0, 0, 1) and return what it pushed.
        byte[] factory = Asm.code().push(1).push(0).push(0).op(CREATE).returnTop().build();
        h.deploy(EvmHarness.CONTRACT, factory);
        Address target = Evm.createAddress(EvmHarness.CONTRACT, 1);

        ExecutionResult r = run(EvmHarness.CONTRACT, new byte[0], new Barred(Set.of(target)));

        assertThat(r.status()).isEqualTo(Status.SUCCESS);
        assertThat(EvmHarness.word(r)).isZero();
        assertThat(h.world.account(target)).isNull();
        assertThat(h.world.account(EvmHarness.CONTRACT).nonce()).as("the nonce is spent, as for a failed creation")
                .isEqualTo(2);
    }

    @Test
    void aCreatingMessageAtABarredAddressReverts() {
        Address target = Address.fromHex("0x00000000000000000000000000000000000000cc");
        h.lastState = new JournaledState(h.world);

        ExecutionResult r = new Evm(h.fork).execute(h.lastState,
                Message.create(EvmHarness.SENDER, target, BigInteger.ZERO, Bytes.of((byte) 0), 100_000),
                EvmHarness.BLOCK, EvmHarness.TX, new Barred(Set.of(target)));

        assertThat(r.status()).isEqualTo(Status.REVERT);
        assertThat(r.gasLeft()).isEqualTo(100_000);
        assertThat(r.output().toArray()).isEqualTo(text("create " + target));
    }

    @Test
    void aSelfDestructPayingABarredBeneficiaryRevertsAndTheBalanceStays() {
        h.world.put(EvmHarness.CONTRACT, 1, BigInteger.valueOf(100),
                Bytes.wrap(Asm.code().push(0).op(CALLDATALOAD, SELFDESTRUCT).build()));

        ExecutionResult refused = run(EvmHarness.CONTRACT, word(BARRED), new Barred(Set.of(BARRED)));

        assertThat(refused.status()).isEqualTo(Status.REVERT);
        assertThat(refused.output().toArray()).isEqualTo(text("selfdestruct " + BARRED));
        assertThat(h.world.account(EvmHarness.CONTRACT).balance()).isEqualTo(100);

        assertThat(run(EvmHarness.CONTRACT, word(BARRED), null).status()).as("without a guard")
                .isEqualTo(Status.SUCCESS);
        assertThat(h.world.account(BARRED).balance()).isEqualTo(100);
    }

    private static byte[] word(Address a) {
        byte[] w = new byte[32];
        System.arraycopy(a.toArray(), 0, w, 12, 20);
        return w;
    }
}
