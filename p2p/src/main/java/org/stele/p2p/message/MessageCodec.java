package org.stele.p2p.message;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.rlp.RlpException;
import org.stele.common.rlp.RlpReader;
import org.stele.common.rlp.RlpWriter;
import org.stele.p2p.message.Message.Bodies;
import org.stele.p2p.message.Message.Disconnect;
import org.stele.p2p.message.Message.GetBodies;
import org.stele.p2p.message.Message.GetHeaders;
import org.stele.p2p.message.Message.GetTransactions;
import org.stele.p2p.message.Message.Headers;
import org.stele.p2p.message.Message.Hello;
import org.stele.p2p.message.Message.NewBlock;
import org.stele.p2p.message.Message.QbftMessage;
import org.stele.p2p.message.Message.TransactionHashes;
import org.stele.p2p.message.Message.Transactions;

/**
 * One message as one frame payload: a type byte followed by the RLP list of the message's fields. Decoding is
 * strict (canonical RLP, no trailing bytes, known codes, field sizes checked), because every payload comes from a
 * peer.
 */
public final class MessageCodec {
    public static final int HELLO = 0x00, DISCONNECT = 0x01, QBFT = 0x10, TRANSACTIONS = 0x20,
            TRANSACTION_HASHES = 0x21, GET_TRANSACTIONS = 0x22, NEW_BLOCK = 0x30,
            GET_HEADERS = 0x40, HEADERS = 0x41, GET_BODIES = 0x42, BODIES = 0x43;

    private MessageCodec() {
    }

    public static byte[] encode(Message message) {
        RlpWriter w = new RlpWriter().startList();
        int code = switch (message) {
            case Hello h -> {
                w.writeLong(h.protocolVersion()).writeLong(h.chainId()).writeBytes(h.genesisHash())
                        .writeLong(h.headNumber()).writeBytes(h.headHash());
                yield HELLO;
            }
            case Disconnect d -> {
                byte[] detail = d.detail().getBytes(StandardCharsets.UTF_8);
                w.writeLong(d.reason().code()).writeBytes(truncateUtf8(detail, Disconnect.MAX_DETAIL));
                yield DISCONNECT;
            }
            case QbftMessage q -> {
                w.writeBytes(q.payload());
                yield QBFT;
            }
            case Transactions t -> {
                writeItems(w, t.transactions());
                yield TRANSACTIONS;
            }
            case TransactionHashes t -> {
                writeHashes(w, t.hashes());
                yield TRANSACTION_HASHES;
            }
            case GetTransactions g -> {
                writeHashes(w, g.hashes());
                yield GET_TRANSACTIONS;
            }
            case NewBlock b -> {
                w.writeLong(b.number()).writeBytes(b.hash());
                yield NEW_BLOCK;
            }
            case GetHeaders g -> {
                w.writeLong(g.requestId()).writeLong(g.from()).writeLong(g.count());
                yield GET_HEADERS;
            }
            case Headers h -> {
                w.writeLong(h.requestId());
                writeItems(w, h.headers());
                yield HEADERS;
            }
            case GetBodies g -> {
                w.writeLong(g.requestId()).writeLong(g.from()).writeLong(g.count());
                yield GET_BODIES;
            }
            case Bodies b -> {
                w.writeLong(b.requestId());
                writeItems(w, b.bodies());
                yield BODIES;
            }
        };
        byte[] body = w.endList().toByteArray();
        byte[] out = new byte[1 + body.length];
        out[0] = (byte) code;
        System.arraycopy(body, 0, out, 1, body.length);
        return out;
    }

    public static Message decode(byte[] payload) throws MalformedMessageException {
        if (payload.length < 2)
            throw new MalformedMessageException("a message is a type byte and an RLP list, got " + payload.length
                    + " bytes");
        int code = payload[0] & 0xff;
        try {
            RlpReader r = RlpReader.list(Arrays.copyOfRange(payload, 1, payload.length));
            Message m = switch (code) {
                case HELLO -> new Hello(readInt(r), r.readLong(), r.readBytes32(), r.readLong(), r.readBytes32());
                case DISCONNECT -> {
                    int reason = readInt(r);
                    yield new Disconnect(DisconnectReason.of(reason).orElseThrow(
                            () -> new IllegalArgumentException("unknown disconnect reason " + reason)),
                            utf8(r.readBytes()));
                }
                case QBFT -> new QbftMessage(r.readBytesValue());
                case TRANSACTIONS -> new Transactions(readItems(r));
                case TRANSACTION_HASHES -> new TransactionHashes(readHashes(r));
                case GET_TRANSACTIONS -> new GetTransactions(readHashes(r));
                case NEW_BLOCK -> new NewBlock(r.readLong(), r.readBytes32());
                case GET_HEADERS -> new GetHeaders(r.readLong(), r.readLong(), readInt(r));
                case HEADERS -> new Headers(r.readLong(), readItems(r));
                case GET_BODIES -> new GetBodies(r.readLong(), r.readLong(), readInt(r));
                case BODIES -> new Bodies(r.readLong(), readItems(r));
                default -> throw new MalformedMessageException("unknown message type 0x" + Integer.toHexString(code));
            };
            r.requireEnd();
            return m;
        } catch (RlpException | IllegalArgumentException e) {
            throw new MalformedMessageException("malformed message of type 0x" + Integer.toHexString(code) + ": "
                    + e.getMessage());
        }
    }

    private static void writeItems(RlpWriter w, List<Bytes> items) {
        w.startList();
        for (Bytes item : items)
            w.writeBytes(item);
        w.endList();
    }

    private static List<Bytes> readItems(RlpReader r) {
        RlpReader list = r.readList();
        List<Bytes> items = new ArrayList<>();
        while (list.hasNext()) {
            if (items.size() == Message.MAX_RANGE)
                throw new IllegalArgumentException("more than " + Message.MAX_RANGE + " items");
            items.add(list.readBytesValue());
        }
        return items;
    }

    private static void writeHashes(RlpWriter w, List<Bytes32> hashes) {
        w.startList();
        for (Bytes32 hash : hashes)
            w.writeBytes(hash);
        w.endList();
    }

    private static List<Bytes32> readHashes(RlpReader r) {
        RlpReader list = r.readList();
        List<Bytes32> hashes = new ArrayList<>();
        while (list.hasNext()) {
            if (hashes.size() == Message.MAX_RANGE)
                throw new IllegalArgumentException("more than " + Message.MAX_RANGE + " hashes");
            hashes.add(list.readBytes32());
        }
        return hashes;
    }

    private static int readInt(RlpReader r) {
        long v = r.readLong();
        if (v > Integer.MAX_VALUE)
            throw new IllegalArgumentException("value " + v + " does not fit in 31 bits");
        return (int) v;
    }

    private static String utf8(byte[] bytes) {
        if (bytes.length > Disconnect.MAX_DETAIL)
            throw new IllegalArgumentException("disconnect detail longer than " + Disconnect.MAX_DETAIL + " bytes");
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("disconnect detail is not UTF-8");
        }
    }

    private static byte[] truncateUtf8(byte[] utf8, int max) {
        if (utf8.length <= max)
            return utf8;
        int end = max;
        while (end > 0 && (utf8[end] & 0xc0) == 0x80) // do not cut a character in half
            end--;
        return Arrays.copyOf(utf8, end);
    }
}
