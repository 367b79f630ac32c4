package org.stele.rpc.server;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.stele.rpc.JsonRpcDispatcher;

/**
 * JSON-RPC over HTTP and WebSocket on one port, and the node's pages on GET. Each connection passes, in order: the
 * connection count, the idle timeout and the header-read timeout (both dropped once a connection becomes a WebSocket),
 * HTTP decoding, the browser policy and in-order replies, then the WebSocket protocol.
 */
public final class RpcServer implements AutoCloseable {
    static final String IDLE = "idle";
    private final JsonRpcDispatcher dispatcher;
    private final StaticPages pages;
    private final java.util.List<HttpEndpoint> endpoints;
    private final RpcServerConfig config;
    private final EventLoopGroup boss = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoopGroup io = new MultiThreadIoEventLoopGroup(0, NioIoHandler.newFactory());
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();
    private final ConnectionCounter connections;
    private Channel serverChannel;

    public RpcServer(JsonRpcDispatcher dispatcher, RpcServerConfig config) {
        this(dispatcher, config, StaticPages.defaults());
    }

    /** A server that serves {@code pages} on GET besides JSON-RPC ({@link StaticPages#NONE} for none). */
    public RpcServer(JsonRpcDispatcher dispatcher, RpcServerConfig config, StaticPages pages) {
        this(dispatcher, config, pages, java.util.List.of());
    }

    /** A server that also answers GET under each of {@code endpoints}' prefixes, before looking for a page. */
    public RpcServer(JsonRpcDispatcher dispatcher, RpcServerConfig config, StaticPages pages,
            java.util.List<HttpEndpoint> endpoints) {
        this.dispatcher = dispatcher;
        this.pages = pages;
        this.endpoints = java.util.List.copyOf(endpoints);
        this.config = config;
        this.connections = new ConnectionCounter(config.connections().maxConnections());
    }

    /** Connections open now, HTTP and WebSocket. */
    public int openConnections() {
        return connections.open();
    }

    /** Binds and starts serving; returns the bound address (the real port when 0 was asked). */
    public InetSocketAddress start() throws InterruptedException {
        int max = config.limits().maxRequestBytes();
        ConnectionLimits limits = config.connections();
        ServerBootstrap b = new ServerBootstrap().group(boss, io).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        RequestDeadline deadline = new RequestDeadline(limits.headerReadTimeout());
                        ch.pipeline().addLast(connections)
                                .addLast(IDLE, new IdleStateHandler(0, 0, limits.idleTimeout().toMillis(),
                                        TimeUnit.MILLISECONDS))
                                .addLast(RequestDeadline.NAME, deadline)
                                .addLast(new HttpServerCodec(new HttpDecoderConfig(), Integer.MAX_VALUE))
                                .addLast(new HttpObjectAggregator(max))
                                .addLast(new HttpRpcHandler(dispatcher, pages, endpoints, workers, config.browsers(),
                                        limits.maxPipelined(), deadline))
                                .addLast(new WebSocketServerProtocolHandler(WebSocketServerProtocolConfig.newBuilder()
                                        .websocketPath("/").checkStartsWith(true).maxFramePayloadLength(max)
                                        .allowExtensions(true).build()))
                                .addLast(new WebSocketFrameAggregator(max))
                                .addLast(new WebSocketRpcHandler(dispatcher, workers));
                    }
                });
        serverChannel = b.bind(config.host(), config.port()).sync().channel();
        return (InetSocketAddress) serverChannel.localAddress();
    }

    @Override
    public void close() {
        if (serverChannel != null) serverChannel.close().syncUninterruptibly();
        boss.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        io.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        workers.shutdown();
    }
}
