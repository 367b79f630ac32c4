package org.stele.apps.identity.resolver;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.InstantSource;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.stele.apps.identity.resolver.DidResolution.Outcome;
import org.stele.common.Address;
import org.stele.common.crypto.Keccak256;

/**
 * Resolves {@code did:ethr} DIDs of one chain into W3C DID Resolution Results equal to ethr-did-resolver 11.0.4's, with
 * the {@code versionId} (a block number) and {@code versionTime} (ISO 8601: the last block at or before it) options.
 * The DID is parsed as did-resolver parses it, its method-specific id as ethr-did-resolver does: an optional network
 * ({@code 0x}-hex chain id; none, or {@code mainnet}, meaning chain 1) then an address or a compressed public key. A
 * DID of another chain is not found here. Deterministic given its chain and clock: the clock only judges which
 * delegates and attributes of the latest version are still valid, as ethr-did-resolver's wall clock does.
 */
public final class DidResolver {
    private static final String ID_CHAR = "(?:[a-zA-Z0-9._-]|%[0-9a-fA-F]{2})";
    private static final String PARAM_CHAR = "[a-zA-Z0-9_.:%-]";
    /** did-resolver's DID URL grammar: method, method-specific id, params, path, query, fragment. */
    private static final Pattern DID_URL = Pattern.compile("^did:([a-z0-9]+):((?:" + ID_CHAR + "*:)*(" + ID_CHAR
            + "+))((;" + PARAM_CHAR + "+=" + PARAM_CHAR + "*)*)(/[^#?]*)?([?][^#]*)?(#.*)?$");
    /** ethr-did-resolver's method-specific id: an optional network prefix, then an address or a compressed key. */
    private static final Pattern IDENTIFIER = Pattern.compile("^(.*)?(0x[0-9a-fA-F]{40}|0x[0-9a-fA-F]{66})$",
            Pattern.DOTALL);
    private static final String DID_CONTEXT = "https://www.w3.org/ns/did/v1";
    private static final List<String> CONTEXT = List.of(DID_CONTEXT,
            "https://w3id.org/security/suites/secp256k1recovery-2020/v2", "https://w3id.org/security/v3-unstable");
    private static final ECCurve SECP256K1 = SECNamedCurves.getByName("secp256k1").getCurve();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final DidChain chain;
    private final InstantSource clock;

    public DidResolver(DidChain chain, InstantSource clock) {
        this.chain = chain;
        this.clock = clock;
    }

    /**
     * Resolves a DID, or a DID URL whose query may carry {@code versionId} or {@code versionTime}; {@code options} (the
     * HTTP request's query, already decoded) add to those.
     */
    public DidResolution resolve(String didUrl, Map<String, String> options) {
        try {
            return resolveOnChain(didUrl, options, null);
        } catch (DidChain.UnavailableException e) {
            return error(Outcome.UNAVAILABLE, e.getMessage());
        }
    }

    /**
     * The DID as of {@code time} for judging what it signed then: the version of the last block at or before
     * {@code time} (as {@code versionTime} gives it), with its delegates' and attributes' validity judged at
     * {@code time} itself rather than at that block's time, so that one revoked in that block (valid until its block's
     * second, as ethr-did-resolver counts) does not count for a signature made seconds later, before the next block.
     */
    public DidResolution resolveAt(String did, Instant time) {
        try {
            return resolveOnChain(did, Map.of("versionTime", time.toString()), time);
        } catch (DidChain.UnavailableException e) {
            return error(Outcome.UNAVAILABLE, e.getMessage());
        }
    }

    /**
     * Resolves as the W3C DID Resolution HTTP binding asks: {@code rawPath} is what follows {@code /1.0/identifiers/},
     * the DID (or DID URL) raw or percent-encoded; {@code rawQuery} (null for none) holds the options.
     */
    public DidResolution resolveHttp(String rawPath, String rawQuery) {
        String didUrl;
        try {
            didUrl = percentDecode(rawPath);
        } catch (IllegalArgumentException e) {
            return error(Outcome.INVALID_DID, "bad percent-encoding in " + rawPath);
        }
        return resolve(didUrl, rawQuery == null ? Map.of() : query(rawQuery));
    }

