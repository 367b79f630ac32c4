package org.stele.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Follows the chain from a starting block and hands every new block (with transaction hashes only) to a listener,
 * stamped with the {@link System#nanoTime} at which it was fetched. It polls {@code eth_blockNumber}; with a
 * WebSocket URL it also subscribes to {@code newHeads} and fetches as soon as a head is announced, the poll then
 * only covering missed notifications.
 */
public final class BlockWatcher implements Runnable {

    /** Receives blocks in order, on the watcher's thread. */
    public interface Listener {
        void onBlock(long number, JsonNode block, long observedNanos);
    }

    private final JsonRpcClient rpc;
    private final Optional<URI> ws;
    private final Listener listener;
    private final long pollMillis;
    private final BlockingQueue<Long> heads = new LinkedBlockingQueue<>();
    private volatile boolean running = true;
    private volatile Throwable failure;
    private long next;

    public BlockWatcher(JsonRpcClient rpc, Optional<URI> ws, long firstBlock, long pollMillis, Listener listener) {
        this.rpc = rpc;
        this.ws = ws;
        this.next = firstBlock;
        this.pollMillis = pollMillis;
        this.listener = listener;
    }

    @Override
    public void run() {
        WebSocket socket = null;
        try {
            if (ws.isPresent())
                socket = subscribe(ws.get());
            while (running) {
                catchUp();
                heads.poll(socket == null ? pollMillis : Math.max(pollMillis, 200), TimeUnit.MILLISECONDS);
            }
            catchUp();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException | RuntimeException e) {
            failure = e;
        } finally {
            if (socket != null)
                socket.abort();
        }
    }

    /** Asks the loop to fetch the blocks still outstanding and stop. */
    public void stop() {
        running = false;
        heads.offer(-1L);
    }

    public Optional<Throwable> failure() {
        return Optional.ofNullable(failure);
    }

    private void catchUp() throws IOException, InterruptedException {
        long head = Long.decode(rpc.call("eth_blockNumber").asText());
        while (next <= head) {
            JsonNode block = rpc.call("eth_getBlockByNumber", "0x" + Long.toHexString(next), false);
            long observed = System.nanoTime();
            if (block == null || block.isNull())
                return; // announced but not yet served; try again on the next round
            listener.onBlock(next, block, observed);
            next++;
        }
    }

    private WebSocket subscribe(URI uri) throws IOException, InterruptedException {
        WebSocket.Listener wsListener = new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    try {
                        JsonNode msg = JsonRpcClient.JSON.readTree(partial.toString());
                        JsonNode number = msg.path("params").path("result").path("number");
                        if (number.isTextual())
                            heads.offer(Long.decode(number.asText()));
                    } catch (IOException | NumberFormatException e) {
                        // Not a head notification we understand; the poll still finds the block.
                    }
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }
        };
        try {
            WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().buildAsync(uri, wsListener).join();
            socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"eth_subscribe\",\"params\":[\"newHeads\"]}",
                    true).join();
            return socket;
        } catch (RuntimeException e) {
            throw new IOException("cannot subscribe to newHeads at " + uri + ": " + e.getMessage(), e);
        }
    }
}
