package org.stele.node.wiring;

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

    @Override
    public Answer get(String rawPath, String rawQuery) {
        DidResolution r = resolver.resolveHttp(rawPath, rawQuery);
        return new Answer(r.outcome().httpStatus(), DidResolution.MEDIA_TYPE,
                r.result().toString().getBytes(StandardCharsets.UTF_8));
    }
}
