package org.stele.p2p.message;

import java.util.List;
import java.util.Objects;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;

/**
 * A message between two nodes. {@link Hello} and {@link Disconnect} belong to the session and are handled by the
 * transport; the others are what the node sends and receives. Wire codes and encodings are in docs/network.md.
 */
public sealed interface Message {
    /** Most items a range request may ask for, and a response or batch may carry. */
    int MAX_RANGE = 1024;

    /** The first message on a connection, in both directions. */
    record Hello(int protocolVersion, long chainId, Bytes32 genesisHash, long headNumber, Bytes32 headHash)
            implements
                Message {
        public Hello {
            Objects.requireNonNull(genesisHash);
            Objects.requireNonNull(headHash);
            if (protocolVersion < 0 || chainId < 0 || headNumber < 0)
                throw new IllegalArgumentException("hello fields are non-negative");
        }
    }

    /** The last message on a connection: why the sender is closing it. */
    record Disconnect(DisconnectReason reason, String detail) implements Message {
        /** Longest detail text carried on the wire, in UTF-8 bytes. */
        public static final int MAX_DETAIL = 256;

        public Disconnect {
            Objects.requireNonNull(reason);
            Objects.requireNonNull(detail);
        }
    }

    /** A QBFT message in the consensus module's standard RLP (byte-identical to Besu's and GoQuorum's). */
    record QbftMessage(Bytes payload) implements Message {
        public QbftMessage {
            Objects.requireNonNull(payload);
        }
    }

    /** Raw signed transactions (as in {@code eth_sendRawTransaction}), gossiped in batches. */
    record Transactions(List<Bytes> transactions) implements Message {
        public Transactions {
            transactions = List.copyOf(transactions);
            if (transactions.isEmpty() || transactions.size() > MAX_RANGE)
                throw new IllegalArgumentException("a transaction batch holds 1 to " + MAX_RANGE + " transactions");
        }
    }

    /**
     * Hashes of transactions the sender holds and the receiver may lack (it relays what it got from another peer by
     * hash, not in full); the receiver asks for the ones it misses with {@link GetTransactions}.
     */
    record TransactionHashes(List<Bytes32> hashes) implements Message {
        public TransactionHashes {
            hashes = checkHashes(hashes);
        }
    }

    /** Asks for the transactions with these hashes; the answer is a {@link Transactions} of those the peer holds. */
    record GetTransactions(List<Bytes32> hashes) implements Message {
        public GetTransactions {
            hashes = checkHashes(hashes);
        }
    }

    /** A block the sender has imported (its head moved). */
    record NewBlock(long number, Bytes32 hash) implements Message {
        public NewBlock {
            Objects.requireNonNull(hash);
            if (number < 0)
                throw new IllegalArgumentException("block number is non-negative");
        }
    }

    /** Asks for the RLP headers of blocks {@code from} to {@code from + count - 1}. */
    record GetHeaders(long requestId, long from, int count) implements Message {
        public GetHeaders {
            checkRange(requestId, from, count);
        }
    }

    /** The headers asked for by {@code requestId}, in ascending order; fewer when the sender has fewer. */
    record Headers(long requestId, List<Bytes> headers) implements Message {
        public Headers {
            headers = checkItems(requestId, headers);
        }
    }

    /** Asks for the RLP bodies of blocks {@code from} to {@code from + count - 1}. */
    record GetBodies(long requestId, long from, int count) implements Message {
        public GetBodies {
            checkRange(requestId, from, count);
        }
    }

    /** The bodies asked for by {@code requestId}, in ascending order; fewer when the sender has fewer. */
    record Bodies(long requestId, List<Bytes> bodies) implements Message {
        public Bodies {
            bodies = checkItems(requestId, bodies);
        }
    }

    private static List<Bytes32> checkHashes(List<Bytes32> hashes) {
        hashes = List.copyOf(hashes);
        if (hashes.isEmpty() || hashes.size() > MAX_RANGE)
            throw new IllegalArgumentException("a list of transaction hashes holds 1 to " + MAX_RANGE + " hashes");
        return hashes;
    }

    private static void checkRange(long requestId, long from, int count) {
        if (requestId < 0 || from < 0 || count < 1 || count > MAX_RANGE)
            throw new IllegalArgumentException("a range request has a non-negative id and start and 1 to "
                    + MAX_RANGE + " items, got id " + requestId + " from " + from + " count " + count);
    }

    private static List<Bytes> checkItems(long requestId, List<Bytes> items) {
        if (requestId < 0 || items.size() > MAX_RANGE)
            throw new IllegalArgumentException("a range response has a non-negative id and at most " + MAX_RANGE
                    + " items");
        return List.copyOf(items);
    }
}
