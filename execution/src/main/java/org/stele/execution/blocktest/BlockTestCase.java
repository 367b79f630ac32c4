package org.stele.execution.blocktest;

import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.execution.statetest.FixtureAccount;

/**
 * One blockchain test.
 *
 * @param postState
 *            the expected accounts at the head, or null when the fixture gives only {@code postStateHash}
 * @param postStateHash
 *            the expected state root at the head, or null when the fixture gives {@code postState}
 */
public record BlockTestCase(String name, Path file, String network, Bytes genesisRlp,
        SortedMap<Address, FixtureAccount> pre, List<FixtureBlock> blocks, Bytes32 lastBlockHash,
        SortedMap<Address, FixtureAccount> postState, Bytes32 postStateHash) {
    public BlockTestCase {
        blocks = List.copyOf(blocks);
    }
}
