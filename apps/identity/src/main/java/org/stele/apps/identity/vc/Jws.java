package org.stele.apps.identity.vc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.stele.common.crypto.KeyPair;

/** A compact JWS (RFC 7515): header and payload JSON objects, the signing input, and the signature bytes. */
public record Jws(ObjectNode header, ObjectNode payload, String signingInput, byte[] signature) {
    public static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    /**
     * Signs {@code payload} with {@code header} (whose {@code alg} is ES256K or ES256K-R); answers the compact form.
     */
    public static String sign(ObjectNode header, ObjectNode payload, KeyPair key) {
        String input = b64(json(header)) + "." + b64(json(payload));
        byte[] sig = Es256k.sign(header.path("alg").asText(), input.getBytes(StandardCharsets.US_ASCII), key);
        return input + "." + ENCODER.encodeToString(sig);
    }

    /** Reads a compact JWS; every malformation is a one-line {@link VcException}. */
    public static Jws parse(String compact) {
        String text = compact == null ? "" : compact.strip();
        String[] parts = text.split("\\.", -1);
        if (parts.length != 3) throw new VcException("not a JWT: a JWT has three parts separated by dots");
        ObjectNode header = object(parts[0], "header");
        ObjectNode payload = object(parts[1], "payload");
        byte[] sig;
        try {
            sig = DECODER.decode(parts[2]);
        } catch (IllegalArgumentException e) {
            throw new VcException("not a JWT: its signature is not base64url");
        }
        return new Jws(header, payload, parts[0] + "." + parts[1], sig);
    }

    public String alg() {
        return header.path("alg").asText("");
    }

    private static ObjectNode object(String part, String what) {
        try {
            JsonNode n = JSON.readTree(DECODER.decode(part));
            if (n instanceof ObjectNode o) return o;
        } catch (IllegalArgumentException | java.io.IOException e) {
            // reported below, as every other malformed part
        }
        throw new VcException("not a JWT: its " + what + " is not base64url-encoded JSON object");
    }

    public static String b64(byte[] data) {
        return ENCODER.encodeToString(data);
    }

    public static byte[] unb64(String text) {
        try {
            return DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            throw new VcException("not base64url: " + (text.length() > 20 ? text.substring(0, 20) + "…" : text));
        }
    }

    public static byte[] json(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
