package org.stele.evm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stele.evm.Opcode.ADD;
import static org.stele.evm.Opcode.ADDRESS;
import static org.stele.evm.Opcode.CALL;
import static org.stele.evm.Opcode.CALLDATALOAD;
import static org.stele.evm.Opcode.CREATE2;
import static org.stele.evm.Opcode.DUP1;
import static org.stele.evm.Opcode.GAS;
import static org.stele.evm.Opcode.MSTORE;
import static org.stele.evm.Opcode.POP;
import static org.stele.evm.Opcode.RETURN;
import static org.stele.evm.Opcode.REVERT;
import static org.stele.evm.Opcode.SELFDESTRUCT;
import static org.stele.evm.Opcode.SLOAD;
import static org.stele.evm.Opcode.SSTORE;
import static org.stele.evm.Opcode.STATICCALL;
import static org.stele.evm.Opcode.STOP;
import static org.stele.evm.Opcode.SUB;
import static org.stele.evm.Opcode.SWAP1;
import static org.stele.evm.Opcode.TLOAD;
import static org.stele.evm.Opcode.TSTORE;

import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Hex;
import org.stele.evm.state.AccountChange;
import org.stele.evm.state.ChangeSet;

class CallsAndStateTest {
    static Bytes32 slot(long v) {
        return Word.of(v).toBytes32();
    }

    /** Stores 1 at key = call depth (taken from calldata), then calls itself with depth + 1. */
    static byte[] recursiveCaller() {
        return Asm.code().push(0).op(CALLDATALOAD) // d = calldata[0]
                .op(DUP1).push(1).op(SWAP1, SSTORE) // sstore(d, 1)
                .push(1).op(ADD).push(0).op(MSTORE) // mem[0] = d + 1
                .push(0).push(0).push(32).push(0).push(0).op(ADDRESS, GAS, CALL) // call(gas, self, 0, 0, 32, 0, 0)
                .op(STOP).build();
    }

    @Test
    void aCallChain1024DeepRunsOnASmallJavaStack() throws Exception {
        EvmHarness h = new EvmHarness();
        h.deploy(EvmHarness.CONTRACT, recursiveCaller());
        AtomicReference<ExecutionResult> result = new AtomicReference<>();
        Thread t = new Thread(null, () -> result.set(h.callAndCommit(EvmHarness.CONTRACT, new byte[0], 1L << 45)),
                "small-stack", 128 * 1024);
        t.start();
        t.join();
        assertThat(result.get().status()).isEqualTo(Status.SUCCESS);
        // Frames at depths 0..1024 each stored their depth; the call from depth 1024 fails on the depth limit.
        assertThat(h.world.storage(EvmHarness.CONTRACT, slot(1024))).isEqualTo(slot(1));
        assertThat(h.world.storage(EvmHarness.CONTRACT, slot(1025))).isEqualTo(Bytes32.ZERO);
    }

    @Test
    void sstoreOfAFreshSlotCostsColdAccessPlusSet() {
        byte[] code = Asm.code().push(1).push(0).op(SSTORE, STOP).build();
        ExecutionResult r = new EvmHarness().call(code, new byte[0], 100_000);
        assertThat(r.status()).isEqualTo(Status.SUCCESS);
        assertThat(100_000 - r.gasLeft()).isEqualTo(3 + 3 + 2100 + 20000);
    }

    @Test
    void clearingASlotRefundsPerEip3529() {
        EvmHarness h = new EvmHarness();
        h.deploy(EvmHarness.CONTRACT, Asm.code().push(0).push(0).op(SSTORE, STOP).build());
        h.world.putStorage(EvmHarness.CONTRACT, slot(0), slot(5));
        ExecutionResult r = h.call(EvmHarness.CONTRACT, new byte[0], 100_000);
        assertThat(100_000 - r.gasLeft()).isEqualTo(3 + 3 + 2100 + 2900);
        assertThat(r.refund()).isEqualTo(4800);
    }

