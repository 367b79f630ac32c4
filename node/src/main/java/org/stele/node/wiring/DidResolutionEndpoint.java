package org.stele.node.wiring;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.stele.apps.identity.resolver.DidResolution;
import org.stele.apps.identity.resolver.DidResolver;
import org.stele.rpc.server.HttpEndpoint;

/**
 * The W3C DID Resolution HTTP binding on the node's HTTP port: {@code GET /1.0/identifiers/{did}} answers the DID
 * Resolution Result of the node's own chain, with the binding's status (200, 410 for a deactivated DID, 400, 404, 501).
 */
final class DidResolutionEndpoint implements HttpEndpoint {
    private final DidResolver resolver;

    DidResolutionEndpoint(DidResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public String prefix() {
        return "/1.0/identifiers/";
    }

    /**
     * The DID Resolution Result; or, when the client accepts only a DID document ({@code application/did+ld+json}, or
     * {@code application/did+json} without {@code @context}) and the DID resolved, the document alone, as the binding
     * says. Errors and deactivated DIDs are answered with the whole result, which says why.
     */
    @Override
    public Answer get(Request request) {
        DidResolution r = resolver.resolveHttp(request.rawPath(), request.rawQuery());
        String wanted = request.accept() == null ? "" : request.accept();
        if (r.outcome() == DidResolution.Outcome.RESOLVED && !wanted.contains("did-resolution")) {
            if (wanted.contains("application/did+ld+json"))
                return document(r, "application/did+ld+json", false);
            if (wanted.contains("application/did+json"))
                return document(r, "application/did+json", true);
        }
        return new Answer(r.outcome().httpStatus(), DidResolution.MEDIA_TYPE,
                r.result().toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Answer document(DidResolution r, String mediaType, boolean withoutContext) {
        ObjectNode document = ((ObjectNode) r.result().get("didDocument")).deepCopy();
        if (withoutContext)
            document.remove("@context");
        return new Answer(200, mediaType, document.toString().getBytes(StandardCharsets.UTF_8));
    }
}