    /** RFC 3986 percent-decoding, leaving {@code +} as it is (it is no space in a path). */
    static String percentDecode(String raw) {
        if (raw.indexOf('%') < 0)
            return raw;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length())
                    throw new IllegalArgumentException("truncated escape");
                out.write(HexFormat.fromHexDigits(raw, i + 1, i + 3));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    private DidResolution resolveOnChain(String didUrl, Map<String, String> options, Instant validAt) {
        Matcher parsed = DID_URL.matcher(didUrl);
        if (!parsed.matches())
            return error(Outcome.INVALID_DID, "not a DID: " + didUrl);
        String method = parsed.group(1);
        if (!method.equals("ethr"))
            return error(Outcome.METHOD_NOT_SUPPORTED, "this resolver resolves did:ethr only, not did:" + method);
        String did = "did:ethr:" + parsed.group(2);
        Map<String, String> params = new LinkedHashMap<>();
        if (parsed.group(7) != null)
            params.putAll(query(parsed.group(7).substring(1)));
        params.putAll(options);
        Matcher id = IDENTIFIER.matcher(parsed.group(2));
        if (!id.matches())
            return error(Outcome.INVALID_DID, "Not a valid did:ethr: " + parsed.group(2));
        String network = id.group(1) == null || id.group(1).isEmpty()
                ? "mainnet"
                : id.group(1).substring(0, id.group(1).length() - 1);
        long chainId = chain.chainId();
        if (!network.equals("0x" + Long.toHexString(chainId)) && !(network.equals("mainnet") && chainId == 1))
            return error(Outcome.NOT_FOUND, "this node serves chain 0x" + Long.toHexString(chainId)
                    + " (did:ethr:0x" + Long.toHexString(chainId) + ":...), not network " + network);
        String identifier = id.group(2);
        Address address;
        String controllerKey = null;
        if (identifier.length() == 42) {
            try {
                address = Address.fromHex(identifier); // checks EIP-55 on a mixed-case address, as ethers does
            } catch (IllegalArgumentException e) {
                return error(Outcome.INVALID_DID, e.getMessage());
            }
        } else {
            try {
                byte[] point = SECP256K1.decodePoint(HexFormat.of().parseHex(identifier.substring(2)))
                        .getEncoded(false);
                byte[] hash = Keccak256.hash(point, 1, 64);
                address = Address.wrap(java.util.Arrays.copyOfRange(hash, 12, 32));
            } catch (IllegalArgumentException e) {
                return error(Outcome.INVALID_DID, "not a secp256k1 public key: " + identifier);
            }
            controllerKey = identifier;
        }
        long head = chain.headNumber();
        long blockHeight = -1;
        BigInteger now = BigInteger.valueOf(clock.instant().getEpochSecond());
        String versionId = params.get("versionId");
        String versionTime = params.get("versionTime");
        if (versionId != null && versionTime != null)
            return error(Outcome.INVALID_OPTIONS, "give versionId or versionTime, not both");
        if (versionId != null) {
            if (!versionId.matches("[0-9]{1,18}"))
                return error(Outcome.INVALID_OPTIONS, "versionId is a block number, got " + versionId);
            blockHeight = Long.parseLong(versionId);
            if (blockHeight > head)
                return error(Outcome.NOT_FOUND, "Block at height " + blockHeight + " not found (the head is " + head
                        + ")");
        } else if (versionTime != null) {
            Instant time;
            try {
                time = OffsetDateTime.parse(versionTime).toInstant();
            } catch (DateTimeParseException e) {
                return error(Outcome.INVALID_OPTIONS,
                        "versionTime is an ISO 8601 time such as 2026-01-31T12:00:00Z, got " + versionTime);
            }
            OptionalLong found = lastBlockAtOrBefore(time.getEpochSecond(), head);
            if (found.isEmpty())
                return error(Outcome.NOT_FOUND, "the chain has no block at or before " + versionTime);
            blockHeight = found.getAsLong();
        }
        if (blockHeight >= 0)
            now = BigInteger.valueOf(validAt != null ? validAt.getEpochSecond() : timestamp(blockHeight));
        List<DidEvent> history = chain.history(address);
        DidDocuments.Built built = DidDocuments.build(did, address, controllerKey, history, chainId, blockHeight, now);
        ObjectNode result = NODES.objectNode();
        ObjectNode document = built.didDocument();
        document.set("@context", NODES.arrayNode().addAll(CONTEXT.stream().map(NODES::textNode).toList()));
        result.set("didDocument", document);
        result.putObject("didResolutionMetadata").put("contentType", "application/did+ld+json");
        ObjectNode metadata = result.putObject("didDocumentMetadata");
        if (built.deactivated())
            metadata.put("deactivated", true);
        if (built.versionId() != 0) {
            metadata.put("versionId", Long.toString(built.versionId()));
            metadata.put("updated", isoDate(timestamp(built.versionId())));
        }
        if (built.nextVersionId() != Long.MAX_VALUE) {
            metadata.put("nextVersionId", Long.toString(built.nextVersionId()));
            metadata.put("nextUpdate", isoDate(timestamp(built.nextVersionId())));
        }
        return new DidResolution(built.deactivated() ? Outcome.DEACTIVATED : Outcome.RESOLVED, result);
    }

    /** The newest block whose timestamp is at or before {@code seconds}: timestamps never decrease along a chain. */
    private OptionalLong lastBlockAtOrBefore(long seconds, long head) {
        if (timestamp(0) > seconds)
            return OptionalLong.empty();
        long low = 0;
        long high = head;
        while (low < high) {
            long mid = low + (high - low + 1) / 2;
            if (timestamp(mid) <= seconds)
                low = mid;
            else
                high = mid - 1;
        }
        return OptionalLong.of(low);
    }

    private long timestamp(long block) {
        return chain.timestamp(block)
                .orElseThrow(() -> new DidChain.UnavailableException("block " + block + " is not stored"));
    }

    /** As ethr-did-resolver writes block times: ISO 8601 in UTC, to the second. */
    static String isoDate(long seconds) {
        return Instant.ofEpochSecond(seconds).toString();
    }

    /** A query string as URLSearchParams reads it. */
    static Map<String, String> query(String raw) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            if (pair.isEmpty())
                continue;
            int eq = pair.indexOf('=');
            String key = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            try {
                out.putIfAbsent(URLDecoder.decode(key, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            } catch (IllegalArgumentException e) {
                out.putIfAbsent(key, value);
            }
        }
        return out;
    }

    private static DidResolution error(Outcome outcome, String message) {
        ObjectNode result = NODES.objectNode();
        result.putNull("didDocument");
        result.putObject("didResolutionMetadata").put("error", outcome.error()).put("message", message);
        result.putObject("didDocumentMetadata");
        return new DidResolution(outcome, result);
    }
}
