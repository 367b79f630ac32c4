package org.stele.p2p;

import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.net.SocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLException;
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
import org.stele.p2p.tls.TlsIdentity;

/**
 * One connection's session, on its channel's event loop: after the TLS handshake proves the peer's address, both sides
 * send a hello; a matching hello makes the connection a peer. Then messages flow, bounded by the inbound rate and the
 * outbound queue; a malformed, oversized or unexpected message ends the connection with a strike against the peer.
 */
final class PeerConnection extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(PeerConnection.class);

    private final P2pNetwork network;
    private final TlsIdentity.Handshake handshake;
    private final boolean outbound;
    private final RateLimiter rate;
    private final KnownHashes knownTransactions;
    /** Transactions asked of the peer and not yet received: they come even though its announcement made them known. */
    private final KnownHashes requestedTransactions;
    private final AtomicInteger queued = new AtomicInteger();
    private final int outboundQueue;
    private final long handshakeTimeoutMillis;

    private volatile Channel channel;
    private volatile Address peer;
    private volatile Hello hello;
    private volatile boolean closing;
    private volatile DisconnectReason reason = DisconnectReason.CONNECTION_LOST;
    private volatile boolean byPeer;
    private volatile String failure;

    PeerConnection(P2pNetwork network, TlsIdentity.Handshake handshake, boolean outbound, P2pLimits limits,
            java.time.Clock clock) {
        this.network = network;
        this.handshake = handshake;
        this.outbound = outbound;
        this.rate = new RateLimiter(clock, limits.inboundPerSecond(), limits.inboundBurst());
        this.knownTransactions = new KnownHashes(limits.knownTransactions());
        this.requestedTransactions = new KnownHashes(limits.knownTransactions());
        this.outboundQueue = limits.outboundQueue();
        this.handshakeTimeoutMillis = limits.handshakeTimeout().toMillis();
    }

    Optional<Address> peer() {
        return Optional.ofNullable(peer);
    }

    boolean isActive() {
        return hello != null;
    }

    boolean outbound() {
        return outbound;
    }

    PeerInfo info() {
        return new PeerInfo(peer, channel.remoteAddress(), outbound, hello);
    }

    SocketAddress remote() {
        return channel == null ? null : channel.remoteAddress();
    }

    DisconnectReason reason() {
        return reason;
    }

    boolean byPeer() {
        return byPeer;
    }

    String failure() {
        return failure != null ? failure : reason + (byPeer ? " (by peer)" : "");
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        channel = ctx.channel();
        ctx.executor().schedule(() -> {
            if (hello == null && !closing)
                disconnect(DisconnectReason.TIMEOUT, "no handshake and hello within " + handshakeTimeoutMillis
                        + " ms");
        }, handshakeTimeoutMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
        if (event instanceof SslHandshakeCompletionEvent done) {
            if (done.isSuccess()) {
                peer = handshake.trust().peer().orElseThrow();
                ctx.writeAndFlush(network.localHello());
            } else {
                failure = handshake.trust().refusal().orElse("TLS handshake failed: " + rootMessage(done.cause()));
                ctx.close();
            }
        }
        super.userEventTriggered(ctx, event);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (closing || !(msg instanceof Message message))
            return;
        if (!rate.tryAcquire()) {
            misbehave(DisconnectReason.RATE_LIMITED, "more than the allowed message rate");
            return;
        }
        if (message instanceof Disconnect d) {
            closing = true;
            reason = d.reason();
            byPeer = true;
            failure = "peer disconnected: " + d.reason() + (d.detail().isEmpty() ? "" : " (" + d.detail() + ")");
            ctx.close();
            return;
        }
        if (hello == null) {
            if (!(message instanceof Hello h)) {
                misbehave(DisconnectReason.UNEXPECTED_MESSAGE, "expected a hello first, got "
                        + message.getClass().getSimpleName());
                return;
            }
            Optional<Disconnect> mismatch = network.checkHello(h);
            if (mismatch.isPresent()) {
                disconnect(mismatch.get().reason(), mismatch.get().detail());
                return;
            }
            hello = h;
            network.activated(this);
            return;
        }
        switch (message) {
            case Hello h -> misbehave(DisconnectReason.UNEXPECTED_MESSAGE, "a second hello");
            case Transactions t -> {
                List<Bytes> fresh = new ArrayList<>();
                List<Bytes32> freshHashes = new ArrayList<>();
                for (Bytes tx : t.transactions()) {
                    Bytes32 hash = network.transactionHash(tx);
                    if (knownTransactions.add(hash) | requestedTransactions.remove(hash)) {
                        fresh.add(tx);
                        freshHashes.add(hash);
                    }
                }
                if (!fresh.isEmpty())
                    network.deliverTransactions(peer,
                            fresh.size() == t.transactions().size() ? t : new Transactions(fresh), freshHashes);
            }
            case TransactionHashes t -> {
                List<Bytes32> fresh = new ArrayList<>();
                for (Bytes32 hash : t.hashes())
                    if (knownTransactions.add(hash))
                        fresh.add(hash);
                if (!fresh.isEmpty())
                    network.deliver(peer, fresh.size() == t.hashes().size() ? t : new TransactionHashes(fresh));
            }
            default -> network.deliver(peer, message);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (closing)
            return;
        if (peer != null && cause instanceof TooLongFrameException) {
            misbehave(DisconnectReason.OVERSIZED_FRAME, "frame exceeds the limit");
        } else if (peer != null && cause instanceof DecoderException && !(cause.getCause() instanceof SSLException)) {
            // After the handshake every decoder failure but TLS's own (and the frame limit, above) is a payload that
            // is not a message.
            Throwable detail = cause.getCause() != null ? cause.getCause() : cause;
            misbehave(DisconnectReason.MALFORMED_MESSAGE, String.valueOf(detail.getMessage()));
        } else {
            closing = true;
            if (failure == null)
                failure = handshake.trust().refusal().orElse(rootMessage(cause));
            ctx.close();
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        closing = true;
        network.closed(this);
        super.channelInactive(ctx);
    }

    /** Queues a message to the peer; false when it is not a peer (yet or any more) or its queue is full. */
    boolean send(Message message) {
        if (hello == null || closing)
            return false;
        if (queued.incrementAndGet() > outboundQueue) {
            queued.decrementAndGet();
            return false;
        }
        channel.writeAndFlush(message).addListener(f -> {
            queued.decrementAndGet();
            if (!f.isSuccess() && channel.isActive()) // a message the codec refused (over the frame limit)
                LOG.warn("not sent to {}: {}", peer, f.cause().getMessage());
        });
        return true;
    }

    /**
     * Sends those of {@code transactions} the peer is not known to have, or all of them when {@code evenIfKnown} (the
     * peer asked for them after an announcement, which marked them known); {@code hashes} match them by index.
     */
    boolean sendTransactions(List<Bytes> transactions, List<Bytes32> hashes, boolean evenIfKnown) {
        List<Bytes> fresh = new ArrayList<>();
        List<Bytes32> marked = new ArrayList<>();
        for (int i = 0; i < transactions.size(); i++) {
            boolean added = knownTransactions.add(hashes.get(i));
            if (added)
                marked.add(hashes.get(i));
            if (added || evenIfKnown)
                fresh.add(transactions.get(i));
        }
        return fresh.isEmpty() || sendOrForget(new Transactions(fresh), marked);
    }

    /** Asks the peer for the transactions with {@code hashes}, which it announced. */
    boolean request(GetTransactions request) {
        for (Bytes32 hash : request.hashes())
            requestedTransactions.add(hash);
        return send(request);
    }

    /** Announces those of {@code hashes} the peer is not known to have. */
    boolean announceTransactions(List<Bytes32> hashes) {
        List<Bytes32> fresh = new ArrayList<>();
        for (Bytes32 hash : hashes)
            if (knownTransactions.add(hash))
                fresh.add(hash);
        return fresh.isEmpty() || sendOrForget(new TransactionHashes(fresh), fresh);
    }

    /**
     * Sends {@code message}, or, when the queue refuses it, forgets that the peer knows {@code marked} (marked for this
     * message only): the peer never got them, so a later send or announcement must still offer them.
     */
    private boolean sendOrForget(Message message, List<Bytes32> marked) {
        if (send(message))
            return true;
        for (Bytes32 hash : marked)
            knownTransactions.remove(hash);
        return false;
    }

    /** Tells the peer why and closes; from any thread, once (later calls find it closing). */
    synchronized void disconnect(DisconnectReason why, String detail) {
        if (closing)
            return;
        closing = true;
        reason = why;
        byPeer = false;
        if (hello == null)
            failure = why + ": " + detail;
        channel.writeAndFlush(new Disconnect(why, detail)).addListener(ChannelFutureListener.CLOSE);
    }

    private void misbehave(DisconnectReason why, String detail) {
        if (peer != null)
            network.strike(peer, why);
        disconnect(why, detail);
    }

    private static String rootMessage(Throwable t) {
        while (t.getCause() != null && t.getCause() != t)
            t = t.getCause();
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
