package org.stele.evm;

import java.util.List;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;

/** A log record emitted by LOG0..LOG4. */
public record Log(Address address, List<Bytes32> topics, Bytes data) {
    public Log {
        topics = List.copyOf(topics);
    }
}
