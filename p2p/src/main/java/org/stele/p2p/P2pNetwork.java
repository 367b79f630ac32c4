package org.stele.p2p;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import io.netty.handler.flush.FlushConsolidationHandler;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.p2p.message.DisconnectReason;
import org.stele.p2p.message.Message;
import org.stele.p2p.message.Message.Disconnect;
import org.stele.p2p.message.Message.GetTransactions;
import org.stele.p2p.message.Message.Hello;
import org.stele.p2p.message.Message.TransactionHashes;
import org.stele.p2p.message.Message.Transactions;
import org.stele.p2p.tls.PeerTrustManager;
import org.stele.p2p.tls.TlsIdentity;

/**
 * A node's P2P network: listens, keeps its static peers connected (redialing with doubling backoff), admits only
 * allowlisted addresses, and sends and broadcasts messages to connected peers. Each peer is reached over one
 * connection at a time (see {@link #activated} for two nodes that dial each other at once).
 */
public final class P2pNetwork implements AutoCloseable {
    /** The protocol version in this node's hello; a peer with another one is disconnected. */
    public static final int PROTOCOL_VERSION = 1;

    private static final Logger LOG = LoggerFactory.getLogger(P2pNetwork.class);

    private final P2pConfig config;
    private final P2pListener listener;
    private final TlsIdentity tls;
    private final BanList bans;
    private final EventLoopGroup acceptor;
    private final EventLoopGroup io;
    private final Bootstrap dialer;
    private final Channel server;
    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
    private final Map<Address, PeerConnection> peers = new HashMap<>(); // guarded by this
    private final Map<Address, PeerConnection> spares = new HashMap<>(); // guarded by this
    private final Map<Address, StaticPeer> staticPeers = new HashMap<>(); // guarded by this
    private volatile boolean closed;

