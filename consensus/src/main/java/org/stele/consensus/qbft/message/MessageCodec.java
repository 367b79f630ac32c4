package org.stele.consensus.qbft.message;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.crypto.InvalidSignatureException;
import org.stele.common.crypto.Signature;
import org.stele.common.rlp.RlpException;
import org.stele.common.rlp.RlpReader;
import org.stele.common.rlp.RlpWriter;
import org.stele.consensus.qbft.QbftBlock;
import org.stele.consensus.qbft.SignatureCodec;

/**
 * Encodes and decodes QBFT messages. On the wire a message is its code byte followed by its RLP. Decoding is strict
 * RLP, bounded in size and in justification length, and recovers the author of every signed payload (nested ones
 * too) with the chain's crypto suite; anything wrong is a {@link MessageDecodingException}.
 */
public final class MessageCodec {
    /** Largest wire message accepted: a proposal carries a whole block. */
    public static final int MAX_MESSAGE_SIZE = 8 * 1024 * 1024;
    /** Most signed payloads a justification may carry; far above any realistic validator count. */
    public static final int MAX_JUSTIFICATION = 1024;

    private final CryptoSuite suite;

    public MessageCodec(CryptoSuite suite) {
        this.suite = suite;
    }

    /**
     * The hash an author signs, as Besu's {@code QbftPayload.hashForSignature}: the suite's hash of the two-item list
     * {@code [code, payload]}, the code a scalar and the payload's RLP embedded as the second item.
     */
    public Bytes32 signingHash(int code, byte[] payloadRlp) {
        RlpWriter w = new RlpWriter(payloadRlp.length + 8);
        w.startList().writeLong(code).writeRaw(payloadRlp).endList();
        return Bytes32.wrap(suite.hash(w.toByteArray()));
    }

    public byte[] toWire(QbftMessage m) {
        RlpWriter w = new RlpWriter(256);
        m.writeTo(w);
        byte[] rlp = w.toByteArray();
        byte[] out = new byte[rlp.length + 1];
        out[0] = (byte) m.code();
        System.arraycopy(rlp, 0, out, 1, rlp.length);
        return out;
    }

    public QbftMessage fromWire(byte[] wire) throws MessageDecodingException {
        if (wire.length == 0)
            throw new MessageDecodingException("empty message");
        if (wire.length > MAX_MESSAGE_SIZE)
            throw new MessageDecodingException(
                    "message of " + wire.length + " bytes exceeds the limit of " + MAX_MESSAGE_SIZE);
        return decode(wire[0] & 0xff, java.util.Arrays.copyOfRange(wire, 1, wire.length));
    }

    /** Decodes the RLP of a message whose code came separately (as in a devp2p frame). */
    public QbftMessage decode(int code, byte[] rlp) throws MessageDecodingException {
        if (rlp.length > MAX_MESSAGE_SIZE)
            throw new MessageDecodingException("message of " + rlp.length + " bytes exceeds " + MAX_MESSAGE_SIZE);
        try {
            RlpReader top = RlpReader.of(rlp);
            QbftMessage m = switch (code) {
                case MessageCodes.PREPARE -> new Prepare(signed(top, MessageCodes.PREPARE, MessageCodec::prepare));
                case MessageCodes.COMMIT -> new Commit(signed(top, MessageCodes.COMMIT, MessageCodec::commit));
                case MessageCodes.ROUND_CHANGE -> roundChange(top.readList());
                case MessageCodes.PROPOSAL -> proposal(top.readList());
                default ->
                    throw new MessageDecodingException("unknown QBFT message code 0x" + Integer.toHexString(code));
            };
            top.requireEnd();
            return m;
        } catch (RlpException e) {
            throw new MessageDecodingException(
                    MessageCodes.name(code) + " is malformed at offset " + e.offset() + ": " + e.getMessage(), e);
        } catch (InvalidSignatureException e) {
            throw new MessageDecodingException(MessageCodes.name(code) + " has an invalid signature: " + e.getMessage(),
                    e);
        } catch (IllegalArgumentException e) {
            throw new MessageDecodingException(MessageCodes.name(code) + " has an invalid field: " + e.getMessage(), e);
        }
    }

    /** {@code [round, block, [prepares]]}: how the WAL keeps a prepared certificate. */
    public byte[] encodePreparedCertificate(PreparedCertificate c) {
        RlpWriter w = new RlpWriter(1024);
        w.startList().writeLong(c.round());
        c.block().writeTo(w);
        w.startList();
        for (SignedPayload<PreparePayload> p : c.prepares())
            p.writeTo(w);
        w.endList().endList();
        return w.toByteArray();
    }

