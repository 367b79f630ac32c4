package org.stele.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * When one node announced each new head, by its {@code newHeads} subscription: the {@link System#nanoTime} at which
 * the notification arrived here, and the block hash it named. On a QBFT chain a block is final when it is imported,
 * so a head's arrival time is when the block became final on that node.
 */
public final class HeadTimes implements AutoCloseable {
    /** One announced head. */
    public record Head(long observedNanos, String hash) {}

    private final ConcurrentSkipListMap<Long, Head> heads = new ConcurrentSkipListMap<>();
    private final WebSocket socket;

    private HeadTimes(URI ws) throws IOException {
        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                long now = System.nanoTime();
                partial.append(data);
                if (last) {
                    record(partial.toString(), now);
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        };
        try {
            socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(ws, listener).join();
            socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":[\"newHeads\"]}",
                    true).join();
        } catch (RuntimeException e) {
            throw new IOException("cannot subscribe to newHeads at " + ws + ": " + e.getMessage(), e);
        }
    }

    /** Subscribes to {@code ws}'s new heads. */
    public static HeadTimes follow(URI ws) throws IOException {
        return new HeadTimes(ws);
    }

    private void record(String text, long observedNanos) {
        Optional<Map.Entry<Long, Head>> head = parse(text, observedNanos);
        head.ifPresent(h -> heads.putIfAbsent(h.getKey(), h.getValue()));
    }

    /** The head a {@code newHeads} notification announces, if {@code text} is one. */
    static Optional<Map.Entry<Long, Head>> parse(String text, long observedNanos) {
        try {
            JsonNode result = JsonRpcClient.JSON.readTree(text).path("params").path("result");
            JsonNode number = result.path("number");
            if (!number.isTextual())
                return Optional.empty();
            return Optional.of(Map.entry(Long.decode(number.asText()),
                    new Head(observedNanos, result.path("hash").asText(""))));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty(); // not a head notification; a later head still dates this block
        }
    }

    /**
     * When block {@code number} was known final here: the arrival of its own head or, when that notification was
     * missed, of the first later head (a node imports blocks in order).
     */
    public OptionalLong finalAt(long number) {
        Map.Entry<Long, Head> e = heads.ceilingEntry(number);
        if (e == null)
            return OptionalLong.empty();
        long earliest = e.getValue().observedNanos();
        for (Head h : heads.tailMap(number).values())
            if (h.observedNanos() < earliest)
                earliest = h.observedNanos();
        return OptionalLong.of(earliest);
    }

    /** Every head announced so far, by number. */
    public Map<Long, Head> heads() {
        return Map.copyOf(heads);
    }

    @Override
    public void close() {
        socket.abort();
    }
}
