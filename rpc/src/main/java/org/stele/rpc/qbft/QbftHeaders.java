package org.stele.rpc.qbft;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;

/** What QBFT's header conventions say about a block: read by the node, which knows the extra data's encoding. */
public interface QbftHeaders {
    /** The validators listed in the header's extra data; empty when the extra data is not QBFT's. */
    Optional<List<Address>> validators(BlockHeader header);

    /** Who proposed the block; empty when the header is not a QBFT header. */
    Optional<Address> proposer(BlockHeader header);

    /** The round in which the block was committed; empty when the header is not a QBFT header. */
    OptionalInt round(BlockHeader header);

    /**
     * The validators whose commit seals the header carries, in the header's order, recovered from the seals; empty
     * for a header without QBFT extra data (and for genesis, which nobody seals). A seal that does not recover is left
     * out.
     */
    List<Address> sealers(BlockHeader header);
}