    private P2pNetwork(P2pConfig config, P2pListener listener) {
        this.config = config;
        this.listener = listener;
        this.tls = new TlsIdentity(config.nodeKey(), config.suite(), config.clock(), config.random());
        P2pLimits limits = config.limits();
        this.bans = new BanList(config.clock(), limits.strikesBeforeBan(), limits.banDuration());
        String name = "stele-p2p-" + tls.address().toHex().substring(2, 10);
        this.acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory(name + "-accept"),
                NioIoHandler.newFactory());
        this.io = new MultiThreadIoEventLoopGroup(limits.ioThreads(), new DefaultThreadFactory(name + "-io"),
                NioIoHandler.newFactory());
        this.dialer = new Bootstrap().group(io).channel(NioSocketChannel.class)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) limits.handshakeTimeout().toMillis())
                .option(ChannelOption.TCP_NODELAY, true);
        ChannelFuture bound = new ServerBootstrap().group(acceptor, io).channel(NioServerSocketChannel.class)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(pipeline(() -> tls.server(this::refusal), false)).bind(config.listen())
                .awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutdownGroups();
            throw new IllegalStateException("cannot listen for P2P on " + config.listen() + ": "
                    + bound.cause().getMessage(), bound.cause());
        }
        this.server = bound.channel();
    }

    /**
     * Listens on {@code config.listen()} and starts dialing the static peers. Throws {@link IllegalStateException}
     * when the address cannot be bound.
     */
    public static P2pNetwork start(P2pConfig config, P2pListener listener) {
        P2pNetwork network = new P2pNetwork(config, listener);
        for (PeerEndpoint peer : config.staticPeers())
            network.addPeer(peer);
        return network;
    }

    /** This node's address (its identity on the network). */
    public Address self() {
        return tls.address();
    }

    /** Where this node accepts connections (with the actual port when configured with port 0). */
    public InetSocketAddress listenAddress() {
        return (InetSocketAddress) server.localAddress();
    }

    /** The connected peers. */
    public synchronized List<PeerInfo> peers() {
        return peers.values().stream().map(PeerConnection::info).toList();
    }

    /** Keeps {@code peer} connected from now on (as a static peer); nothing when it is one already. */
    public void addPeer(PeerEndpoint peer) {
        StaticPeer sp;
        synchronized (this) {
            if (closed || staticPeers.containsKey(peer.address()))
                return;
            sp = new StaticPeer(peer, config.limits().reconnectInitial());
            staticPeers.put(peer.address(), sp);
        }
        dial(sp);
    }

    /** Stops keeping {@code peer} connected and disconnects it; true when it was a static peer. */
    public boolean removePeer(Address peer) {
        StaticPeer sp;
        synchronized (this) {
            sp = staticPeers.remove(peer);
            if (sp != null) {
                sp.removed = true;
                if (sp.pending != null)
                    sp.pending.cancel(false);
            }
        }
        for (PeerConnection c : connections(peer))
            c.disconnect(DisconnectReason.REQUESTED, "removed");
        return sp != null;
    }

    /**
     * Queues {@code message} to {@code peer}; false when it is not connected or its outbound queue is full (the message
     * is then dropped). Transactions and announced hashes the peer is known to have are left out; the transactions a
     * {@link GetTransactions} asks for are let in when they come, although the announcement made them known.
     */
    public boolean send(Address peer, Message message) {
        requireNodeMessage(message);
        PeerConnection connection;
        synchronized (this) {
            connection = peers.get(peer);
        }
        if (connection == null)
            return false;
        return switch (message) {
            case Transactions t -> connection.sendTransactions(t.transactions(), hashes(t), false);
            case TransactionHashes t -> connection.announceTransactions(t.hashes());
            case GetTransactions g -> connection.request(g);
            default -> connection.send(message);
        };
    }

    /**
     * Answers {@code peer}'s request for transactions: sends all of {@code transactions} (whose hashes match by index),
     * including those it is known to have, since it asked. False when it is not connected or its queue is full.
     */
    public boolean sendRequested(Address peer, List<Bytes> transactions, List<Bytes32> hashes) {
        PeerConnection connection;
        synchronized (this) {
            connection = peers.get(peer);
        }
        return connection != null && !transactions.isEmpty()
                && connection.sendTransactions(transactions, hashes, true);
    }

    /**
     * Sends {@code transactions} (whose hashes match by index) to every connected peer not known to have them; returns
     * how many peers took what was left for them.
     */
    public int broadcastTransactions(List<Bytes> transactions, List<Bytes32> hashes) {
        int sent = 0;
        for (PeerConnection c : connected())
            if (c.sendTransactions(transactions, hashes, false))
                sent++;
        return sent;
    }

    /**
     * Announces {@code hashes} to every connected peer not known to have them (a peer that lacks one asks for it);
     * returns how many peers took what was left for them.
     */
    public int announceTransactions(List<Bytes32> hashes) {
        int sent = 0;
        for (PeerConnection c : connected())
            if (c.announceTransactions(hashes))
                sent++;
        return sent;
    }

    /**
     * Announces {@code hashes} to the connected peers that {@code to} accepts and that are not known to have them;
     * returns how many peers took what was left for them.
     */
    public int announceTransactions(List<Bytes32> hashes, Predicate<Address> to) {
        int sent = 0;
        for (PeerConnection c : connected()) {
            Optional<Address> peer = c.peer();
            if (peer.isPresent() && to.test(peer.get()) && c.announceTransactions(hashes))
                sent++;
        }
        return sent;
    }

    private synchronized List<PeerConnection> connected() {
        return new ArrayList<>(peers.values());
    }

    /** Queues {@code message} to every connected peer; returns how many took it. */
    public int broadcast(Message message) {
        requireNodeMessage(message);
        List<PeerConnection> targets;
        synchronized (this) {
            targets = new ArrayList<>(peers.values());
        }
        List<Bytes32> hashes = message instanceof Transactions t ? hashes(t) : null;
        int sent = 0;
        for (PeerConnection c : targets) {
            boolean taken = switch (message) {
                case Transactions t -> c.sendTransactions(t.transactions(), hashes, false);
                case TransactionHashes t -> c.announceTransactions(t.hashes());
                case GetTransactions g -> c.request(g);
                default -> c.send(message);
            };
            if (taken)
                sent++;
        }
        return sent;
    }

    /**
     * The node found a message from {@code peer} invalid (a bad signature, a vote from a non-validator): the peer gets
     * a strike, as for a malformed frame, and is disconnected.
     */
    public void misbehaved(Address peer, String detail) {
        List<PeerConnection> connections = connections(peer);
        strike(peer, DisconnectReason.BAD_MESSAGE);
        for (PeerConnection c : connections)
            c.disconnect(DisconnectReason.BAD_MESSAGE, detail);
    }

    /**
     * Disconnects the peers the allowlist no longer admits; the node calls it when the allowlist changes (the
     * governance contract's state at a new head). Returns how many were disconnected.
     */
    public int enforceAllowlist() {
        List<Address> connected;
        synchronized (this) {
            connected = new ArrayList<>(peers.keySet());
        }
        int dropped = 0;
        for (Address peer : connected) {
            if (config.allowlist().isAllowed(peer))
                continue;
            for (PeerConnection c : connections(peer))
                c.disconnect(DisconnectReason.NOT_ALLOWED, "no longer on the allowlist");
            dropped++;
        }
        return dropped;
    }

    private synchronized List<PeerConnection> connections(Address peer) {
        List<PeerConnection> out = new ArrayList<>();
        if (peers.containsKey(peer))
            out.add(peers.get(peer));
        if (spares.containsKey(peer))
            out.add(spares.get(peer));
        return out;
    }

    /** Disconnects every peer, stops listening and dialing, and shuts the event loops down. */
    @Override
    public void close() {
        List<PeerConnection> connected;
        synchronized (this) {
            if (closed)
                return;
            closed = true;
            for (StaticPeer sp : staticPeers.values())
                if (sp.pending != null)
                    sp.pending.cancel(false);
            connected = new ArrayList<>(peers.values());
            connected.addAll(spares.values());
        }
        server.close().awaitUninterruptibly();
        for (PeerConnection c : connected)
            c.disconnect(DisconnectReason.SHUTTING_DOWN, "");
        for (Channel ch : channels)
            ch.close();
        for (Channel ch : channels)
            ch.closeFuture().awaitUninterruptibly(1, TimeUnit.SECONDS);
        shutdownGroups();
    }

    private void shutdownGroups() {
        var a = acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        var b = io.shutdownGracefully(0, 2, TimeUnit.SECONDS);
        a.awaitUninterruptibly();
        b.awaitUninterruptibly();
    }

    /** Whether every event loop of this network has terminated (after {@link #close}). */
    public boolean isTerminated() {
        return acceptor.isTerminated() && io.isTerminated();
    }

    private ChannelInitializer<SocketChannel> pipeline(Supplier<TlsIdentity.Handshake> handshakes, boolean outbound) {
        P2pLimits limits = config.limits();
        return new ChannelInitializer<>() {
            @Override
            protected void initChannel(SocketChannel ch) {
                if (closed) {
                    ch.close();
                    return;
                }
                channels.add(ch);
                ch.closeFuture().addListener(f -> channels.remove(ch));
                TlsIdentity.Handshake handshake = handshakes.get();
                SslHandler ssl = new SslHandler(handshake.engine());
                ssl.setHandshakeTimeoutMillis(limits.handshakeTimeout().toMillis());
                // Messages are written from the node's threads one by one; the consolidation handler flushes them
                // together once the event loop has taken every write queued, so TLS seals them in shared records
                // (up to 16 KiB each) and the socket gets one write, rather than a record and a syscall per message.
                ch.pipeline().addLast("tls", ssl)
                        .addLast("flush", new FlushConsolidationHandler(
                                FlushConsolidationHandler.DEFAULT_EXPLICIT_FLUSH_AFTER_FLUSHES, true))
                        .addLast("frames", new LengthFieldBasedFrameDecoder(limits.maxFrameBytes() + 4, 0, 4, 0, 4))
                        .addLast("length", new LengthFieldPrepender(4))
                        .addLast("messages", new FrameCodec(limits.maxFrameBytes()))
                        .addLast("session", new PeerConnection(P2pNetwork.this, handshake, outbound, limits,
                                config.clock()));
            }
        };
    }

    private void dial(StaticPeer sp) {
        synchronized (this) {
            sp.pending = null;
            if (closed || sp.removed || sp.dialing || peers.containsKey(sp.endpoint.address()))
                return;
            sp.dialing = true;
        }
        Address expected = sp.endpoint.address();
        ChannelFuture connect = dialer.clone()
                .handler(pipeline(() -> tls.client(expected, this::refusal), true))
                .connect(sp.endpoint.host(), sp.endpoint.port());
        connect.addListener(f -> {
            if (!f.isSuccess()) {
                listener.onRefused(new InetSocketAddress(sp.endpoint.host(), sp.endpoint.port()),
                        "cannot connect: " + f.cause().getMessage());
                dialEnded(sp);
            } else {
                connect.channel().closeFuture().addListener(c -> dialEnded(sp));
            }
        });
    }

    private void dialEnded(StaticPeer sp) {
        synchronized (this) {
            sp.dialing = false;
        }
        scheduleRedial(sp);
    }

    private void scheduleRedial(StaticPeer sp) {
        Duration wait;
        synchronized (this) {
            if (closed || sp.removed || sp.dialing || sp.pending != null || peers.containsKey(sp.endpoint.address()))
                return;
            wait = sp.backoff;
            Duration doubled = sp.backoff.multipliedBy(2);
            sp.backoff = doubled.compareTo(config.limits().reconnectMax()) > 0
                    ? config.limits().reconnectMax()
                    : doubled;
            try {
                sp.pending = io.next().schedule(() -> dial(sp), wait.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                // shutting down: nothing left to redial
            }
        }
    }

    Optional<String> refusal(Address peer) {
        if (peer.equals(tls.address()))
            return Optional.of("connection to self");
        if (!config.allowlist().isAllowed(peer))
            return Optional.of("node " + peer.toChecksumHex() + " is not on the allowlist");
        return bans.bannedUntil(peer).map(until -> "node " + peer.toChecksumHex() + " is banned until " + until);
    }

    Hello localHello() {
        ChainHead head = config.head().get();
        return new Hello(PROTOCOL_VERSION, config.chainId(), config.genesisHash(), head.number(), head.hash());
    }

    Optional<Disconnect> checkHello(Hello hello) {
        if (hello.protocolVersion() != PROTOCOL_VERSION)
            return Optional.of(new Disconnect(DisconnectReason.PROTOCOL_VERSION, "protocol version "
                    + hello.protocolVersion() + ", this node speaks " + PROTOCOL_VERSION));
        if (hello.chainId() != config.chainId())
            return Optional.of(new Disconnect(DisconnectReason.WRONG_CHAIN, "chain id " + hello.chainId()
                    + ", this node is on " + config.chainId()));
        if (!hello.genesisHash().equals(config.genesisHash()))
            return Optional.of(new Disconnect(DisconnectReason.WRONG_GENESIS, "genesis " + hello.genesisHash()
                    + ", this node has " + config.genesisHash()));
        return Optional.empty();
    }

    /**
     * A connection whose hello matched. When two nodes dial each other at once, each ends up with two connections to
     * the other; both stay open (so nothing sent on either is lost) and both ends send on the one dialed by the lower
     * address, falling back to the other if it closes. The node sees one peer throughout.
     */
    void activated(PeerConnection connection) {
        Address peer = connection.peer().orElseThrow();
        PeerConnection dropped = null;
        boolean announce = false;
        synchronized (this) {
            PeerConnection primary = peers.get(peer);
            if (closed) {
                dropped = connection;
            } else if (primary == null) {
                peers.put(peer, connection);
                announce = true;
            } else if (spares.containsKey(peer)) {
                dropped = connection;
            } else if (preferred(connection, primary)) {
                peers.put(peer, connection);
                spares.put(peer, primary);
            } else {
                spares.put(peer, connection);
            }
            StaticPeer sp = staticPeers.get(peer);
            if (sp != null)
                sp.backoff = config.limits().reconnectInitial();
        }
        if (dropped != null)
            dropped.disconnect(closed ? DisconnectReason.SHUTTING_DOWN : DisconnectReason.DUPLICATE_CONNECTION, "");
        if (announce)
            notify(() -> listener.onConnected(connection.info()));
    }

    /** Of two connections to one peer, both ends prefer the one dialed by the lower address. */
    private boolean preferred(PeerConnection candidate, PeerConnection existing) {
        if (candidate.outbound() == existing.outbound())
            return false;
        Address peer = candidate.peer().orElseThrow();
        Address candidateDialer = candidate.outbound() ? tls.address() : peer;
        Address existingDialer = existing.outbound() ? tls.address() : peer;
        return candidateDialer.compareTo(existingDialer) < 0;
    }

    void closed(PeerConnection connection) {
        Optional<Address> peer = connection.peer();
        boolean wasPeer = false;
        StaticPeer sp = null;
        synchronized (this) {
            if (peer.isPresent()) {
                Address a = peer.get();
                if (spares.get(a) == connection) {
                    spares.remove(a);
                } else if (peers.get(a) == connection) {
                    PeerConnection spare = spares.remove(a);
                    if (spare != null) {
                        peers.put(a, spare);
                    } else {
                        peers.remove(a);
                        wasPeer = true;
                        sp = staticPeers.get(a);
                    }
                }
            }
        }
        if (wasPeer) {
            Address a = peer.get();
            notify(() -> listener.onDisconnected(a, connection.reason(), connection.byPeer()));
            if (sp != null)
                scheduleRedial(sp);
        } else if (!connection.isActive()) {
            notify(() -> listener.onRefused(connection.remote(), connection.failure()));
        }
    }

    void strike(Address peer, DisconnectReason why) {
        if (bans.strike(peer))
            LOG.warn("banning node {} for {} after repeated {}", peer.toChecksumHex(), config.limits().banDuration(),
                    why);
    }

    void deliver(Address peer, Message message) {
        notify(() -> listener.onMessage(peer, message));
    }

    void deliverTransactions(Address peer, Transactions batch, List<Bytes32> hashes) {
        notify(() -> listener.onTransactions(peer, batch, hashes));
    }

    Bytes32 transactionHash(Bytes transaction) {
        return Bytes32.wrap(config.suite().hash(transaction.unsafeArray()));
    }

    private List<Bytes32> hashes(Transactions t) {
        return t.transactions().stream().map(this::transactionHash).toList();
    }

    /** A listener that throws must not take the connection (or the event loop) down with it. */
    private void notify(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.error("P2P listener failed", e);
        }
    }

    private static void requireNodeMessage(Message message) {
        if (message instanceof Hello || message instanceof Disconnect)
            throw new IllegalArgumentException("hello and disconnect belong to the session; the network sends them");
    }

    /** A peer to keep connected, and when to try next. Fields guarded by the network's lock. */
    private static final class StaticPeer {
        final PeerEndpoint endpoint;
        Duration backoff;
        boolean dialing;
        boolean removed;
        ScheduledFuture<?> pending;

        StaticPeer(PeerEndpoint endpoint, Duration backoff) {
            this.endpoint = endpoint;
            this.backoff = backoff;
        }
    }
}
