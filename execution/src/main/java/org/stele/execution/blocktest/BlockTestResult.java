package org.stele.execution.blocktest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The outcome of one blockchain test.
 *
 * @param error
 *            null when the case passed; else what differed or went wrong
 */
public record BlockTestResult(String name, String file, String fork, boolean pass, String error) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One JSON object on one line: {@code {"name", "pass", "fork", "error"}}. */
    public String toJson() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("name", name);
        o.put("pass", pass);
        o.put("fork", fork);
        o.put("error", error);
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and booleans always serialises", e);
        }
    }
}
