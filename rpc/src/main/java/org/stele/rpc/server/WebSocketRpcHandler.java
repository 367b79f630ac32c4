package org.stele.rpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.codec.http.HttpHeaderNames;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Executor;
import org.stele.rpc.JsonRpcDispatcher;
import org.stele.rpc.RpcSession;

/**
 * JSON-RPC over WebSocket text frames, one instance per connection. The connection is one {@link RpcSession}, which
 * can push subscription notifications and runs its close hooks when the connection closes, however it closes.
 */
final class WebSocketRpcHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    private final JsonRpcDispatcher dispatcher;
    private final Executor workers;
    private ChannelSession session;
    /** The handshake's {@code Authorization} header: a WebSocket presents its credentials once, when it opens. */
    private String authorization;

    WebSocketRpcHandler(JsonRpcDispatcher dispatcher, Executor workers) {
        this.dispatcher = dispatcher;
        this.workers = workers;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete handshake) {
            authorization = handshake.requestHeaders().get(HttpHeaderNames.AUTHORIZATION);
            // A WebSocket holds subscriptions for as long as its client wants: the HTTP timeouts no longer apply.
            if (ctx.pipeline().get(RequestDeadline.NAME) != null) ctx.pipeline().remove(RequestDeadline.NAME);
            if (ctx.pipeline().get(RpcServer.IDLE) != null) ctx.pipeline().remove(RpcServer.IDLE);
        }
        ctx.fireUserEventTriggered(evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (!(frame instanceof TextWebSocketFrame text)) {
            ctx.writeAndFlush(new CloseWebSocketFrame(1003, "JSON-RPC is sent in text frames"));
            return;
        }
        byte[] body = text.text().getBytes(StandardCharsets.UTF_8);
        Channel channel = ctx.channel();
        if (session == null)
            session = new ChannelSession(channel, dispatcher, Optional.ofNullable(authorization),
                    Optional.of(HttpRpcHandler.remote(ctx)));
        RpcSession s = session;
        workers.execute(() -> {
            byte[] out = dispatcher.answer(body, s);
            if (out.length > 0) channel.writeAndFlush(new TextWebSocketFrame(new String(out, StandardCharsets.UTF_8)));
        });
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    /** Identity is the connection's: subscriptions are kept per session object. */
    private static final class ChannelSession implements RpcSession {
        private final Channel channel;
        private final JsonRpcDispatcher dispatcher;
        private final Optional<String> authorization;
        private final Optional<String> remote;

        ChannelSession(Channel channel, JsonRpcDispatcher dispatcher, Optional<String> authorization,
                Optional<String> remote) {
            this.channel = channel;
            this.dispatcher = dispatcher;
            this.authorization = authorization;
            this.remote = remote;
        }

        @Override
        public Optional<String> authorization() {
            return authorization;
        }

        @Override
        public Optional<String> remoteAddress() {
            return remote;
        }

        @Override
        public boolean canPush() {
            return channel.isActive();
        }

        @Override
        public void push(JsonNode message) {
            if (!channel.isActive()) return;
            channel.writeAndFlush(
                    new TextWebSocketFrame(new String(dispatcher.write(message), StandardCharsets.UTF_8)));
        }

        /** Runs at once when the connection is already closed, so that nothing registered late is left behind. */
        @Override
        public void onClose(Runnable action) {
            channel.closeFuture().addListener(f -> action.run());
        }
    }
}
