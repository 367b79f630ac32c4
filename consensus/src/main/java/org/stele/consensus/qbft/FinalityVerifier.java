package org.stele.consensus.qbft;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.crypto.InvalidSignatureException;
import org.stele.common.crypto.Signature;
import org.stele.common.rlp.RlpException;

/**
 * Checks a block's finality certificate with nothing but the header and the validator set of its height: the extra
 * data must decode, and its seals must include signatures over the header's commit-seal hash from a quorum of
 * distinct validators. This is what sync, light clients and offline receipts rely on; a certificate with a forged,
 * duplicated, misplaced (signed for another block or round) or outsider's seal is rejected as a whole.
 */
public final class FinalityVerifier {
    private final CryptoSuite suite;
    private final QbftHashing hashing;

    public FinalityVerifier(CryptoSuite suite) {
        this.suite = suite;
        this.hashing = new QbftHashing(suite);
    }

    /** The signers of a valid certificate, in seal order. */
    public record Certificate(Bytes32 blockHash, int round, List<Address> signers) {}

    /** @throws InvalidCertificateException naming what is wrong */
    public Certificate verify(BlockHeader header, List<Address> validators) {
        BftExtraData extra;
        Bytes32 sealHash;
        Bytes32 blockHash;
        try {
            extra = BftExtraDataCodec.decode(header.extraData());
            sealHash = hashing.commitSealHash(header);
            blockHash = hashing.blockHash(header);
        } catch (RlpException e) {
            throw new InvalidCertificateException("extra data is not QBFT's: " + e.getMessage());
        }
        Set<Address> members = new HashSet<>(validators);
        Set<Address> seen = new HashSet<>();
        List<Address> signers = new java.util.ArrayList<>();
        for (Signature seal : extra.seals()) {
            Address signer;
            try {
                signer = suite.address(suite.recover(sealHash.unsafeArray(), seal));
            } catch (InvalidSignatureException | IllegalArgumentException e) {
                throw new InvalidCertificateException("a commit seal does not verify: " + e.getMessage());
            }
            if (!members.contains(signer))
                throw new InvalidCertificateException("seal by " + signer + ", who is not a validator of block "
                        + header.number());
            if (!seen.add(signer))
                throw new InvalidCertificateException("two seals by " + signer);
            signers.add(signer);
        }
        int quorum = Quorum.quorum(members.size());
        if (signers.size() < quorum)
            throw new InvalidCertificateException(
                    signers.size() + " seals, " + quorum + " of " + members.size() + " validators needed");
        return new Certificate(blockHash, extra.round(), List.copyOf(signers));
    }

    public boolean isFinal(BlockHeader header, List<Address> validators) {
        try {
            verify(header, validators);
            return true;
        } catch (InvalidCertificateException e) {
            return false;
        }
    }
}
