package org.stele.apps.identity.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.stele.apps.identity.vc.Chain;
import org.stele.apps.identity.vc.ContractErrors;
import org.stele.apps.identity.vc.DidEthr;
import org.stele.apps.identity.vc.Jws;
import org.stele.apps.identity.vc.JsonRpc;
import org.stele.apps.identity.vc.VcException;

/**
 * The status-list credential a node serves at {@link StatusListUrl}: a {@code BitstringStatusListCredential} whose
 * {@code encodedList} holds the list's bits as the {@code StatusLists} contract holds them at the latest block.
 * <p>
 * A node does not hold the issuer's key, so the document is not signed: it carries no proof, and its authority is the
 * chain. Its {@code validFrom} is the block's time, and the block's number and hash travel in the
 * {@code Stele-Block-Number} and {@code Stele-Block-Hash} response headers, so a verifier can read the same bits from
 * any node ({@code StatusLists.list} at that block) and need not trust the one it fetched from. Stele's own verifier
 * reads the bits from the chain directly (docs/identity.md).
 */
public final class StatusListDocument {
    /** What the route answers: an HTTP status, a content type, a body, and the block it was read at (or -1). */
    public record Answer(int status, String contentType, byte[] body, long blockNumber, String blockHash) {}

    private StatusListDocument() {
    }

    /** Answers a GET of {@code path} (from {@link StatusListUrl#PREFIX}) whose public origin is {@code origin}. */
    public static Answer answer(String path, String origin, JsonRpc rpc) {
        StatusListUrl url;
        try {
            url = StatusListUrl.parse(path);
        } catch (VcException e) {
            return error(400, e.getMessage());
        }
        try {
            JsonNode head = rpc.call("eth_getBlockByNumber", "latest", false);
            long number = Chain.quantity(head.get("number")).longValueExact();
            long time = Chain.quantity(head.get("timestamp")).longValueExact();
            Chain chain = new Chain(rpc, new ContractErrors(StatusLists.ERRORS)).at("0x" + Long.toHexString(number));
            byte[] bits = StatusLists.list(chain, url.issuer(), url.purpose(), url.list());
            String issuer = new DidEthr(chain.chainId(), url.issuer()).toString();
            ObjectNode doc = build(url.on(origin), issuer, url.purpose(), Bitstring.encode(bits),
                    Instant.ofEpochSecond(time));
            return new Answer(200, "application/vc+ld+json", Jws.json(doc), number, head.path("hash").asText());
        } catch (VcException e) {
            return error(503, "cannot read the status list from the chain: " + e.getMessage());
        }
    }

    /** The credential's JSON (VC Data Model 2.0, as the Bitstring Status List Recommendation writes it). */
    public static ObjectNode build(String id, String issuer, StatusPurpose purpose, String encodedList,
            Instant validFrom) {
        ObjectNode doc = JsonNodeFactory.instance.objectNode();
        doc.putArray("@context").add("https://www.w3.org/ns/credentials/v2");
        doc.put("id", id);
        doc.putArray("type").add("VerifiableCredential").add("BitstringStatusListCredential");
        doc.put("issuer", issuer);
        doc.put("validFrom", validFrom.toString());
        ObjectNode subject = doc.putObject("credentialSubject");
        subject.put("id", id + "#list");
        subject.put("type", "BitstringStatusList");
        subject.put("statusPurpose", purpose.label());
        subject.put("encodedList", encodedList);
        return doc;
    }

    private static Answer error(int status, String message) {
        ObjectNode n = JsonNodeFactory.instance.objectNode().put("error", message);
        return new Answer(status, "application/json", n.toString().getBytes(StandardCharsets.UTF_8), -1, "");
    }
}
