package org.stele.evm;

import java.math.BigInteger;
import java.util.List;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.evm.state.JournaledState;

/** Runs code on an {@link InMemoryWorld} the way a transaction would. */
final class EvmHarness {
    static final Address SENDER = Address.fromHex("0x1000000000000000000000000000000000000001");
    static final Address CONTRACT = Address.fromHex("0x2000000000000000000000000000000000000002");
    static final BlockContext BLOCK = new BlockContext(Address.fromHex("0x3000000000000000000000000000000000000003"),
            1000, 1_700_000_000L, 30_000_000,
            BigInteger.valueOf(7), BigInteger.ZERO, Bytes32.ZERO, 1, BigInteger.ONE);
    static final TxContext TX = new TxContext(SENDER, BigInteger.TEN, List.of());

    final InMemoryWorld world = new InMemoryWorld();
    final Fork fork;
    JournaledState lastState;

    EvmHarness(Fork fork) {
        this.fork = fork;
        world.put(SENDER, 0, BigInteger.TEN.pow(24), Bytes.EMPTY);
    }

    EvmHarness() {
        this(Fork.CANCUN);
    }

    EvmHarness deploy(Address a, byte[] code) {
        world.put(a, 1, BigInteger.ZERO, Bytes.wrap(code));
        return this;
    }

    ExecutionResult call(byte[] code, byte[] input, long gas) {
        deploy(CONTRACT, code);
        return call(CONTRACT, input, gas);
    }

    ExecutionResult call(Address to, byte[] input, long gas) {
        lastState = new JournaledState(world);
        return new Evm(fork).execute(lastState, Message.call(SENDER, to, BigInteger.ZERO, Bytes.wrap(input), gas),
                BLOCK, TX);
    }

    ExecutionResult callAndCommit(Address to, byte[] input, long gas) {
        ExecutionResult r = call(to, input, gas);
        world.apply(lastState.finish());
        return r;
    }

    static BigInteger word(ExecutionResult r) {
        return new BigInteger(1, r.output().unsafeArray());
    }
}
