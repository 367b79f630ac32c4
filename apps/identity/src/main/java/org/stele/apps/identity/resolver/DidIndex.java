package org.stele.apps.identity.resolver;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.stele.chain.Block;
import org.stele.chain.Log;
import org.stele.chain.Receipt;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.execution.chainstore.BlockIndex;
import org.stele.storage.ReadableKeyValueStore;
import org.stele.storage.Segment;
import org.stele.storage.WriteBatch;

/**
 * The registry's events per identity, in the {@link Segment#INDEXES} segment: {@code 'D' || identity(20) || block(8)
 * || log index in the block(4)} → the event ({@code 'O' || owner(20)}, {@code 'G' || type(32) || delegate(20) ||
 * validTo(32)} or {@code 'T' || name(32) || validTo(32) || value}). Numbers are big-endian, so one prefix scan reads an
 * identity's history in chain order, with no walk backwards through {@code previousChange} and no log query per change.
 * Only successful transactions have logs, so only changes the registry accepted are indexed.
 */
public final class DidIndex implements BlockIndex {
    /** The name under which the block store keeps this index's progress. */
    public static final String NAME = "did";
    private static final byte PREFIX = 'D';
    private static final byte OWNER = 'O';
    private static final byte DELEGATE = 'G';
    private static final byte ATTRIBUTE = 'T';

    private final ReadableKeyValueStore store;

    public DidIndex(ReadableKeyValueStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void stage(Block block, List<Receipt> receipts, WriteBatch batch) {
        forEachEvent(block, receipts, (key, value) -> batch.put(Segment.INDEXES, key, value));
    }

    @Override
    public void unstage(Block block, List<Receipt> receipts, WriteBatch batch) {
        forEachEvent(block, receipts, (key, value) -> batch.delete(Segment.INDEXES, key));
    }

    /** The identity's events in chain order (block, then position in the block). */
    public List<DidEvent> history(Address identity) {
        List<DidEvent> events = new ArrayList<>();
        Bytes prefix = Bytes.wrap(ByteBuffer.allocate(21).put(PREFIX).put(identity.unsafeArray()).array());
        store.forEachWithPrefix(Segment.INDEXES, prefix, (k, v) -> {
            events.add(decode(ByteBuffer.wrap(k.unsafeArray(), 21, 8).getLong(), v.unsafeArray()));
            return true;
        });
        return events;
    }

    private interface Entry {
        void accept(Bytes key, Bytes value);
    }

    private static void forEachEvent(Block block, List<Receipt> receipts, Entry entry) {
        long number = block.header().number();
        int logIndex = 0;
        for (Receipt receipt : receipts) {
            for (Log log : receipt.logs()) {
                int position = logIndex++;
                RegistryLogs.decode(log.address(), log.topics(), log.data().unsafeArray(), number)
                        .ifPresent(e -> entry.accept(key(e.identity(), number, position), encode(e.event())));
            }
        }
    }

    private static Bytes key(Address identity, long block, int position) {
        return Bytes.wrap(ByteBuffer.allocate(33).put(PREFIX).put(identity.unsafeArray()).putLong(block)
                .putInt(position).array());
    }

    private static Bytes encode(DidEvent event) {
        return Bytes.wrap(switch (event) {
            case DidEvent.OwnerChanged o -> ByteBuffer.allocate(21).put(OWNER).put(o.owner().unsafeArray()).array();
            case DidEvent.DelegateChanged d -> ByteBuffer.allocate(85).put(DELEGATE)
                    .put(d.delegateType().unsafeArray()).put(d.delegate().unsafeArray()).put(word(d.validTo())).array();
            case DidEvent.AttributeChanged a -> ByteBuffer.allocate(65 + a.value().size()).put(ATTRIBUTE)
                    .put(a.name().unsafeArray()).put(word(a.validTo())).put(a.value().unsafeArray()).array();
        });
    }

    private static DidEvent decode(long block, byte[] v) {
        return switch (v[0]) {
            case OWNER -> new DidEvent.OwnerChanged(block, Address.wrap(Arrays.copyOfRange(v, 1, 21)));
            case DELEGATE -> new DidEvent.DelegateChanged(block, Bytes32.wrap(Arrays.copyOfRange(v, 1, 33)),
                    Address.wrap(Arrays.copyOfRange(v, 33, 53)), new BigInteger(1, Arrays.copyOfRange(v, 53, 85)));
            case ATTRIBUTE -> new DidEvent.AttributeChanged(block, Bytes32.wrap(Arrays.copyOfRange(v, 1, 33)),
                    Bytes.wrap(Arrays.copyOfRange(v, 65, v.length)), new BigInteger(1, Arrays.copyOfRange(v, 33, 65)));
            default -> throw new IllegalStateException("unknown did index entry kind " + v[0]);
        };
    }

    private static byte[] word(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return out;
    }
}
