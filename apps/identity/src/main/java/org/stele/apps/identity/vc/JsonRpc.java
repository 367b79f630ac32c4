package org.stele.apps.identity.vc;

import com.fasterxml.jackson.databind.JsonNode;
import org.stele.apps.identity.resolver.DidChain;
import org.stele.apps.identity.resolver.RpcDidChain;

/**
 * One JSON-RPC call: a node's HTTP endpoint ({@link HttpJsonRpc}) or, inside the node, its own dispatcher. Fails with a
 * {@link VcException} naming the method when the node answers an error or cannot be reached.
 */
@FunctionalInterface
public interface JsonRpc {
    JsonNode call(String method, Object... params);

    /** The chain behind this connection as DID resolution reads it; a failed call is the chain being unavailable. */
    default DidChain didChain() {
        return new RpcDidChain((method, params) -> {
            JsonNode[] args = new JsonNode[params.size()];
            for (int i = 0; i < args.length; i++) args[i] = params.get(i);
            try {
                return call(method, (Object[]) args);
            } catch (VcException e) {
                throw new DidChain.UnavailableException(e.getMessage());
            }
        });
    }
}
