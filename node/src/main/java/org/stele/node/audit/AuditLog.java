package org.stele.node.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.stele.common.Address;
import org.stele.rpc.AdminAudit;
import org.stele.rpc.JsonRpcError;
import org.stele.rpc.RpcSession;

/**
 * An append-only audit log, one JSON object a line: {@code seq}, {@code time}, {@code caller}, for an admin call
 * {@code remote} (the client's {@code host:port}) and {@code account} (the account its token proved, or
 * {@code none}), {@code method},
 * {@code params} (the SHA-256 of the call's parameters, so secrets in them stay out of the log), {@code outcome},
 * {@code prev} (the previous entry's hash) and {@code hash}, the SHA-256 of the line without its hash. Changing,
 * removing or reordering an entry breaks the chain at that line, which {@link #verify} names. Each entry is forced to
 * disk before the call's answer leaves. A change of the node's configuration at run time adds {@code change}
 * ({@code what}, {@code old}, {@code new}): a static peer added or removed by {@code admin_addPeer} or
 * {@code admin_removePeer}, and each rule the chain's governance changed ({@code method}
 * {@code config.change}, {@code caller} the proposal and the vote that executed it, {@code block} and
 * {@code blockTime}).
 */
public final class AuditLog implements AdminAudit, AutoCloseable {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String GENESIS = "0".repeat(64);
    private final FileChannel channel;
    private final InstantSource clock;
    private long seq;
    private String prev;

    /** Opens (or creates) the log at {@code file}, continuing its chain. */
    public AuditLog(Path file, InstantSource clock) {
        this.clock = clock;
        try {
            if (file.getParent() != null)
                Files.createDirectories(file.getParent());
            List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
            if (lines.isEmpty()) {
                seq = 0;
                prev = GENESIS;
            } else {
                JsonNode last = JSON.readTree(lines.getLast());
                seq = last.path("seq").asLong();
                prev = last.path("hash").asText();
            }
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the audit log " + file + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void record(String method, JsonNode params, RpcSession session, Optional<JsonRpcError> error) {
        record(method, params, session, Optional.empty(), error);
    }

    @Override
    public void record(String method, JsonNode params, RpcSession session, Optional<Address> account,
            Optional<JsonRpcError> error) {
        record(method, params, session, account, error, null);
    }

    @Override
    public void record(String method, JsonNode params, RpcSession session, Optional<Address> account,
            Optional<JsonRpcError> error, JsonNode result) {
        String caller = session.authorization().map(a -> "bearer token sha256:" + sha256(a).substring(0, 16))
                .orElse("no token (loopback)");
        ObjectNode extra = JSON.createObjectNode();
        peerChange(method, params, error, result).ifPresent(change -> extra.set("change", change));
        append(caller, session.remoteAddress().orElse("unknown"), account.map(Address::toHex).orElse("none"), method,
                "sha256:" + sha256(params.toString()),
                error.map(e -> "error " + e.code() + ": " + e.message()).orElse("ok"), extra);
    }

    /** What an {@code admin_addPeer} or {@code admin_removePeer} call changed: nothing when it answered false. */
    private static Optional<ObjectNode> peerChange(String method, JsonNode params, Optional<JsonRpcError> error,
            JsonNode result) {
        if (error.isPresent() || result == null || !result.asBoolean(false) || params.size() == 0)
            return Optional.empty();
        String peer = params.get(0).asText();
        return switch (method) {
            case "admin_addPeer" -> Optional.of(change("static peer " + peer, "absent", "present"));
            case "admin_removePeer" -> Optional.of(change("static peer " + peer, "present", "absent"));
            default -> Optional.empty();
        };
    }

    private static ObjectNode change(String what, String old, String now) {
        ObjectNode c = JSON.createObjectNode();
        c.put("what", what);
        c.put("old", old);
        c.put("new", now);
        return c;
    }

    /**
     * Records a change of the configuration every node follows that the chain made at run time (a parameter an
     * executed proposal set), as this node saw it at block {@code block}, of time {@code blockTime} (Unix seconds).
     */
    public void configurationChanged(String who, String what, String old, String now, long block, long blockTime) {
        ObjectNode extra = JSON.createObjectNode();
        extra.set("change", change(what, old, now));
        extra.put("block", block);
        extra.put("blockTime", java.time.Instant.ofEpochSecond(blockTime).toString());
        append(who, null, null, "config.change", "sha256:" + sha256(extra.toString()), "ok", extra);
    }

    /** Records the node starting with a configuration: a changed configuration shows as another digest. */
    public void started(String configuration) {
        append("node", null, null, "node.start", "sha256:" + sha256(configuration), "ok");
    }

    void append(String caller, String remote, String account, String method, String params, String outcome) {
        append(caller, remote, account, method, params, outcome, JSON.createObjectNode());
    }

    synchronized void append(String caller, String remote, String account, String method, String params,
            String outcome, ObjectNode extra) {
        ObjectNode entry = JSON.createObjectNode();
        entry.put("seq", seq + 1);
        entry.put("time", clock.instant().toString());
        entry.put("caller", caller);
        if (remote != null) entry.put("remote", remote);
        if (account != null) entry.put("account", account);
        entry.put("method", method);
        entry.put("params", params);
        entry.put("outcome", outcome);
        entry.setAll(extra);
        entry.put("prev", prev);
        String hash = sha256(entry.toString());
        entry.put("hash", hash);
        try {
            channel.write(ByteBuffer.wrap((entry + "\n").getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the audit log: " + e.getMessage(), e);
        }
        seq++;
        prev = hash;
    }

    /** Checks the chain of the log at {@code file}: empty when intact, else the first broken line and why. */
    public static Optional<String> verify(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        String prev = GENESIS;
        for (int i = 0; i < lines.size(); i++) {
            int line = i + 1;
            JsonNode n;
            try {
                n = JSON.readTree(lines.get(i));
            } catch (IOException e) {
                return Optional.of("line " + line + ": not a JSON entry");
            }
            if (!(n instanceof ObjectNode entry) || !entry.has("hash"))
                return Optional.of("line " + line + ": not an audit entry");
            if (entry.path("seq").asLong() != line)
                return Optional.of("line " + line + ": seq " + entry.path("seq").asText() + " where " + line
                        + " belongs (an entry was removed or moved)");
            if (!entry.path("prev").asText().equals(prev))
                return Optional.of("line " + line + ": prev does not name the hash of the entry before it");
            String hash = entry.path("hash").asText();
            ObjectNode body = entry.deepCopy();
            body.remove("hash");
            if (!sha256(body.toString()).equals(hash))
                return Optional.of("line " + line + ": the entry does not match its hash (it was changed)");
            prev = hash;
        }
        return Optional.empty();
    }

    static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing: nothing more is written
        }
    }
}
