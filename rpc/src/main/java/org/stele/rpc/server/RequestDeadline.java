package org.stele.rpc.server;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The header-read timeout. Sits before the HTTP decoder: the first byte of a request starts the clock, and the request
 * must be complete (told by {@link #requestComplete}) before it runs out, or the connection is closed. Waiting for a
 * request's first byte is the idle timeout's business, not this one's. Runs on the connection's event loop only.
 */
final class RequestDeadline extends ChannelInboundHandlerAdapter {
    static final String NAME = "request-deadline";
    private final long timeoutNanos;
    private ScheduledFuture<?> timer;

    RequestDeadline(Duration timeout) {
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (timer == null && msg instanceof ByteBuf b && b.isReadable()) {
            timer = ctx.executor().schedule(() -> ctx.close(), timeoutNanos, TimeUnit.NANOSECONDS);
        }
        ctx.fireChannelRead(msg);
    }

    /** A whole request arrived: the next byte starts the clock again. */
    void requestComplete() {
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        requestComplete();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        requestComplete();
        ctx.fireChannelInactive();
    }
}
