package org.stele.apps.notary;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.stele.apps.notary.MerkleTree.Side;
import org.stele.apps.notary.MerkleTree.Step;
import org.stele.proof.ProofFormatException;
import org.stele.proof.ProofJson;
import org.stele.proof.TransactionProof;
import org.web3j.utils.Numeric;

/**
 * A {@code stele-notary/1} file: what shows, to anyone holding the document and this file, that the document's hash
 * was anchored on a chain, and which parties signed it. It holds the document's hash and how it was computed, the
 * anchor (the hash itself, a batch root with the Merkle path to it, or a signed document), the {@code stele-proof/1}
 * of the anchoring transaction, and the {@code stele-proof/1} of each signing transaction (docs/notary.md).
 */
public record NotaryProof(HashAlgorithm algorithm, String documentHash, String contract, Anchor anchor,
        TransactionProof anchorProof, List<TransactionProof> signatureProofs) {
    public static final String FORMAT = "stele-notary/1";
    /** Far above a document with 64 signatures, each with a proof of a large block. */
    public static final long MAX_FILE_BYTES = 64L * 1024 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public NotaryProof {
        documentHash = documentHash.toLowerCase(Locale.ROOT);
        contract = contract.toLowerCase(Locale.ROOT);
        signatureProofs = List.copyOf(signatureProofs);
    }

    /** How the hash was anchored. */
    public enum Kind {
        /** {@code Notary.stamp(hash)}: the root is the document hash, the path empty. */
        HASH,
        /** {@code Notary.stampBatch(root, size)}: the document is leaf {@code index} of {@code size}. */
        BATCH,
        /** {@code Notary.createDocument(hash, …)}: the root is the document hash, the path empty. */
        DOCUMENT;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public record Anchor(Kind kind, String root, int index, int size, List<Step> path) {
        public Anchor {
            root = root.toLowerCase(Locale.ROOT);
            path = List.copyOf(path);
        }

        /** The anchor of a hash stamped by itself or of a document: the hash is the root. */
        public static Anchor direct(Kind kind, String hash) {
            return new Anchor(kind, hash, 0, 1, List.of());
        }
    }

    public ObjectNode toJson() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("format", FORMAT);
        o.put("algorithm", algorithm.id());
        o.put("documentHash", documentHash);
        o.put("contract", contract);
        ObjectNode a = o.putObject("anchor");
        a.put("kind", anchor.kind().id());
        a.put("root", anchor.root());
        a.put("index", anchor.index());
        a.put("size", anchor.size());
        ArrayNode path = a.putArray("path");
        for (Step s : anchor.path()) {
            ObjectNode step = path.addObject();
            step.put("side", s.side().name().toLowerCase(Locale.ROOT));
            step.put("hash", Numeric.toHexString(s.sibling()));
        }
        o.set("anchorProof", ProofJson.toJson(anchorProof));
        ArrayNode signatures = o.putArray("signatureProofs");
        for (TransactionProof p : signatureProofs) signatures.add(ProofJson.toJson(p));
        return o;
    }

    public String write() {
        try {
            return MAPPER.writeValueAsString(toJson()) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree always serialises", e);
        }
    }

    /** @throws ProofFormatException when the file cannot be read or is not a {@code stele-notary/1} document */
    public static NotaryProof read(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES)
                throw new ProofFormatException(
                        file + ": " + size + " bytes, a notary proof is at most " + MAX_FILE_BYTES);
            return parse(MAPPER.readTree(file.toFile()));
        } catch (JsonProcessingException e) {
            throw new ProofFormatException(file + ": not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new ProofFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
    }

    /** @throws ProofFormatException naming the first field that is missing or of the wrong shape */
    public static NotaryProof parse(JsonNode root) {
        if (root == null || !root.isObject()) throw new ProofFormatException("a notary proof is a JSON object");
        String format = text(root, "format");
        if (!format.equals(FORMAT))
            throw new ProofFormatException("format: \"" + format + "\" is not " + FORMAT
                    + (format.equals(TransactionProof.FORMAT) ? " (a transaction proof: use stele proof verify)" : ""));
        HashAlgorithm algorithm;
        try {
            algorithm = HashAlgorithm.of(text(root, "algorithm"));
        } catch (IllegalArgumentException e) {
            throw new ProofFormatException("algorithm: " + e.getMessage());
        }
        String documentHash = hex(root, "documentHash", 32);
        String contract = hex(root, "contract", 20);
        JsonNode a = root.get("anchor");
        if (a == null || !a.isObject()) throw new ProofFormatException("anchor: missing, or not an object");
        Kind kind;
        try {
            kind = Kind.valueOf(text(a, "kind").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ProofFormatException(
                    "anchor.kind: \"" + a.get("kind").asText() + "\" is not hash, batch or document");
        }
        JsonNode pathNode = a.get("path");
        if (pathNode == null || !pathNode.isArray())
            throw new ProofFormatException("anchor.path: missing, or not a list");
        if (pathNode.size() > 64)
            throw new ProofFormatException("anchor.path: " + pathNode.size() + " steps, at most 64");
        List<Step> path = new ArrayList<>();
        for (int i = 0; i < pathNode.size(); i++) {
            JsonNode s = pathNode.get(i);
            String where = "anchor.path[" + i + "]";
            if (!s.isObject()) throw new ProofFormatException(where + ": expected an object");
            String side = text(s, "side");
            if (!side.equals("left") && !side.equals("right"))
                throw new ProofFormatException(where + ".side: \"" + side + "\" is not left or right");
            path.add(new Step(Side.valueOf(side.toUpperCase(Locale.ROOT)),
                    Numeric.hexStringToByteArray(hex(s, "hash", 32))));
        }
        Anchor anchor = new Anchor(kind, hex(a, "root", 32), count(a, "index"), count(a, "size"), path);
        JsonNode anchorProof = root.get("anchorProof");
        TransactionProof stamp;
        try {
            stamp = ProofJson.parse(anchorProof);
        } catch (ProofFormatException e) {
            throw new ProofFormatException("anchorProof: " + e.getMessage(), e);
        }
        JsonNode sigs = root.get("signatureProofs");
        if (sigs == null || !sigs.isArray()) throw new ProofFormatException("signatureProofs: missing, or not a list");
        List<TransactionProof> signatures = new ArrayList<>();
        for (int i = 0; i < sigs.size(); i++) {
            try {
                signatures.add(ProofJson.parse(sigs.get(i)));
            } catch (ProofFormatException e) {
                throw new ProofFormatException("signatureProofs[" + i + "]: " + e.getMessage(), e);
            }
        }
        return new NotaryProof(algorithm, documentHash, contract, anchor, stamp, signatures);
    }

    private static String text(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.isTextual()) throw new ProofFormatException(field + ": missing, or not a string");
        return v.asText();
    }

    private static int count(JsonNode o, String field) {
        JsonNode v = o.get(field);
        if (v == null || !v.canConvertToInt() || v.asInt() < 0 || !v.isIntegralNumber())
            throw new ProofFormatException(field + ": missing, or not a whole number");
        return v.asInt();
    }

    private static String hex(JsonNode o, String field, int bytes) {
        String v = text(o, field);
        if (!v.matches("0x[0-9a-fA-F]{" + 2 * bytes + "}"))
            throw new ProofFormatException(field + ": \"" + v + "\" is not 0x and " + 2 * bytes + " hex digits");
        return v;
    }
}
