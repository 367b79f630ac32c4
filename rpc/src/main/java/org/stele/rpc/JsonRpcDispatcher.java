package org.stele.rpc;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.databind.util.RawValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stele.common.Address;
import org.stele.rpc.access.Caller;
import org.stele.rpc.access.ReadAccess;

/**
 * Turns a request body into a response body: parsing, single calls and batches, notifications, limits and error
 * mapping. Transport-independent, so HTTP and WebSocket answer identically.
 */
public final class JsonRpcDispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(JsonRpcDispatcher.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final RpcMethodRegistry methods;
    private final RpcLimits limits;
    private final ObjectMapper json;
    private final AdminAccess admin;
    private final CallObserver observer;
    private final AdminAudit audit;
    private final ReadAccess read;

    /** A dispatcher whose admin methods are open to every caller, as on a loopback server. */
    public JsonRpcDispatcher(RpcMethodRegistry methods, RpcLimits limits) {
        this(methods, limits, AdminAccess.OPEN, CallObserver.NONE);
    }

    /**
     * @param admin who may call {@code admin_*} methods
     * @param observer told of every call to a known method
     */
    public JsonRpcDispatcher(RpcMethodRegistry methods, RpcLimits limits, AdminAccess admin, CallObserver observer) {
        this(methods, limits, admin, observer, AdminAudit.NONE);
    }

    /**
     * @param admin who may call {@code admin_*} methods
     * @param observer told of every call to a known method
     * @param audit told of every call to an {@code admin_*} method, with its outcome
     */
    public JsonRpcDispatcher(RpcMethodRegistry methods, RpcLimits limits, AdminAccess admin, CallObserver observer,
            AdminAudit audit) {
        this(methods, limits, admin, ReadAccess.NONE, observer, audit);
    }

    /**
     * @param admin who may call {@code admin_*} methods
     * @param read who may call the other methods, and who the caller is
     * @param observer told of every call to a known method
     * @param audit told of every call to an {@code admin_*} method, with its outcome
     */
    public JsonRpcDispatcher(RpcMethodRegistry methods, RpcLimits limits, AdminAccess admin,
            ReadAccess read, CallObserver observer, AdminAudit audit) {
        this.read = read;
        this.audit = audit;
        this.methods = methods;
        this.limits = limits;
        this.admin = admin;
        this.observer = observer;
        this.json = new ObjectMapper();
        // Deeply nested JSON is an attack, not a request.
        json.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64)
                .maxStringLength(limits.maxRequestBytes()).build());
    }

    public ObjectMapper json() {
        return json;
    }

    /**
     * Answers a request body, never throwing: whatever goes wrong, even an {@link Error} while answering or writing
     * the answer, becomes a JSON-RPC error. Empty when nothing is to be sent back (only notifications).
     */
    public byte[] answer(byte[] body, RpcSession session) {
        try {
            return handle(body, session).orElse(new byte[0]);
        } catch (Throwable e) {
            LOG.warn("internal error answering a request", e);
            return write(error(NullNode.instance, internalError(e)));
        }
    }

    /**
     * Answers a request body. Empty when nothing is to be sent back (only notifications). A batch of calls that each
     * pass one hex string to a {@link HexArgumentMethod} ({@code eth_sendRawTransaction}) in the plain shape is read
     * straight from the bytes ({@link HexCallBatch}); everything else goes through the general parser.
     */
    public Optional<byte[]> handle(byte[] body, RpcSession session) {
        if (body.length <= limits.maxRequestBytes() && !read.requiresToken()) {
            List<HexCallBatch.Call> calls = HexCallBatch.read(body, limits.maxBatchSize());
            byte[] answered = calls == null ? null : answerHexCalls(calls, session);
            if (answered != null) return Optional.of(answered);
        }
        return handleParsed(body, session);
    }

    /**
     * Answers a request body through the general parser alone, without {@link HexCallBatch}: the same answers as
     * {@link #handle(byte[], RpcSession)}, which is what the reader is held to.
     */
    public Optional<byte[]> handleParsed(byte[] body, RpcSession session) {
        if (body.length > limits.maxRequestBytes()) {
            return Optional.of(write(error(NullNode.instance, new JsonRpcError(JsonRpcError.INVALID_REQUEST,
                    "request body of " + body.length + " bytes exceeds the limit of " + limits.maxRequestBytes()))));
        }
        JsonNode request;
        try {
            request = parse(body);
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
        if (!request.isArray()) return call(request, session, null);
        if (request.isEmpty())
            return error(NullNode.instance, new JsonRpcError(JsonRpcError.INVALID_REQUEST, "empty batch"));
        if (request.size() > limits.maxBatchSize()) {
            return error(NullNode.instance, new JsonRpcError(JsonRpcError.INVALID_REQUEST,
                    "batch of " + request.size() + " calls exceeds the limit of " + limits.maxBatchSize()));
        }
        BatchPreparation.Job[] jobs = new BatchPreparation.Job[request.size()];
        for (int i = 0; i < jobs.length; i++) jobs[i] = BatchPreparation.jobFor(request.get(i), methods);
        BatchPreparation.Prepared[] prepared = BatchPreparation.prepare(jobs);
        ArrayNode responses = NODES.arrayNode();
        for (int i = 0; i < jobs.length; i++) {
            JsonNode r = call(request.get(i), session, prepared[i]);
            if (r != null) responses.add(r);
        }
        return responses.isEmpty() ? null : responses;
    }

    /** @param prepared what was prepared ahead for this call (see {@link PreparedRpcMethod}), or null */
    private JsonNode call(JsonNode call, RpcSession session, BatchPreparation.Prepared prepared) {
        if (!call.isObject()) return error(NullNode.instance, invalidRequest("a call must be a JSON object"));
        JsonNode id = call.get("id");
        boolean notification = id == null;
        JsonNode replyId = notification ? NullNode.instance : id;
        if (!notification && !(id.isTextual() || id.isNumber() || id instanceof POJONode || id.isNull())) {
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
        long started = System.nanoTime();
        boolean audited = AdminAccess.guards(methodName.textValue());
        Optional<JsonRpcError> failed = Optional.empty();
        Optional<Address> account = Optional.empty();
        JsonNode answered = null;
        try {
            Caller caller = read.authorize(methodName.textValue(), positional, session);
            account = caller.account();
            // An account token with the operator role opens admin methods as the node's admin token does.
            if (audited && !(read.requiresToken() && caller.holds(Caller.OPERATOR)))
                admin.check(session);
            JsonNode result = prepared != null && method.get() instanceof PreparedRpcMethod<?> p
                    ? executePrepared(p, new Params(positional), session, prepared)
                    : method.get().execute(new Params(positional), session);
            answered = result;
            if (notification) return null;
            ObjectNode out = NODES.objectNode();
            out.put("jsonrpc", "2.0");
            out.set("id", replyId);
            out.set("result", result == null ? NullNode.instance : result);
            return out;
        } catch (JsonRpcException e) {
            failed = Optional.of(e.error());
            return notification ? null : error(replyId, e.error());
        } catch (Throwable e) {
            // An Error (a stack overflow, a heap too small for one answer) ends this call, not the node.
            LOG.warn("internal error in {}", methodName.textValue(), e);
            failed = Optional.of(internalError(e));
            return notification ? null : error(replyId, internalError(e));
        } finally {
            observer.called(method.get().name(), System.nanoTime() - started);
            if (audited) audit.record(method.get().name(), positional, session, account, failed, answered);
        }
    }

    /**
     * Answers a batch that {@link HexCallBatch} read, with the answers {@link #handle(JsonNode, RpcSession)} gives the
     * same batch, written straight into the response; null (nothing done) when a call names a method that is not a
     * {@link HexArgumentMethod}, which the general path then answers. Only for a node that asks no account token, whose
     * read policy lets every such call through without looking at it.
     */
    private byte[] answerHexCalls(List<HexCallBatch.Call> calls, RpcSession session) {
        HexArgumentMethod<?>[] targets = new HexArgumentMethod<?>[calls.size()];
        BatchPreparation.Job[] jobs = new BatchPreparation.Job[targets.length];
        for (int i = 0; i < targets.length; i++) {
            HexCallBatch.Call c = calls.get(i);
            String name = c.method();
            HexArgumentMethod<?> m = i > 0 && name == calls.get(i - 1).method() ? targets[i - 1] : hexMethod(name);
            if (m == null) return null;
            targets[i] = m;
            byte[] argument = c.argument();
            jobs[i] = () -> m.prepare(argument);
        }
        BatchPreparation.Prepared[] prepared = BatchPreparation.prepare(jobs);
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(96 * targets.length);
            try (JsonGenerator g = json.getFactory().createGenerator(out)) {
                g.writeStartArray();
                for (int i = 0; i < targets.length; i++)
                    answerHexCall(g, targets[i], calls.get(i).id(), session, prepared[i]);
                g.writeEndArray();
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory does not fail", e);
        }
    }

    private HexArgumentMethod<?> hexMethod(String name) {
        if (AdminAccess.guards(name)) return null;
        return methods.find(name).orElse(null) instanceof HexArgumentMethod<?> m ? m : null;
    }

    /** One answer of {@link #answerHexCalls}: as {@link #call} answers a call, written as {@link #write} writes it. */
    private void answerHexCall(JsonGenerator g, HexArgumentMethod<?> method, String id, RpcSession session,
            BatchPreparation.Prepared prepared) throws IOException {
        long started = System.nanoTime();
        JsonNode result;
        JsonRpcError failed;
        try {
            result = executeHex(method, session, prepared);
            failed = null;
        } catch (JsonRpcException e) {
            result = null;
            failed = e.error();
        } catch (Throwable e) {
            LOG.warn("internal error in {}", method.name(), e);
            result = null;
            failed = internalError(e);
        } finally {
            observer.called(method.name(), System.nanoTime() - started);
        }
        if (failed != null) {
            writeAnswer(g, error(NODES.pojoNode(new RawValue(id)), failed), false);
            return;
        }
        g.writeStartObject();
        g.writeStringField("jsonrpc", "2.0");
        g.writeFieldName("id");
        g.writeRawValue(id);
        g.writeFieldName("result");
        writeMember(g, result == null ? NullNode.instance : result);
        g.writeEndObject();
    }

    @SuppressWarnings("unchecked")
    private static <P> JsonNode executeHex(HexArgumentMethod<P> method, RpcSession session,
            BatchPreparation.Prepared prepared) {
        return method.execute(session, (P) prepared.get());
    }

    @SuppressWarnings("unchecked")
    private static <P> JsonNode executePrepared(PreparedRpcMethod<P> method, Params params, RpcSession session,
            BatchPreparation.Prepared prepared) {
        return method.execute(params, session, (P) prepared.get());
    }

    private static JsonRpcError internalError(Throwable e) {
        return new JsonRpcError(JsonRpcError.INTERNAL_ERROR, "internal error: " + e.getClass().getSimpleName());
    }

    /**
     * Parses a body: one value and nothing after it. A call's numeric {@code id} is kept as the token it arrived as,
     * since a number such as {@code 1e999999999} has no faithful double and must be echoed exactly (as geth does).
     */
    private JsonNode parse(byte[] body) throws IOException {
        try (JsonParser p = json.getFactory().createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) return null;
            JsonNode root;
            if (first == JsonToken.START_ARRAY) {
                ArrayNode batch = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) batch.add(callOrValue(p));
                root = batch;
            } else {
                root = callOrValue(p);
            }
            if (p.nextToken() != null) throw new JsonParseException(p, "unexpected data after the JSON value");
            return root;
        }
    }

    private JsonNode callOrValue(JsonParser p) throws IOException {
        if (p.currentToken() != JsonToken.START_OBJECT) return json.readTree(p);
        ObjectNode call = NODES.objectNode();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
            String name = p.currentName();
            JsonToken value = p.nextToken();
            if (name.equals("id") && value.isNumeric()) {
                call.set(name, NODES.pojoNode(new RawValue(p.getText())));
            } else {
                call.set(name, member(p));
            }
        }
        return call;
    }

    /**
     * A call's member as {@link ObjectMapper#readTree} reads it. Strings and arrays, which is what a call's
     * {@code jsonrpc}, {@code method} and (usually) {@code params} are, are built here: a {@code readTree} sets up a
     * deserialisation context for each value, three times per call in a batch of a hundred transactions.
     */
    private JsonNode member(JsonParser p) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_STRING) return NODES.textNode(p.getText());
        if (t != JsonToken.START_ARRAY) return json.readTree(p);
        ArrayNode array = NODES.arrayNode();
        while (p.nextToken() != JsonToken.END_ARRAY) array.add(member(p));
        return array;
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
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            try (JsonGenerator g = json.getFactory().createGenerator(out)) {
                writeAnswer(g, node, true);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("a JsonNode always serialises", e);
        }
    }

    /**
     * Writes a batch's array and each answer's members through one generator, as {@link ObjectMapper} would write
     * them: a string result or a call's numeric id is written here, any other result by the mapper. A batch of a
     * hundred {@code eth_sendRawTransaction} answers would otherwise go through the mapper's serialisers node by node.
     */
    private void writeAnswer(JsonGenerator g, JsonNode node, boolean batch) throws IOException {
        if (batch && node instanceof ArrayNode answers) {
            g.writeStartArray();
            for (JsonNode answer : answers) writeAnswer(g, answer, false);
            g.writeEndArray();
        } else if (node instanceof ObjectNode answer) {
            g.writeStartObject();
            for (Map.Entry<String, JsonNode> member : answer.properties()) {
                g.writeFieldName(member.getKey());
                writeMember(g, member.getValue());
            }
            g.writeEndObject();
        } else {
            json.writeTree(g, node);
        }
    }

    private void writeMember(JsonGenerator g, JsonNode value) throws IOException {
        if (value instanceof TextNode text) {
            g.writeString(text.textValue());
        } else if (value instanceof POJONode pojo && pojo.getPojo() instanceof RawValue raw
                && raw.rawValue() instanceof String token) {
            g.writeRawValue(token);
        } else {
            json.writeTree(g, value);
        }
    }

    private static String firstLine(String s) {
        if (s == null) return "invalid JSON";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
