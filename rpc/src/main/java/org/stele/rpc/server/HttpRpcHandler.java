package org.stele.rpc.server;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.timeout.IdleStateEvent;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.stele.rpc.JsonRpcDispatcher;
import org.stele.rpc.RpcSession;

/**
 * JSON-RPC over HTTP POST, one instance per connection; GET and HEAD read a REST resource ({@link HttpEndpoint}) or
 * the node's pages ({@link StaticPages}).
 * WebSocket upgrade requests that pass the browser policy are passed on to the WebSocket handshake.
 *
 * <p>
 * Replies go out in request order (RFC 9112 §9.3.2) although calls run on worker threads: each request takes a
 * sequence number, and a finished reply waits until every earlier one is written. With {@code maxPipelined} replies
 * outstanding, or the socket's send buffer full, the connection is not read until replies go out; requests past
 * {@link #OVERSHOOT} times that (already read) are answered 503 with {@code Connection: close}. Every field is
 * touched on the connection's event loop only.
 */
final class HttpRpcHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    /**
     * Reading stops at {@code maxPipelined} outstanding requests, but what one socket read already brought in is
     * decoded anyway; up to this many times the limit are still answered, the next gets 503 and the connection closes.
     */
    static final int OVERSHOOT = 8;
    private static final byte[] NOT_POST = json(
            "JSON-RPC requests are POSTed as application/json, or sent over a WebSocket");

    /**
     * The node's pages load scripts, styles and images from the node only, and talk to the node only: a page cannot
     * be framed by another site, nor send what it reads elsewhere.
     */
    private static final String PAGE_POLICY = "default-src 'self'; connect-src 'self'; img-src 'self' data:; "
            + "style-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private final JsonRpcDispatcher dispatcher;
    private final StaticPages pages;
    private final List<HttpEndpoint> endpoints;
    private final Executor workers;
    private final BrowserPolicy browsers;
    private final int maxPipelined;
    private final RequestDeadline deadline;
    private final Map<Long, Reply> finished = new HashMap<>();
    private long received;
    private long written;
    private boolean closing;

    private record Reply(FullHttpResponse response, boolean close) {}

    HttpRpcHandler(JsonRpcDispatcher dispatcher, StaticPages pages, List<HttpEndpoint> endpoints, Executor workers,
            BrowserPolicy browsers, int maxPipelined, RequestDeadline deadline) {
        this.dispatcher = dispatcher;
        this.pages = pages;
        this.endpoints = endpoints;
        this.workers = workers;
        this.browsers = browsers;
        this.maxPipelined = maxPipelined;
        this.deadline = deadline;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        deadline.requestComplete();
        if (closing) return;
        long seq = received++;
        if (received - written > maxPipelined * OVERSHOOT) {
            // Requests already read when reading stopped, past what a connection may park here: said, not dropped.
            finish(ctx, seq, HttpResponseStatus.SERVICE_UNAVAILABLE,
                    json("too many pipelined requests: wait for replies before sending more"), null, true);
            return;
        }
        if (request.decoderResult().isFailure()) {
            // The framing is lost (a bad Content-Length, an oversized header): nothing after this can be trusted.
            String why = request.decoderResult().cause() == null
                    ? "malformed request"
                    : request.decoderResult().cause().getMessage();
            finish(ctx, seq, HttpResponseStatus.BAD_REQUEST, json("bad request: " + why), null, true);
            return;
        }
        String host = request.headers().get(HttpHeaderNames.HOST);
        String origin = request.headers().get(HttpHeaderNames.ORIGIN);
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (!browsers.hostAllowed(host)) {
            finish(ctx, seq, HttpResponseStatus.FORBIDDEN, json("invalid host specified"), null, !keepAlive);
            return;
        }
        if (!browsers.originAllowed(origin, host)) {
            finish(ctx, seq, HttpResponseStatus.FORBIDDEN,
                    json("origin not allowed: start the node with --http.corsdomain to let this page call it"), null,
                    !keepAlive);
            return;
        }
        if (request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
            received--; // the connection stops being HTTP; nothing is owed in this order any more
            ctx.fireChannelRead(request.retain());
            return;
        }
        if (request.method().equals(HttpMethod.OPTIONS)) {
            finish(ctx, seq, HttpResponseStatus.NO_CONTENT, new byte[0], origin, !keepAlive);
            return;
        }
        if (request.method().equals(HttpMethod.GET) || request.method().equals(HttpMethod.HEAD)) {
            HttpEndpoint endpoint = endpointFor(request.uri());
            if (endpoint != null)
                serveEndpoint(ctx, seq, request, endpoint, !keepAlive);
            else
                serveFile(ctx, seq, request, !keepAlive);
            return;
        }
        if (!request.method().equals(HttpMethod.POST)) {
            finish(ctx, seq, HttpResponseStatus.METHOD_NOT_ALLOWED, NOT_POST, origin, !keepAlive);
            return;
        }
        byte[] body = ByteBufUtil.getBytes(request.content());
        RpcSession session = RpcSession.http(request.headers().get(HttpHeaderNames.AUTHORIZATION),
                remote(ctx));
        pauseIfBehind(ctx);
        workers.execute(() -> {
            byte[] out = dispatcher.answer(body, session);
            try {
                ctx.executor().execute(() -> finish(ctx, seq, HttpResponseStatus.OK, out, origin, !keepAlive));
            } catch (RejectedExecutionException e) {
                // The server is shutting down: the connection goes with it, and there is no one to answer.
            }
        });
    }

    /** The client's {@code host:port}, as the audit log records it. */
    static String remote(ChannelHandlerContext ctx) {
        return ctx.channel().remoteAddress() instanceof java.net.InetSocketAddress a
                ? a.getAddress().getHostAddress() + ":" + a.getPort()
                : String.valueOf(ctx.channel().remoteAddress());
    }

    private HttpEndpoint endpointFor(String uri) {
        for (HttpEndpoint e : endpoints) {
            if (uri.startsWith(e.prefix()))
                return e;
        }
        return null;
    }

    /** A GET or HEAD of a computed document, answered on a worker thread since it may read the store. */
    private void serveEndpoint(ChannelHandlerContext ctx, long seq, FullHttpRequest request, HttpEndpoint endpoint,
            boolean close) {
        String uri = request.uri();
        int q = uri.indexOf('?');
        HttpEndpoint.Request r = new HttpEndpoint.Request(new QueryStringDecoder(uri).path(),
                uri.substring(endpoint.prefix().length(), q < 0 ? uri.length() : q),
                q < 0 ? null : uri.substring(q + 1),
                request.headers().get(HttpHeaderNames.ACCEPT),
                "http://" + request.headers().get(HttpHeaderNames.HOST, "localhost"),
                call -> new String(dispatcher.answer(call.getBytes(StandardCharsets.UTF_8), RpcSession.INTERNAL),
                        StandardCharsets.UTF_8));
        boolean head = request.method().equals(HttpMethod.HEAD);
        pauseIfBehind(ctx);
        workers.execute(() -> {
            HttpEndpoint.Answer answer;
            try {
                answer = endpoint.get(r);
            } catch (RuntimeException e) {
                answer = new HttpEndpoint.Answer(500, HttpHeaderValues.APPLICATION_JSON.toString(),
                        json("internal error: " + e.getMessage()));
            }
            HttpEndpoint.Answer a = answer;
            try {
                ctx.executor().execute(() -> {
                    FullHttpResponse response = response(HttpResponseStatus.valueOf(a.status()),
                            head ? new byte[0] : a.body(), a.contentType());
                    response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, a.body().length);
                    a.headers().forEach((k, v) -> response.headers().set(k, v));
                    response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, "*");
                    response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
                    response.headers().set("X-Content-Type-Options", "nosniff");
                    send(ctx, seq, response, close);
                });
            } catch (RejectedExecutionException e) {
                // The server is shutting down: the connection goes with it, and there is no one to answer.
            }
        });
    }

    /**
     * A GET or HEAD: one of the node's pages, or, where there is none, how to call JSON-RPC. Pages are same-origin only
     * (no CORS headers) and may load nothing from elsewhere.
     */
    private void serveFile(ChannelHandlerContext ctx, long seq, FullHttpRequest request, boolean close) {
        String path = new QueryStringDecoder(request.uri()).path();
        switch (pages.find(path)) {
            case StaticPages.Lookup.Found(StaticPages.Page page) -> {
                boolean fresh = page.etag().equals(request.headers().get(HttpHeaderNames.IF_NONE_MATCH));
                boolean head = request.method().equals(HttpMethod.HEAD);
                byte[] body = fresh || head ? new byte[0] : page.body();
                FullHttpResponse response = response(fresh ? HttpResponseStatus.NOT_MODIFIED : HttpResponseStatus.OK,
                        body, page.contentType());
                response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, fresh ? 0 : page.body().length);
                response.headers().set(HttpHeaderNames.ETAG, page.etag());
                response.headers().set(HttpHeaderNames.CACHE_CONTROL, "no-cache");
                response.headers().set("X-Content-Type-Options", "nosniff");
                response.headers().set("Content-Security-Policy", PAGE_POLICY);
                response.headers().set("Referrer-Policy", "no-referrer");
                send(ctx, seq, response, close);
            }
            case StaticPages.Lookup.Redirect(String location) -> {
                FullHttpResponse response = response(HttpResponseStatus.MOVED_PERMANENTLY, new byte[0],
                        "text/plain; charset=utf-8");
                response.headers().set(HttpHeaderNames.LOCATION, location);
                send(ctx, seq, response, close);
            }
            case StaticPages.Lookup.Missing() -> {
                if (path.equals("/")) finish(ctx, seq, HttpResponseStatus.METHOD_NOT_ALLOWED, NOT_POST, null, close);
                else
                    finish(ctx, seq, HttpResponseStatus.NOT_FOUND, json("no page at " + path), null, close);
            }
        }
    }

    private static FullHttpResponse response(HttpResponseStatus status, byte[] body, String contentType) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, contentType);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        return response;
    }

    private void finish(ChannelHandlerContext ctx, long seq, HttpResponseStatus status, byte[] body, String origin,
            boolean close) {
        FullHttpResponse response = response(status, body, HttpHeaderValues.APPLICATION_JSON.toString());
        if (origin != null) {
            response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            response.headers().set(HttpHeaderNames.VARY, HttpHeaderNames.ORIGIN);
            response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, "content-type, authorization");
            response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "POST, OPTIONS");
        }
        send(ctx, seq, response, close);
    }

    private void send(ChannelHandlerContext ctx, long seq, FullHttpResponse response, boolean close) {
        response.headers().set(HttpHeaderNames.CONNECTION,
                close ? HttpHeaderValues.CLOSE : HttpHeaderValues.KEEP_ALIVE);
        if (close) closing = true;
        finished.put(seq, new Reply(response, close));
        flushInOrder(ctx);
    }

    private void flushInOrder(ChannelHandlerContext ctx) {
        Reply next;
        boolean wrote = false;
        while ((next = finished.remove(written)) != null) {
            written++;
            wrote = true;
            if (next.close()) {
                finished.values().forEach(r -> r.response().release());
                finished.clear();
                ctx.writeAndFlush(next.response()).addListener(ChannelFutureListener.CLOSE);
                return;
            }
            ctx.write(next.response());
        }
        if (wrote) ctx.flush();
        resumeIfCaughtUp(ctx);
    }

    private void pauseIfBehind(ChannelHandlerContext ctx) {
        if (received - written >= maxPipelined || !ctx.channel().isWritable()) {
            ctx.channel().config().setAutoRead(false);
        }
    }

    private void resumeIfCaughtUp(ChannelHandlerContext ctx) {
        if (!closing && !ctx.channel().config().isAutoRead() && received - written < maxPipelined
                && ctx.channel().isWritable()) {
            ctx.channel().config().setAutoRead(true);
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        if (ctx.channel().isWritable()) resumeIfCaughtUp(ctx);
        else
            ctx.channel().config().setAutoRead(false);
        ctx.fireChannelWritabilityChanged();
    }

    /** The idle timeout: closes a connection with no request being read and no reply owed. */
    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof IdleStateEvent) {
            if (received == written) ctx.close();
            return;
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        finished.values().forEach(r -> r.response().release());
        finished.clear();
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    private static byte[] json(String error) {
        String safe = error.replaceAll("[\\p{Cntrl}\"\\\\]", " ");
        return ("{\"error\":\"" + safe + "\"}")
                .getBytes(StandardCharsets.UTF_8);
    }
}
