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
import org.stele.evm.WorldView;
import org.stele.execution.importer.SealVerifier;
import org.stele.governance.GovernanceState;

/**
 * The seal check of a QBFT chain: a header is proven when a quorum of the validators of its height signed it, and it
 * lists exactly them in its extra data. The validators of height h are the {@code Validators} contract's set in the
 * state after h-1 (sorted, as QBFT orders them); a chain without the governance contracts keeps the set its genesis
 * extra data lists, carried from parent to child.
 */
public final class QbftSealVerifier implements SealVerifier {
    private final FinalityVerifier finality;

    public QbftSealVerifier(CryptoSuite suite) {
        this.finality = new FinalityVerifier(suite);
    }

    /** The validators that decide the child of {@code parent}, by its extra data alone (a chain without governance). */
    public static List<Address> validatorsAfter(BlockHeader parent) {
        return BftExtraDataCodec.decode(parent.extraData()).validators();
    }

    /**
     * The validators that decide the child of {@code parent}: the governance contract's set in {@code parentState},
     * sorted; the parent's extra data's when the chain has no such contract.
     */
    public static List<Address> validatorsAfter(BlockHeader parent, WorldView parentState) {
        List<Address> governed = new GovernanceState(parentState).validators();
        return governed.isEmpty() ? validatorsAfter(parent) : governed.stream().sorted().distinct().toList();
    }

    @Override
    public Optional<Violation> verify(BlockHeader header, BlockHeader parent) {
        try {
            return verify(header, validatorsAfter(parent));
        } catch (RlpException e) {
            return Optional.of(new Violation(BlockRule.SEAL, "extra data is not QBFT's: " + e.getMessage()));
        }
    }

    @Override
    public Optional<Violation> verify(BlockHeader header, BlockHeader parent, WorldView parentState) {
        try {
            return verify(header, validatorsAfter(parent, parentState));
        } catch (RlpException e) {
            return Optional.of(new Violation(BlockRule.SEAL, "extra data is not QBFT's: " + e.getMessage()));
        }
    }

    private Optional<Violation> verify(BlockHeader header, List<Address> validators) {
        List<Address> listed;
        try {
            listed = BftExtraDataCodec.decode(header.extraData()).validators();
        } catch (RlpException e) {
            return Optional.of(new Violation(BlockRule.SEAL, "extra data is not QBFT's: " + e.getMessage()));
        }
        if (!listed.equals(validators))
            return Optional.of(new Violation(BlockRule.SEAL, "block " + header.number()
                    + " lists other validators than those of its height, " + validators
                    + ", and the set only changes by governance"));
        try {
            finality.verify(header, validators);
            return Optional.empty();
        } catch (InvalidCertificateException e) {
            return Optional.of(new Violation(BlockRule.SEAL, e.getMessage()));
        }
    }
}
