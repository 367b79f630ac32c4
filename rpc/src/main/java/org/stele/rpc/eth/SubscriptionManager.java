package org.stele.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.stele.chain.Block;
import org.stele.chain.Receipt;
import org.stele.common.Bytes32;
import org.stele.common.Hex;
import org.stele.rpc.JsonRpcError;
import org.stele.rpc.JsonRpcException;
import org.stele.rpc.RpcSession;

/**
 * {@code eth_subscribe} over WebSocket: {@code newHeads}, {@code logs} and {@code newPendingTransactions}, pushed as
 * {@code eth_subscription} notifications. A connection may hold a bounded number; they end with the connection.
 */
public final class SubscriptionManager implements ChainEventListener {
    public enum Kind {
        NEW_HEADS("newHeads"), LOGS("logs"), NEW_PENDING_TRANSACTIONS("newPendingTransactions");

        final String wireName;

        Kind(String wireName) {
            this.wireName = wireName;
        }

        static Kind parse(String name) {
            for (Kind k : values()) if (k.wireName.equals(name)) return k;
            throw JsonRpcException.invalidParams("invalid argument 0 (subscription): unknown subscription '" + name
                    + "', want newHeads, logs or newPendingTransactions");
        }
    }

    private record Subscription(String id, Kind kind, LogFilter filter, RpcSession session) {}

    private final EthJson json;
    private final LogQuery query;
    private final int maxPerSession;
    private final SecureRandom ids = new SecureRandom();
    private final Map<String, Subscription> byId = new java.util.LinkedHashMap<>();
    private final Map<RpcSession, List<String>> bySession = new HashMap<>();

    public SubscriptionManager(EthJson json, LogQuery query, int maxPerSession) {
        this.json = json;
        this.query = query;
        this.maxPerSession = maxPerSession;
    }

    public String subscribe(RpcSession session, Kind kind, LogFilter filter) {
        if (!session.canPush()) {
            throw new JsonRpcException(JsonRpcError.METHOD_NOT_FOUND,
                    "notifications not supported: subscribe over a WebSocket");
        }
        byte[] raw = new byte[16];
        ids.nextBytes(raw);
        String id = Hex.encode(raw);
        boolean first;
        synchronized (this) {
            List<String> mine = bySession.computeIfAbsent(session, s -> new ArrayList<>());
            if (mine.size() >= maxPerSession) {
                throw new JsonRpcException(JsonRpcError.LIMIT_EXCEEDED,
                        "too many subscriptions on this connection (limit " + maxPerSession + ")");
            }
            first = mine.isEmpty();
            mine.add(id);
            byId.put(id, new Subscription(id, kind, filter, session));
        }
        if (first) session.onClose(() -> dropSession(session));
        return id;
    }

    public synchronized boolean unsubscribe(RpcSession session, String id) {
        Subscription s = byId.get(id);
        if (s == null || !s.session().equals(session)) return false;
        byId.remove(id);
        bySession.getOrDefault(session, new ArrayList<>()).remove(id);
        return true;
    }

    public synchronized int count() {
        return byId.size();
    }

    private synchronized void dropSession(RpcSession session) {
        List<String> mine = bySession.remove(session);
        if (mine != null) mine.forEach(byId::remove);
    }

    @Override
    public void onBlock(Block block, List<Receipt> receipts) {
        List<Subscription> subs;
        synchronized (this) {
            if (byId.isEmpty()) return;
            subs = List.copyOf(byId.values());
        }
        ObjectNode head = null;
        for (Subscription s : subs) {
            switch (s.kind()) {
                case NEW_HEADS -> {
                    if (head == null) head = headerOnly(block);
                    notify(s, head);
                }
                case LOGS -> {
                    ArrayNode logs = JsonNodeFactory.instance.arrayNode();
                    query.collectFrom(block, receipts, s.filter(), logs);
                    for (JsonNode log : logs) notify(s, log);
                }
                case NEW_PENDING_TRANSACTIONS -> {
                }
            }
        }
    }

    @Override
    public void onPendingTransaction(Bytes32 hash) {
        // Called for every transaction admitted, while a load's client usually holds only a newHeads subscription:
        // nothing is copied or encoded unless someone asked for pending transactions.
        List<Subscription> subs = null;
        synchronized (this) {
            for (Subscription s : byId.values()) {
                if (s.kind() != Kind.NEW_PENDING_TRANSACTIONS) continue;
                if (subs == null) subs = new ArrayList<>();
                subs.add(s);
            }
        }
        if (subs == null) return;
        JsonNode text = JsonNodeFactory.instance.textNode(hash.toHex());
        for (Subscription s : subs) notify(s, text);
    }

    private ObjectNode headerOnly(Block block) {
        return json.header(block.header());
    }

    private static void notify(Subscription s, JsonNode result) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("jsonrpc", "2.0");
        n.put("method", "eth_subscription");
        ObjectNode p = n.putObject("params");
        p.put("subscription", s.id());
        p.set("result", result);
        s.session().push(n);
    }
}