    public PreparedCertificate decodePreparedCertificate(byte[] rlp) throws MessageDecodingException {
        try {
            RlpReader l = RlpReader.list(rlp);
            int round = l.readInt();
            QbftBlock block = QbftBlock.readFrom(l);
            List<SignedPayload<PreparePayload>> prepares = signedList(l.readList(), MessageCodes.PREPARE,
                    MessageCodec::prepare);
            l.requireEnd();
            return new PreparedCertificate(round, block, prepares);
        } catch (RlpException | IllegalArgumentException e) {
            throw new MessageDecodingException("prepared certificate is malformed: " + e.getMessage(), e);
        }
    }

    private RoundChange roundChange(RlpReader l) {
        SignedPayload<RoundChangePayload> signed = signed(l, MessageCodes.ROUND_CHANGE,
                MessageCodec::roundChangePayload);
        Optional<QbftBlock> block = Optional.empty();
        byte[] blockRlp = l.readRaw();
        if (!(blockRlp.length == 1 && (blockRlp[0] & 0xff) == 0xc0)) {
            RlpReader br = RlpReader.of(blockRlp);
            block = Optional.of(QbftBlock.readFrom(br));
            br.requireEnd();
        }
        List<SignedPayload<PreparePayload>> prepares = signedList(l.readList(), MessageCodes.PREPARE,
                MessageCodec::prepare);
        l.requireEnd();
        return new RoundChange(signed, block, prepares);
    }

    private Proposal proposal(RlpReader l) {
        SignedPayload<ProposalPayload> signed = signed(l, MessageCodes.PROPOSAL, MessageCodec::proposalPayload);
        RlpReader j = l.readList();
        List<SignedPayload<RoundChangePayload>> rcs = signedList(j.readList(), MessageCodes.ROUND_CHANGE,
                MessageCodec::roundChangePayload);
        List<SignedPayload<PreparePayload>> prepares = signedList(j.readList(), MessageCodes.PREPARE,
                MessageCodec::prepare);
        j.requireEnd();
        l.requireEnd();
        return new Proposal(signed, rcs, prepares);
    }

    private <P extends Payload> List<SignedPayload<P>> signedList(RlpReader l, int code, Function<RlpReader, P> read) {
        List<SignedPayload<P>> out = new ArrayList<>();
        while (l.hasNext()) {
            if (out.size() == MAX_JUSTIFICATION)
                throw new RlpException("justification longer than " + MAX_JUSTIFICATION, l.position());
            out.add(signed(l, code, read));
        }
        return out;
    }

    private <P extends Payload> SignedPayload<P> signed(RlpReader outer, int code, Function<RlpReader, P> read) {
        RlpReader l = outer.readList();
        byte[] payloadRlp = l.readRaw();
        RlpReader pr = RlpReader.of(payloadRlp);
        P payload = read.apply(pr.readList());
        pr.requireEnd();
        int at = l.position();
        Signature sig;
        try {
            sig = SignatureCodec.decode(l.readBytesValue());
        } catch (IllegalArgumentException e) {
            throw new RlpException(e.getMessage(), at);
        }
        l.requireEnd();
        Bytes32 hash = signingHash(code, payloadRlp);
        Address author = suite.address(suite.recover(hash.unsafeArray(), sig));
        return new SignedPayload<>(payload, sig, author);
    }

    private static PreparePayload prepare(RlpReader l) {
        PreparePayload p = new PreparePayload(l.readLong(), l.readInt(), l.readBytes32());
        l.requireEnd();
        return p;
    }

    private static CommitPayload commit(RlpReader l) {
        long h = l.readLong();
        int r = l.readInt();
        Bytes32 d = l.readBytes32();
        int at = l.position();
        Signature seal;
        try {
            seal = SignatureCodec.decode(l.readBytesValue());
        } catch (IllegalArgumentException e) {
            throw new RlpException("invalid commit seal: " + e.getMessage(), at);
        }
        l.requireEnd();
        return new CommitPayload(h, r, d, seal);
    }

    private static RoundChangePayload roundChangePayload(RlpReader l) {
        long h = l.readLong();
        int r = l.readInt();
        RlpReader m = l.readList();
        Optional<PreparedRound> prepared = Optional.empty();
        if (m.hasNext()) {
            prepared = Optional.of(new PreparedRound(m.readInt(), m.readBytes32()));
            m.requireEnd();
        }
        l.requireEnd();
        return new RoundChangePayload(h, r, prepared);
    }

    private static ProposalPayload proposalPayload(RlpReader l) {
        long h = l.readLong();
        int r = l.readInt();
        QbftBlock block = QbftBlock.readFrom(l);
        l.requireEnd();
        return new ProposalPayload(h, r, block);
    }
}
