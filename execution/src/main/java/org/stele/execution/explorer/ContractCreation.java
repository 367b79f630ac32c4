package org.stele.execution.explorer;

import java.util.Optional;
import org.stele.common.Address;
import org.stele.common.Bytes32;

/**
 * Where a contract came from: the transaction that deployed it and, when that transaction itself was the creation,
 * its sender. A contract deployed by CREATE or CREATE2 inside a transaction has its direct creator (the factory)
 * found by replaying that transaction, so {@code creator} is empty for it.
 */
public record ContractCreation(Bytes32 transactionHash, Optional<Address> creator) {}
