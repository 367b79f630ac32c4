package org.stele.execution;

import java.math.BigInteger;
import java.util.List;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.evm.BlockContext;
import org.stele.evm.Evm;
import org.stele.evm.Message;
import org.stele.evm.TxContext;
import org.stele.evm.state.JournaledState;
import org.stele.state.WorldState;

/**
 * EIP-4788's system call at the start of a Cancun block: the system address calls the beacon-roots contract with the
 * header's parent beacon block root, outside any transaction and without gas accounting. A chain without the contract
 * is left unchanged. Block building and block import both make it, so that they agree on every state root. Not
 * thread-safe (it holds an EVM): one per builder or importer.
 */
public final class BeaconRootCall {
    public static final Address SYSTEM_ADDRESS = Address.fromHex("0xfffffffffffffffffffffffffffffffffffffffe");
    public static final Address BEACON_ROOTS_ADDRESS = Address.fromHex("0x000f3df6d732807ef1319fb7b8bb8522d0beac02");
    private static final long SYSTEM_CALL_GAS = 30_000_000L;

    private final Fork fork;
    private final Evm evm;

    public BeaconRootCall(Fork fork) {
        this.fork = fork;
        this.evm = new Evm(fork);
    }

    public void apply(WorldState world, BlockContext block, Bytes32 parentBeaconBlockRoot) {
        if (!fork.isAtLeast(Fork.CANCUN))
            return;
        JournaledState state = new JournaledState(world);
        evm.execute(state, Message.call(SYSTEM_ADDRESS, BEACON_ROOTS_ADDRESS, BigInteger.ZERO,
                Bytes.wrap(parentBeaconBlockRoot.unsafeArray()), SYSTEM_CALL_GAS), block,
                new TxContext(SYSTEM_ADDRESS, BigInteger.ZERO, List.of()));
        world.apply(state.finish());
    }
}
