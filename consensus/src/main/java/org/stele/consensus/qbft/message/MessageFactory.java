package org.stele.consensus.qbft.message;

import java.util.List;
import java.util.Optional;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Signature;
import org.stele.consensus.qbft.QbftBlock;
import org.stele.consensus.qbft.QbftHashing;

/** Signs messages and commit seals with one validator's key. */
public final class MessageFactory {
    private final KeyPair key;
    private final CryptoSuite suite;
    private final MessageCodec codec;
    private final QbftHashing hashing;
    private final Address address;

    public MessageFactory(KeyPair key, CryptoSuite suite) {
        this.key = key;
        this.suite = suite;
        this.codec = new MessageCodec(suite);
        this.hashing = new QbftHashing(suite);
        this.address = suite.address(key.publicKey());
    }

    public Address address() {
        return address;
    }

    public <P extends Payload> SignedPayload<P> sign(P payload) {
        Bytes32 hash = codec.signingHash(payload.code(), payload.encode());
        return new SignedPayload<>(payload, suite.sign(hash.unsafeArray(), key), address);
    }

    /** This validator's seal over a header proposed in the round its extra data names. */
    public Signature commitSeal(BlockHeader header) {
        return suite.sign(hashing.commitSealHash(header).unsafeArray(), key);
    }

    public Prepare prepare(long height, int round, Bytes32 digest) {
        return new Prepare(sign(new PreparePayload(height, round, digest)));
    }

    public Commit commit(long height, int round, Bytes32 digest, Signature seal) {
        return new Commit(sign(new CommitPayload(height, round, digest, seal)));
    }

    public RoundChange roundChange(long height, int round, Optional<PreparedRound> prepared,
            Optional<QbftBlock> preparedBlock, List<SignedPayload<PreparePayload>> prepares) {
        return new RoundChange(sign(new RoundChangePayload(height, round, prepared)), preparedBlock, prepares);
    }

    public Proposal proposal(long height, int round, QbftBlock block,
            List<SignedPayload<RoundChangePayload>> roundChanges, List<SignedPayload<PreparePayload>> prepares) {
        return new Proposal(sign(new ProposalPayload(height, round, block)), roundChanges, prepares);
    }
}
