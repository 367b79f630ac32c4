package org.stele.proof;

import java.util.List;
import java.util.Objects;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;

/**
 * A {@code stele-proof/1} document: everything needed to check, offline, that a transaction was included in a final
 * block of a chain and succeeded. The values are as the document carries them; nothing here says they are true, which
 * is {@link TransactionProofVerifier}'s part.
 *
 * @param header the full RLP of the block's header, commit seals included
 * @param transactionProof the nodes of the path to key {@code rlp(transactionIndex)} in the block's transaction trie
 * @param receiptProof the same path in the block's receipt trie
 * @param validatorSets the genesis header, then every sealed header whose listed validator set differs from the one
 *            before, in block order, up to the proven block
 */
public record TransactionProof(long chainId, Bytes32 genesisHash, long blockNumber, Bytes32 blockHash,
        int transactionIndex, Bytes32 transactionHash, Bytes rawTransaction, Bytes rawReceipt,
        List<Bytes> transactionProof, List<Bytes> receiptProof, Bytes header, List<ValidatorSet> validatorSets) {
    /** The version this library reads and writes; a later incompatible format gets a new number. */
    public static final String FORMAT = "stele-proof/1";

    public TransactionProof {
        Objects.requireNonNull(genesisHash, "genesisHash");
        Objects.requireNonNull(blockHash, "blockHash");
        Objects.requireNonNull(transactionHash, "transactionHash");
        Objects.requireNonNull(rawTransaction, "rawTransaction");
        Objects.requireNonNull(rawReceipt, "rawReceipt");
        Objects.requireNonNull(header, "header");
        transactionProof = List.copyOf(transactionProof);
        receiptProof = List.copyOf(receiptProof);
        validatorSets = List.copyOf(validatorSets);
    }

    /**
     * One link of the validator-set history: a header and the set it lists, and where the set was read from.
     * {@link #SOURCE_EXTRA_DATA} is the only source today (the set is the one in the header's QBFT extra data); once
     * the set is governed on chain a link of source {@code "state"} will add a state proof (as {@code eth_getProof}
     * returns) of the set under the header's state root, in a field of its own, so version 1 readers refuse it by its
     * source rather than misread it.
     */
    public record ValidatorSet(String source, Bytes header, List<Address> validators) {
        public static final String SOURCE_EXTRA_DATA = "qbft-extra-data";

        public ValidatorSet {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(header, "header");
            validators = List.copyOf(validators);
        }
    }
}
