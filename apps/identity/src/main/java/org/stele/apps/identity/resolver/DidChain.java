package org.stele.apps.identity.resolver;

import java.util.List;
import java.util.OptionalLong;
import org.stele.common.Address;

/**
 * What resolution reads from a chain: the node's own store and {@link DidIndex}, or any node's JSON-RPC
 * ({@link RpcDidChain}).
 */
public interface DidChain {
    long chainId();

    /** The number of the newest block. */
    long headNumber();

    /** A block's timestamp in seconds, or empty when there is no such block. */
    OptionalLong timestamp(long block);

    /**
     * The identity's registry events in chain order.
     *
     * @throws UnavailableException
     *             when the history cannot be read now (an index still being built, a node not answering)
     */
    List<DidEvent> history(Address identity);

    /** The chain cannot answer now; the message says why in one line. */
    final class UnavailableException extends RuntimeException {
        public UnavailableException(String message) {
            super(message);
        }
    }
}
