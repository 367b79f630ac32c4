package org.stele.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.stele.chain.Block;
import org.stele.chain.Receipt;
import org.stele.common.Bytes32;
import org.stele.common.Hex;
import org.stele.rpc.JsonRpcError;
import org.stele.rpc.JsonRpcException;

/**
 * Polling filters ({@code eth_newFilter} and friends). Each filter buffers what happened since it was last polled,
 * up to a bound; a filter not polled within the timeout is dropped, as geth does after five minutes.
 */
public final class FilterManager implements ChainEventListener {
    enum Kind {
        LOGS, BLOCKS, PENDING
    }

    private static final int MAX_BUFFERED = 10_000;

    private final class Filter {
        final Kind kind;
        final LogFilter logFilter;
        final ArrayDeque<JsonNode> changes = new ArrayDeque<>();
        long lastPolledMillis;

        Filter(Kind kind, LogFilter logFilter) {
            this.kind = kind;
            this.logFilter = logFilter;
            this.lastPolledMillis = clock.millis();
        }

        void add(JsonNode change) {
            if (changes.size() == MAX_BUFFERED) changes.removeFirst();
            changes.addLast(change);
        }
    }

    private final LogQuery query;
    private final EthJson json;
    private final InstantSource clock;
    private final long timeoutMillis;
    private final int maxFilters;
    private final SecureRandom ids = new SecureRandom();
    private final Map<String, Filter> filters = new java.util.LinkedHashMap<>();

    public FilterManager(LogQuery query, EthJson json, InstantSource clock, Duration timeout, int maxFilters) {
        this.query = query;
        this.json = json;
        this.clock = clock;
        this.timeoutMillis = timeout.toMillis();
        this.maxFilters = maxFilters;
    }

    public synchronized String install(Kind kind, LogFilter logFilter) {
        expire();
        if (filters.size() >= maxFilters) {
            throw new JsonRpcException(JsonRpcError.LIMIT_EXCEEDED,
                    "too many filters installed (limit " + maxFilters + ")");
        }
        byte[] raw = new byte[16];
        ids.nextBytes(raw);
        String id = Hex.encode(raw);
        filters.put(id, new Filter(kind, logFilter));
        return id;
    }

    /** What happened since the last poll: block hashes, transaction hashes or log objects. */
    public synchronized ArrayNode changes(String id) {
        Filter f = require(id);
        f.lastPolledMillis = clock.millis();
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        out.addAll(f.changes);
        f.changes.clear();
        return out;
    }

    /** All logs matching a log filter, as {@code eth_getLogs} would return them. */
    public ArrayNode logs(String id) {
        LogFilter lf;
        synchronized (this) {
            Filter f = require(id);
            if (f.kind != Kind.LOGS) throw new JsonRpcException(JsonRpcError.SERVER_ERROR, "filter not found");
            f.lastPolledMillis = clock.millis();
            lf = f.logFilter;
        }
        return query.run(lf);
    }

    public synchronized boolean uninstall(String id) {
        return filters.remove(id) != null;
    }

    @Override
    public synchronized void onBlock(Block block, List<Receipt> receipts) {
        expire();
        Bytes32 hash = json.blockHash(block.header());
        for (Filter f : filters.values()) {
            switch (f.kind) {
                case BLOCKS -> f.add(JsonNodeFactory.instance.textNode(hash.toHex()));
                case LOGS -> {
                    ArrayNode matched = JsonNodeFactory.instance.arrayNode();
                    LogFilter lf = new LogFilter(f.logFilter.from(), f.logFilter.to(), java.util.Optional.empty(),
                            f.logFilter.addresses(), f.logFilter.topics());
                    query.collectFrom(block, receipts, lf, matched);
                    matched.forEach(f::add);
                }
                case PENDING -> {
                }
            }
        }
    }

    @Override
    public synchronized void onPendingTransaction(Bytes32 hash) {
        for (Filter f : filters.values())
            if (f.kind == Kind.PENDING) f.add(JsonNodeFactory.instance.textNode(hash.toHex()));
    }

    private Filter require(String id) {
        expire();
        Filter f = filters.get(id);
        if (f == null) throw new JsonRpcException(JsonRpcError.SERVER_ERROR, "filter not found");
        return f;
    }

    private void expire() {
        long now = clock.millis();
        for (Iterator<Filter> it = filters.values().iterator(); it.hasNext();) {
            if (now - it.next().lastPolledMillis > timeoutMillis) it.remove();
        }
    }
}