    @Test
    void revertUndoesStorageAndReturnsData() {
        byte[] code = Asm.code().push(7).push(0).op(SSTORE).push(0xAB).push(0).op(MSTORE).push(32).push(0).op(REVERT)
                .build();
        EvmHarness h = new EvmHarness();
        ExecutionResult r = h.call(code, new byte[0], 100_000);
        assertThat(r.status()).isEqualTo(Status.REVERT);
        assertThat(EvmHarness.word(r)).isEqualTo(BigInteger.valueOf(0xAB));
        assertThat(r.gasLeft()).isPositive();
        ChangeSet cs = h.lastState.finish();
        assertThat(cs.accounts()).allSatisfy(c -> assertThat(c.storage()).isEmpty());
    }

    @Test
    void invalidOpcodeConsumesAllGas() {
        ExecutionResult r = new EvmHarness().call(new byte[]{(byte) 0xFE}, new byte[0], 50_000);
        assertThat(r.status()).isEqualTo(Status.INVALID_OPCODE);
        assertThat(r.gasLeft()).isZero();
    }

    @Test
    void jumpIntoPushDataIsInvalid() {
        // PUSH1 3, JUMP, PUSH1 0x5b: offset 3 is push data that happens to be 0x5b.
        ExecutionResult r = new EvmHarness().call(Hex.decode("600356605b"), new byte[0], 50_000);
        assertThat(r.status()).isEqualTo(Status.INVALID_JUMP);
    }

    @Test
    void createAddressesMatchKnownVectors() {
        Address sender = Address.fromHex("0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0");
        assertThat(Evm.createAddress(sender, 0))
                .isEqualTo(Address.fromHex("0xcd234a471b72ba2f1ccf0a70fcaba648a5eecd8d"));
        assertThat(Evm.createAddress(sender, 1))
                .isEqualTo(Address.fromHex("0x343c43a37d37dff08ae8c4a11544c718abb4fcf8"));
        // EIP-1014 example 1.
        assertThat(
                Evm.create2Address(Address.ZERO, new byte[32], org.stele.common.crypto.Keccak256.hash(new byte[]{0})))
                .isEqualTo(Address.fromHex("0x4d1a2e2bb4f88f0250f26ffff098b0b30b26bf38"));
    }

    @Test
    void createDeploysReturnedCodeAndCreate2IsDeterministic() {
        // init code: returns the 1-byte runtime 0x00 (STOP)
        byte[] init = Asm.code().push(1).push(0).op(RETURN).build(); // RETURN(0, 1): memory[0] = 0
        byte[] factory = Asm.code()
                .push(Bytes.wrap(init).toArray().length == 5 ? new BigInteger(1, init) : BigInteger.ZERO).push(0)
                .op(MSTORE) // mem[0..32] = init
                .push(42).push(init.length).push(32 - init.length).push(0).op(CREATE2) // create2(0, 27, 5, 42)
                .returnTop().build();
        EvmHarness h = new EvmHarness();
        ExecutionResult r = h.call(factory, new byte[0], 1_000_000);
        assertThat(r.status()).isEqualTo(Status.SUCCESS);
        byte[] salt = new byte[32];
        salt[31] = 42;
        Address expected = Evm.create2Address(EvmHarness.CONTRACT, salt, org.stele.common.crypto.Keccak256.hash(init));
        assertThat(Address.wrap(java.util.Arrays.copyOfRange(r.output().toArray(), 12, 32))).isEqualTo(expected);
        ChangeSet cs = h.lastState.finish();
        AccountChange created = cs.accounts().stream().filter(c -> c.address().equals(expected)).findFirst()
                .orElseThrow();
        assertThat(created.info().nonce()).isEqualTo(1);
        assertThat(created.code()).isEqualTo(Bytes.of((byte) 0));
    }

