package org.stele.apps.points;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufInputStream;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.io.IOException;
import java.math.BigInteger;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The relayer over HTTP with JSON, for pages and programs: {@code GET /relay/config} says which chain, token,
 * forwarder and EIP-712 domain to sign for; {@code POST /relay} takes {@code {"request": {from, to, value, gas,
 * nonce, deadline, data}, "signature": "0x…"}} and answers, once mined, {@code {"transaction", "block"}}. Every error
 * is {@code {"error": {"code", "message"}}} with a fitting HTTP status. The pages are served by the node on another
 * origin, so answers carry CORS headers for the configured origin (docs/points.md).
 *
 * <p>It serves on Netty with one event-loop thread: a relayer holds a connection per active wallet, each waiting
 * seconds for its request to be mined, and an answer is written when the request's future completes, so a waiting
 * request holds no thread. Only a request's check (which may wait for the signer's earlier nonce or call the node) runs
 * on a virtual thread of its own. The JDK's {@code HttpServer} it replaces spent more CPU per exchange than the
 * relayer's own work (docs/performance.md, "Relayed point transfers").
 */
public final class RelayerServer implements AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_BODY = 64 * 1024;
    /** How long an accepted request's answer waits for it to be mined; the relayer itself gives up at 120 s. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(130);
    private final Relayer relayer;
    private final String allowOrigin;
    private final EventLoopGroup loop = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final Channel channel;
    private final byte[] config;

    /** Listens on {@code host:port} (port 0: any free port); {@code allowOrigin} is the CORS origin, "*" for any. */
    public RelayerServer(Relayer relayer, String host, int port, String allowOrigin) throws IOException {
        this.relayer = relayer;
        this.allowOrigin = allowOrigin;
        this.config = JSON.writeValueAsBytes(config(relayer));
        ServerBootstrap b = new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
                // Wallets that send several requests at once open that many connections together: a backlog of 1024
                // dropped connects of a 1,000-wallet run. Linux caps it at somaxconn.
                .option(ChannelOption.SO_BACKLOG, 8192).childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ch.pipeline().addLast(new HttpServerCodec()).addLast(new Aggregator())
                                .addLast(new Handler());
                    }
                });
        try {
            this.channel = b.bind(host, port).sync().channel();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IOException("interrupted while binding " + host + ":" + port);
        } catch (RuntimeException e) {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IOException("cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")", e);
        }
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    public String url() {
        return "http://" + ((InetSocketAddress) channel.localAddress()).getHostString() + ":" + port();
    }

    private static ObjectNode config(Relayer relayer) {
        ObjectNode c = JSON.createObjectNode();
        c.put("chainId", relayer.chainId()).put("token", relayer.config().token())
                .put("forwarder", relayer.config().forwarder()).put("operator", relayer.operator())
                .put("maxGas", relayer.config().maxGasPerRequest().toString());
        c.putObject("domain").put("name", ForwardRequest.DOMAIN_NAME).put("version", ForwardRequest.DOMAIN_VERSION)
                .put("chainId", relayer.chainId()).put("verifyingContract", relayer.config().forwarder());
        c.putObject("rate").put("burst", relayer.limits().capacity()).put("perSecond", relayer.limits().perSecond());
        return c;
    }

    /** Bodies above {@link #MAX_BODY} are answered 413 with the relayer's error shape. */
    private final class Aggregator extends HttpObjectAggregator {
        Aggregator() {
            super(MAX_BODY);
        }

        @Override
        protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
            // The aggregator drops the rest of the body; a keep-alive connection stays open for the next request.
            send(ctx, HttpUtil.isKeepAlive(oversized),
                    response(413, error("TooLarge", "a request body is at most " + MAX_BODY + " bytes")));
        }
    }

    /**
     * One connection's requests. A client may send its next request before the answer to the last (HTTP/1.1
     * pipelining): answers are written in the order the requests came, each after the one before it.
     */
    private final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
        /** The last answer written or to be written on this connection; touched only on the event loop. */
        private CompletableFuture<?> previous = CompletableFuture.completedFuture(null);

        @Override
        protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
            boolean keepAlive = HttpUtil.isKeepAlive(request) && request.decoderResult().isSuccess();
            CompletableFuture<FullHttpResponse> answer = request.decoderResult().isSuccess()
                    ? answer(request)
                    : CompletableFuture.completedFuture(response(400, error("BadRequest", "not an HTTP request")));
            previous = previous.thenCombine(answer, (before, response) -> response)
                    .thenAccept(response -> send(ctx, keepAlive, response));
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            ctx.close(); // a connection reset by the client: nothing to answer, nothing lost (its request is settled)
        }
    }

    private CompletableFuture<FullHttpResponse> answer(FullHttpRequest request) {
        HttpMethod method = request.method();
        String path = new QueryStringDecoder(request.uri()).path();
        if (method.equals(HttpMethod.OPTIONS)) return CompletableFuture.completedFuture(response(204, (byte[]) null));
        if (path.equals("/relay/config") && method.equals(HttpMethod.GET))
            return CompletableFuture.completedFuture(response(200, config));
        if (path.equals("/relay") && method.equals(HttpMethod.POST)) return relay(request);
        return CompletableFuture.completedFuture(
                response(404, error("NotFound", "the relayer serves GET /relay/config and POST /relay")));
    }

    private CompletableFuture<FullHttpResponse> relay(FullHttpRequest request) {
        ForwardRequest.Signed signed;
        try (ByteBufInputStream in = new ByteBufInputStream(request.content())) {
            signed = parse(JSON.readTree(in));
        } catch (JsonProcessingException e) {
            return CompletableFuture.completedFuture(
                    response(400, error("BadJson", "the body is not JSON: " + e.getOriginalMessage())));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(response(400, error("BadRequest", e.getMessage())));
        } catch (IOException e) {
            return CompletableFuture.completedFuture(
                    response(400, error("BadJson", "the body cannot be read: " + e.getMessage())));
        }
        // The check may wait for the signer's earlier nonce or call the node: off the event loop. The answer is
        // written when the request is mined, by whichever thread completes it.
        CompletableFuture<FullHttpResponse> answer = new CompletableFuture<>();
        Thread.ofVirtual().name("points-relay-check").start(() -> {
            CompletableFuture<Relayer.Relayed> done;
            try {
                done = relayer.submit(signed);
            } catch (RelayRefusal r) {
                answer.complete(refusal(r));
                return;
            } catch (RuntimeException e) {
                answer.complete(response(502, error("Failed", "the relayer failed: " + e.getMessage())));
                return;
            }
            done.orTimeout(ANSWER_TIMEOUT.toSeconds(), TimeUnit.SECONDS).whenComplete((relayed, failure) -> {
                if (failure == null) {
                    ObjectNode body = JSON.createObjectNode().put("transaction", relayed.transaction())
                            .put("block", relayed.block());
                    answer.complete(response(200, body));
                    return;
                }
                Throwable cause = failure instanceof CompletionException c && c.getCause() != null
                        ? c.getCause()
                        : failure;
                answer.complete(switch (cause) {
                    case RelayRefusal r -> refusal(r);
                    case TimeoutException t -> response(504,
                            error("Timeout", "the request was sent but not mined in time"));
                    default -> response(502, error("Failed", String.valueOf(cause.getMessage())));
                });
            });
        });
        return answer;
    }

    /** A signed request from its JSON; numbers as JSON numbers, decimal strings or 0x-hex strings. */
    public static ForwardRequest.Signed parse(JsonNode json) {
        if (json == null || !json.isObject()) throw new IllegalArgumentException("the body must be a JSON object");
        JsonNode r = json.get("request");
        if (r == null || !r.isObject())
            throw new IllegalArgumentException("give \"request\": {from, to, value, gas, nonce, deadline, data}");
        String from = text(r, "from");
        String to = text(r, "to");
        BigInteger value = number(r, "value");
        BigInteger gas = number(r, "gas");
        BigInteger nonce = number(r, "nonce");
        BigInteger deadline = number(r, "deadline");
        if (deadline.bitLength() > 48) throw new IllegalArgumentException("deadline is not a uint48 timestamp");
        String data = text(r, "data");
        return new ForwardRequest.Signed(
                new ForwardRequest(from, to, value, gas, nonce, deadline.longValueExact(), data),
                text(json, "signature"));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) throw new IllegalArgumentException("\"" + field + "\" must be a string");
        return v.asText();
    }

    private static BigInteger number(JsonNode node, String field) {
        JsonNode v = node.get(field);
        try {
            if (v != null && v.isIntegralNumber() && v.bigIntegerValue().signum() >= 0) return v.bigIntegerValue();
            if (v != null && v.isTextual()) {
                String t = v.asText();
                BigInteger n = t.startsWith("0x") ? new BigInteger(t.substring(2), 16) : new BigInteger(t);
                if (n.signum() >= 0 && n.bitLength() <= 256) return n;
            }
        } catch (NumberFormatException e) {
            // falls through to the one error below
        }
        throw new IllegalArgumentException("\"" + field + "\" must be an unsigned integer (number, decimal or 0x-hex)");
    }

    private static byte[] error(String code, String message) {
        ObjectNode e = JSON.createObjectNode();
        e.putObject("error").put("code", code).put("message", message);
        return bytes(e);
    }

    private static FullHttpResponse refusal(RelayRefusal r) {
        return response(r.status(), error(r.code(), r.getMessage()));
    }

    private static FullHttpResponse response(int status, JsonNode body) {
        return response(status, bytes(body));
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // a tree of strings and numbers always serialises
        }
    }

    private static FullHttpResponse response(int status, byte[] body) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status),
                body == null ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        if (body != null) response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        HttpUtil.setContentLength(response, body == null ? 0 : body.length);
        return response;
    }

    /** Writes {@code response} with the CORS headers; closes the connection after it unless the client keeps it. */
    private void send(ChannelHandlerContext ctx, boolean keepAlive, FullHttpResponse response) {
        var headers = response.headers();
        headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, allowOrigin);
        headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST, OPTIONS");
        headers.set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, "content-type");
        headers.set(HttpHeaderNames.ACCESS_CONTROL_MAX_AGE, "600");
        if (!keepAlive) headers.set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        var written = ctx.writeAndFlush(response);
        if (!keepAlive) written.addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void close() {
        channel.close().syncUninterruptibly();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
    }
}
