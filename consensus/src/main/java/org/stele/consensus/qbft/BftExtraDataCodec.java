package org.stele.consensus.qbft;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.crypto.Signature;
import org.stele.common.rlp.RlpException;
import org.stele.common.rlp.RlpReader;
import org.stele.common.rlp.RlpWriter;

/**
 * The RLP of {@link BftExtraData}, byte-identical to Besu's and GoQuorum's QBFT:
 * {@code [vanity, [validators], vote, round, [seals]]} where an absent vote is the empty string ({@code 0x80}) and
 * the round is a fixed 4-byte big-endian integer. Two shortened forms feed the hashes, as in Besu's
 * {@code QbftExtraDataCodec}: with an empty seals list (what a commit seal signs) and with an empty seals list and
 * round 0 (the block hash, which therefore stays the same when a block is re-proposed in a later round or gains
 * seals).
 */
public final class BftExtraDataCodec {
    /** Far above the extra data of thousands of validators; anything larger is refused before decoding. */
    public static final int MAX_ENCODED_SIZE = 256 * 1024;

    private enum Form {
        ALL, WITHOUT_SEALS, WITHOUT_ROUND_AND_SEALS
    }

    private BftExtraDataCodec() {
    }

    public static Bytes encode(BftExtraData d) {
        return encode(d, Form.ALL);
    }

    public static Bytes encodeWithoutSeals(BftExtraData d) {
        return encode(d, Form.WITHOUT_SEALS);
    }

    public static Bytes encodeWithoutRoundAndSeals(BftExtraData d) {
        return encode(d, Form.WITHOUT_ROUND_AND_SEALS);
    }

    private static Bytes encode(BftExtraData d, Form form) {
        RlpWriter w = new RlpWriter(64 + 21 * d.validators().size() + 66 * d.seals().size());
        w.startList();
        w.writeBytes(d.vanity());
        w.startList();
        for (Address a : d.validators())
            w.writeBytes(a);
        w.endList();
        if (d.vote().isPresent()) {
            Vote v = d.vote().get();
            w.startList().writeBytes(v.recipient()).writeBytes(new byte[]{v.add() ? Vote.ADD : Vote.DROP}).endList();
        } else {
            w.writeBytes(new byte[0]);
        }
        // Besu's QbftExtraDataCodec keeps all five items in the shortened forms: the seals become an empty list and,
        // for the block hash, the round becomes 0, so both hashes cover an extra data that still decodes.
        int round = form == Form.WITHOUT_ROUND_AND_SEALS ? 0 : d.round();
        w.writeBytes(new byte[]{(byte) (round >>> 24), (byte) (round >>> 16), (byte) (round >>> 8), (byte) round});
        w.startList();
        if (form == Form.ALL) {
            for (Signature s : d.seals())
                w.writeBytes(SignatureCodec.encode(s));
        }
        w.endList();
        w.endList();
        return Bytes.wrap(w.toByteArray());
    }

    /**
     * Decodes a complete extra data field.
     *
     * @throws RlpException on malformed RLP, a field of the wrong shape or size, or more than {@link #MAX_ENCODED_SIZE}
     *                      bytes
     */
    public static BftExtraData decode(Bytes encoded) {
        if (encoded.size() > MAX_ENCODED_SIZE)
            throw new RlpException("extra data of " + encoded.size() + " bytes exceeds " + MAX_ENCODED_SIZE, 0);
        RlpReader l = RlpReader.list(encoded.unsafeArray());
        int at = l.position();
        Bytes vanity = l.readBytesValue();
        if (vanity.size() != BftExtraData.VANITY_LENGTH)
            throw new RlpException("vanity must be 32 bytes, got " + vanity.size(), at);
        RlpReader vl = l.readList();
        List<Address> validators = new ArrayList<>();
        while (vl.hasNext())
            validators.add(vl.readAddress());
        Optional<Vote> vote;
        if (l.nextIsList()) {
            RlpReader v = l.readList();
            Address recipient = v.readAddress();
            at = v.position();
            byte[] type = v.readBytes();
            v.requireEnd();
            if (type.length != 1 || (type[0] != Vote.ADD && type[0] != Vote.DROP))
                throw new RlpException("vote type must be 0x00 (drop) or 0xff (add)", at);
            vote = Optional.of(new Vote(recipient, type[0] == Vote.ADD));
        } else {
            at = l.position();
            if (l.readBytes().length != 0)
                throw new RlpException("an absent vote is the empty string", at);
            vote = Optional.empty();
        }
        at = l.position();
        byte[] roundBytes = l.readBytes();
        if (roundBytes.length != 4)
            throw new RlpException("round must be 4 bytes, got " + roundBytes.length, at);
        int round = ((roundBytes[0] & 0xff) << 24) | ((roundBytes[1] & 0xff) << 16) | ((roundBytes[2] & 0xff) << 8)
                | (roundBytes[3] & 0xff);
        if (round < 0)
            throw new RlpException("round " + Integer.toUnsignedString(round) + " is out of range", at);
        RlpReader sl = l.readList();
        List<Signature> seals = new ArrayList<>();
        while (sl.hasNext()) {
            at = sl.position();
            try {
                seals.add(SignatureCodec.decode(sl.readBytesValue()));
            } catch (IllegalArgumentException e) {
                throw new RlpException("invalid commit seal: " + e.getMessage(), at);
            }
        }
        l.requireEnd();
        return new BftExtraData(vanity, validators, vote, round, seals);
    }
}
