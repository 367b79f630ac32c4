package org.stele.execution.importer;

import org.stele.common.Address;
import org.stele.common.Bytes32;

/**
 * Senders this node has already recovered, by transaction hash: a transaction pool recovers each sender once, at
 * admission, and the importer need not recover it again for a block that carries the transaction. The hash covers the
 * signature, so a transaction with that hash has that sender.
 */
@FunctionalInterface
public interface KnownSenders {
    /** None known: every sender is recovered from its signature. */
    KnownSenders NONE = hash -> null;

    /** The sender of the transaction with {@code hash}, or null when this node has not recovered it. */
    Address senderOf(Bytes32 hash);
}
