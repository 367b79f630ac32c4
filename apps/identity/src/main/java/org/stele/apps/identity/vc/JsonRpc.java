package org.stele.apps.identity.vc;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One JSON-RPC call: a node's HTTP endpoint ({@link HttpJsonRpc}) or, inside the node, its own dispatcher. Fails with a
 * {@link VcException} naming the method when the node answers an error or cannot be reached.
 */
@FunctionalInterface
public interface JsonRpc {
    JsonNode call(String method, Object... params);
}
