package org.stele.rpc.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Executor;
import org.stele.rpc.JsonRpcDispatcher;
import org.stele.rpc.RpcSession;

/** JSON-RPC over WebSocket text frames; the session can push subscription notifications. */
final class WebSocketRpcHandler extends SimpleChannelInboundHandler<WebSocketFrame> {
    private final JsonRpcDispatcher dispatcher;
    private final Executor workers;

    WebSocketRpcHandler(JsonRpcDispatcher dispatcher, Executor workers) {
        this.dispatcher = dispatcher;
        this.workers = workers;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (!(frame instanceof TextWebSocketFrame text)) {
            ctx.writeAndFlush(new CloseWebSocketFrame(1003, "JSON-RPC is sent in text frames"));
            return;
        }
        byte[] body = text.text().getBytes(StandardCharsets.UTF_8);
        Channel channel = ctx.channel();
        RpcSession session = new ChannelSession(channel, dispatcher);
        workers.execute(() -> dispatcher.handle(body, session)
                .ifPresent(
                        out -> channel.writeAndFlush(new TextWebSocketFrame(new String(out, StandardCharsets.UTF_8)))));
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }

    private record ChannelSession(Channel channel, JsonRpcDispatcher dispatcher) implements RpcSession {
        @Override
        public boolean canPush() {
            return channel.isActive();
        }

        @Override
        public void push(JsonNode message) {
            channel.writeAndFlush(
                    new TextWebSocketFrame(new String(dispatcher.write(message), StandardCharsets.UTF_8)));
        }
    }
}
