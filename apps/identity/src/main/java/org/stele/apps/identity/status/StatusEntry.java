package org.stele.apps.identity.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.stele.apps.identity.vc.VcException;

/**
 * One {@code BitstringStatusListEntry} of a credential's {@code credentialStatus}: its purpose, its index in the list,
 * and the URL of the list's credential. Stele's list URLs ({@link StatusListUrl}) name the issuer, the purpose and the
 * list number, so a verifier with a node reads the bit from the chain itself.
 */
public record StatusEntry(StatusPurpose purpose, long index, String listCredential) {
    public static final String TYPE = "BitstringStatusListEntry";

    public ObjectNode toJson() {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        n.put("id", listCredential + "#" + index);
        n.put("type", TYPE);
        n.put("statusPurpose", purpose.label());
        n.put("statusListIndex", Long.toString(index));
        n.put("statusListCredential", listCredential);
        return n;
    }

    public static StatusEntry of(JsonNode n) {
        if (!TYPE.equals(n.path("type").asText()))
            throw new VcException("credentialStatus of type \"" + n.path("type").asText() + "\": Stele checks " + TYPE);
        long index;
        try {
            index = Long.parseLong(n.path("statusListIndex").asText());
        } catch (NumberFormatException e) {
            throw new VcException("credentialStatus.statusListIndex is not a number");
        }
        if (index < 0) throw new VcException("credentialStatus.statusListIndex is negative");
        String url = n.path("statusListCredential").asText("");
        if (url.isEmpty()) throw new VcException("credentialStatus has no statusListCredential");
        return new StatusEntry(StatusPurpose.of(n.path("statusPurpose").asText()), index, url);
    }
}
