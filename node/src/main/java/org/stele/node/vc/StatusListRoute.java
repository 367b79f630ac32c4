package org.stele.node.vc;

import java.util.Map;
import org.stele.apps.identity.status.StatusListDocument;
import org.stele.apps.identity.status.StatusListUrl;
import org.stele.apps.identity.vc.HttpJsonRpc;
import org.stele.apps.identity.vc.Jws;
import org.stele.rpc.server.HttpEndpoint;

/**
 * Serves every issuer's status-list credentials at {@code /identity/status/<issuer>/<purpose>/<list>}, read from the
 * {@code StatusLists} contract through the node's own JSON-RPC ({@link StatusListDocument}).
 */
public final class StatusListRoute implements HttpEndpoint {
    @Override
    public String prefix() {
        return StatusListUrl.PREFIX;
    }

    @Override
    public Answer get(Request r) {
        StatusListDocument.Answer a = StatusListDocument.answer(r.path(), r.publicOrigin(), (method, params) -> {
            var request = Jws.JSON.createObjectNode().put("jsonrpc", "2.0").put("id", 1).put("method", method);
            var array = request.putArray("params");
            for (Object p : params)
                array.add(Jws.JSON.valueToTree(p));
            return HttpJsonRpc.answer(method, r.jsonRpc().apply(request.toString()), "the node");
        });
        Map<String, String> headers = a.blockNumber() < 0
                ? Map.of()
                : Map.of("Stele-Block-Number", Long.toString(a.blockNumber()), "Stele-Block-Hash", a.blockHash());
        return new Answer(a.status(), a.contentType(), a.body(), headers);
    }
}