    @Test
    void transientStorageLivesForTheTransactionOnly() {
        // tstore(0, tload(0)+1)
        byte[] code = Asm.code().push(0).op(TLOAD).push(1).op(ADD, DUP1).push(0).op(TSTORE).returnTop().build();
        EvmHarness h = new EvmHarness();
        h.deploy(EvmHarness.CONTRACT, code);
        assertThat(EvmHarness.word(h.callAndCommit(EvmHarness.CONTRACT, new byte[0], 100_000)))
                .isEqualTo(BigInteger.ONE);
        assertThat(EvmHarness.word(h.callAndCommit(EvmHarness.CONTRACT, new byte[0], 100_000)))
                .isEqualTo(BigInteger.ONE);
    }

    @Test
    void selfDestructOfAnOldContractOnlyMovesItsBalance() {
        Address beneficiary = Address.fromHex("0x00000000000000000000000000000000000000bb");
        EvmHarness h = new EvmHarness();
        h.world.put(EvmHarness.CONTRACT, 1, BigInteger.valueOf(100),
                Bytes.wrap(Asm.code().push(0xbb).op(SELFDESTRUCT).build()));
        ExecutionResult r = h.callAndCommit(EvmHarness.CONTRACT, new byte[0], 100_000);
        assertThat(r.status()).isEqualTo(Status.SUCCESS);
        assertThat(h.world.account(EvmHarness.CONTRACT)).isNotNull();
        assertThat(h.world.account(EvmHarness.CONTRACT).balance()).isZero();
        assertThat(h.world.account(beneficiary).balance()).isEqualTo(100);
    }

    @Test
    void staticCallRejectsStateChanges() {
        Address target = Address.fromHex("0x00000000000000000000000000000000000000dd");
        EvmHarness h = new EvmHarness();
        h.deploy(target, Asm.code().push(1).push(0).op(SSTORE, STOP).build());
        byte[] caller = Asm.code().push(0).push(0).push(0).push(0).push(0xdd).op(GAS, STATICCALL).returnTop().build();
        ExecutionResult r = h.call(caller, new byte[0], 200_000);
        assertThat(r.status()).isEqualTo(Status.SUCCESS);
        assertThat(EvmHarness.word(r)).isZero();
    }

    @Test
    void slotsWarmedBeforeACreationStayWarm() {
        Address created = Address.fromHex("0x00000000000000000000000000000000000000ee");
        EvmHarness h = new EvmHarness();
        // init code: sload(1); measures the gas of the SLOAD with GAS before and after.
        byte[] init = Asm.code().op(GAS).push(1).op(SLOAD, POP, GAS, SWAP1, SUB).push(5).op(SSTORE, STOP).build();
        org.stele.evm.state.JournaledState st = new org.stele.evm.state.JournaledState(h.world);
        st.warmSlot(created, Word.of(1).toBytes32());
        ExecutionResult r = new Evm(org.stele.common.Fork.CANCUN).execute(st,
                Message.create(EvmHarness.SENDER, created, BigInteger.ZERO, Bytes.wrap(init), 100_000),
                EvmHarness.BLOCK, EvmHarness.TX);
        assertThat(r.status()).isEqualTo(Status.SUCCESS);
        // PUSH1 (3) + SLOAD warm (100) + POP (2) + GAS (2), stored at slot 5 of the new contract
        AccountChange c = st.finish().accounts().stream().filter(a -> a.address().equals(created)).findFirst()
                .orElseThrow();
        assertThat(c.storage()).containsEntry(slot(5), slot(107));
    }

    @Test
    void createAddressTakesNoncesAbove2To63() {
        Address sender = Address.fromHex("0x6ac7ea33f8831ea9dcc53393aaa88b25a785dbf0");
        assertThat(Evm.createAddress(sender, -2L)).isNotEqualTo(Evm.createAddress(sender, Long.MAX_VALUE));
    }
}
