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
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import org.stele.rpc.JsonRpcDispatcher;
import org.stele.rpc.RpcSession;

/** JSON-RPC over HTTP POST. WebSocket upgrade requests are passed on to the WebSocket handshake. */
final class HttpRpcHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final JsonRpcDispatcher dispatcher;
    private final Executor workers;
    private final String corsOrigins;

    HttpRpcHandler(JsonRpcDispatcher dispatcher, Executor workers, String corsOrigins) {
        this.dispatcher = dispatcher;
        this.workers = workers;
        this.corsOrigins = corsOrigins;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        if (request.headers().containsValue(HttpHeaderNames.UPGRADE, HttpHeaderValues.WEBSOCKET, true)) {
            ctx.fireChannelRead(request.retain());
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        if (request.method().equals(HttpMethod.OPTIONS)) {
            respond(ctx, HttpResponseStatus.NO_CONTENT, new byte[0], keepAlive);
            return;
        }
        if (!request.method().equals(HttpMethod.POST)) {
            respond(ctx, HttpResponseStatus.METHOD_NOT_ALLOWED,
                    "{\"error\":\"JSON-RPC requests are POSTed as application/json, or sent over a WebSocket\"}"
                            .getBytes(StandardCharsets.UTF_8),
                    keepAlive);
            return;
        }
        byte[] body = ByteBufUtil.getBytes(request.content());
        workers.execute(() -> {
            byte[] out = dispatcher.handle(body, RpcSession.HTTP).orElse(new byte[0]);
            respond(ctx, HttpResponseStatus.OK, out, keepAlive);
        });
    }

    private void respond(ChannelHandlerContext ctx, HttpResponseStatus status, byte[] body, boolean keepAlive) {
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status,
                Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (!corsOrigins.isEmpty()) {
            response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, corsOrigins);
            response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, "content-type, authorization");
            response.headers().set(HttpHeaderNames.ACCESS_CONTROL_ALLOW_METHODS, "POST, OPTIONS");
        }
        if (keepAlive) {
            response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(response);
        } else {
            ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
