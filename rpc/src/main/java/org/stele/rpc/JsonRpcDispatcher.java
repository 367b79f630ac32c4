package org.stele.rpc;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns a request body into a response body: parsing, single calls and batches, notifications, limits and error
 * mapping. Transport-independent, so HTTP and WebSocket answer identically.
 */
public final class JsonRpcDispatcher {
    private static final Logger LOG = Logger.getLogger(JsonRpcDispatcher.class.getName());
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final RpcMethodRegistry methods;
    private final RpcLimits limits;
    private final ObjectMapper json;

    public JsonRpcDispatcher(RpcMethodRegistry methods, RpcLimits limits) {
        this.methods = methods;
        this.limits = limits;
        this.json = new ObjectMapper();
        // Deeply nested JSON is an attack, not a request.
        json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                .maxStringLength(limits.maxRequestBytes()).build());
    }

    public ObjectMapper json() {
        return json;
    }

    /**
     * Answers a request body. Empty when nothing is to be sent back (only notifications).
     */
    public Optional<byte[]> handle(byte[] body, RpcSession session) {
        if (body.length > limits.maxRequestBytes()) {
            return Optional.of(write(error(NullNode.instance, new JsonRpcError(JsonRpcError.INVALID_REQUEST,
                    "request body of " + body.length + " bytes exceeds the limit of " + limits.maxRequestBytes()))));
        }
        JsonNode request;
        try {
            request = json.readTree(body);
        } catch (IOException e) {
            return Optional.of(write(error(NullNode.instance, new JsonRpcError(JsonRpcError.PARSE_ERROR,
                    "parse error: " + firstLine(e.getMessage())))));
        }
        if (request == null || request.isMissingNode()) {
            return Optional.of(write(error(NullNode.instance, new JsonRpcError(JsonRpcError.PARSE_ERROR,
                    "parse error: empty request"))));
        }
        JsonNode response = handle(request, session);
        return response == null ? Optional.empty() : Optional.of(write(response));
    }

    /** Answers a parsed request; {@code null} when nothing is to be sent back. */
    public JsonNode handle(JsonNode request, RpcSession session) {
        if (!request.isArray()) return call(request, session);
        if (request.isEmpty())
            return error(NullNode.instance, new JsonRpcError(JsonRpcError.INVALID_REQUEST, "empty batch"));
        if (request.size() > limits.maxBatchSize()) {
            return error(NullNode.instance, new JsonRpcError(JsonRpcError.INVALID_REQUEST,
                    "batch of " + request.size() + " calls exceeds the limit of " + limits.maxBatchSize()));
        }
        ArrayNode responses = NODES.arrayNode();
        for (JsonNode call : request) {
            JsonNode r = call(call, session);
            if (r != null) responses.add(r);
        }
        return responses.isEmpty() ? null : responses;
    }

    private JsonNode call(JsonNode call, RpcSession session) {
        if (!call.isObject()) return error(NullNode.instance, invalidRequest("a call must be a JSON object"));
        JsonNode id = call.get("id");
        boolean notification = id == null;
        JsonNode replyId = notification ? NullNode.instance : id;
        if (!notification && !(id.isTextual() || id.isNumber() || id.isNull())) {
            return error(NullNode.instance, invalidRequest("id must be a string, a number or null"));
        }
        JsonNode version = call.get("jsonrpc");
        if (version == null || !"2.0".equals(version.asText())) {
            return error(replyId, invalidRequest("jsonrpc must be \"2.0\""));
        }
        JsonNode methodName = call.get("method");
        if (methodName == null || !methodName.isTextual())
            return error(replyId, invalidRequest("method must be a string"));
        JsonNode params = call.get("params");
        ArrayNode positional;
        if (params == null || params.isNull()) {
            positional = NODES.arrayNode();
        } else if (params.isArray()) {
            positional = (ArrayNode) params;
        } else {
            return notification
                    ? null
                    : error(replyId, new JsonRpcError(JsonRpcError.INVALID_PARAMS,
                            "params must be an array of positional arguments"));
        }
        Optional<RpcMethod> method = methods.find(methodName.textValue());
        if (method.isEmpty()) {
            return notification
                    ? null
                    : error(replyId, new JsonRpcError(JsonRpcError.METHOD_NOT_FOUND,
                            "the method " + Params.abbreviate(methodName.textValue())
                                    + " does not exist/is not available"));
        }
        try {
            JsonNode result = method.get().execute(new Params(positional), session);
            if (notification) return null;
            ObjectNode out = NODES.objectNode();
            out.put("jsonrpc", "2.0");
            out.set("id", replyId);
            out.set("result", result == null ? NullNode.instance : result);
            return out;
        } catch (JsonRpcException e) {
            return notification ? null : error(replyId, e.error());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "internal error in " + methodName.textValue(), e);
            return notification
                    ? null
                    : error(replyId, new JsonRpcError(JsonRpcError.INTERNAL_ERROR,
                            "internal error: " + e.getClass().getSimpleName()));
        }
    }

    public static ObjectNode error(JsonNode id, JsonRpcError error) {
        ObjectNode out = NODES.objectNode();
        out.put("jsonrpc", "2.0");
        out.set("id", id);
        ObjectNode e = out.putObject("error");
        e.put("code", error.code());
        e.put("message", error.message());
        if (error.data() != null) e.set("data", error.data());
        return out;
    }

    private static JsonRpcError invalidRequest(String why) {
        return new JsonRpcError(JsonRpcError.INVALID_REQUEST, "invalid request: " + why);
    }

    public byte[] write(JsonNode node) {
        try {
            return json.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JsonNode always serialises", e);
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "invalid JSON";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
