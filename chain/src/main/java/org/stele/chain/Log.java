package org.stele.chain;

import java.util.ArrayList;
import java.util.List;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.rlp.RlpException;
import org.stele.common.rlp.RlpReader;
import org.stele.common.rlp.RlpWriter;

/** An event a contract emitted: {@code [address, [topic...], data]}. The EVM allows at most four topics. */
public record Log(Address address, List<Bytes32> topics, Bytes data) {
    public static final int MAX_TOPICS = 4;

    public Log {
        topics = List.copyOf(topics);
        if (topics.size() > MAX_TOPICS)
            throw new IllegalArgumentException("a log has at most 4 topics, got " + topics.size());
    }

    public void writeTo(RlpWriter w) {
        w.startList().writeBytes(address).startList();
        for (Bytes32 t : topics)
            w.writeBytes(t);
        w.endList().writeBytes(data).endList();
    }

    public static Log readFrom(RlpReader r) {
        RlpReader l = r.readList();
        Address address = l.readAddress();
        int at = l.position();
        RlpReader t = l.readList();
        List<Bytes32> topics = new ArrayList<>();
        while (t.hasNext()) {
            if (topics.size() == MAX_TOPICS)
                throw new RlpException("a log has at most 4 topics", at);
            topics.add(t.readBytes32());
        }
        Bytes data = l.readBytesValue();
        l.requireEnd();
        return new Log(address, topics, data);
    }
}
