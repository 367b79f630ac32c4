package org.stele.node.validator;

import java.util.List;
import java.util.Optional;
import org.stele.chain.BlockHeader;
import org.stele.chain.rules.BlockRule;
import org.stele.chain.rules.Violation;
import org.stele.common.Address;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.rlp.RlpException;
import org.stele.consensus.qbft.BftExtraDataCodec;
import org.stele.consensus.qbft.FinalityVerifier;
import org.stele.consensus.qbft.InvalidCertificateException;
import org.stele.execution.importer.SealVerifier;

/**
 * The seal check of a QBFT chain: a header is proven when a quorum of the validators of its height signed it. Until
 * on-chain governance exists, the validators of a height are those the parent's extra data lists (genesis lists the
 * first set), and a block must list the same set as its parent.
 */
public final class QbftSealVerifier implements SealVerifier {
    private final FinalityVerifier finality;

    public QbftSealVerifier(CryptoSuite suite) {
        this.finality = new FinalityVerifier(suite);
    }

    /** The validators that decide the child of {@code parent}. */
    public static List<Address> validatorsAfter(BlockHeader parent) {
        return BftExtraDataCodec.decode(parent.extraData()).validators();
    }

    @Override
    public Optional<Violation> verify(BlockHeader header, BlockHeader parent) {
        List<Address> validators;
        List<Address> listed;
        try {
            validators = validatorsAfter(parent);
            listed = BftExtraDataCodec.decode(header.extraData()).validators();
        } catch (RlpException e) {
            return Optional.of(new Violation(BlockRule.SEAL, "extra data is not QBFT's: " + e.getMessage()));
        }
        if (!listed.equals(validators))
            return Optional.of(new Violation(BlockRule.SEAL, "block " + header.number()
                    + " lists other validators than its parent, and the set only changes by governance"));
        try {
            finality.verify(header, validators);
            return Optional.empty();
        } catch (InvalidCertificateException e) {
            return Optional.of(new Violation(BlockRule.SEAL, e.getMessage()));
        }
    }
}
