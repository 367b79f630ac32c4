package org.stele.execution.statetest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.stele.common.Bytes32;

/**
 * The outcome of one case: one fork, one data/gas/value combination of one test.
 *
 * @param dataIndex
 *            -1 when the fixture file could not be read at all (then {@code name} is the file)
 * @param stateRoot
 *            the root this implementation computed, null when it got no root
 * @param logsHash
 *            keccak(rlp(logs)) as computed, null when it got none
 * @param error
 *            null when the case passed; else what differed or went wrong
 */
public record StateTestResult(String name, String file, String fork, int dataIndex, int gasIndex, int valueIndex,
        boolean pass, Bytes32 stateRoot, Bytes32 logsHash, String error) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One JSON object on one line: {@code {"name", "fork", "index": {"data", "gas", "value"}, "pass", "stateRoot",
     * "logsHash", "error"}}.
     */
    public String toJson() {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("name", name);
        o.put("fork", fork);
        if (dataIndex < 0) {
            o.putNull("index");
        } else {
            ObjectNode idx = o.putObject("index");
            idx.put("data", dataIndex);
            idx.put("gas", gasIndex);
            idx.put("value", valueIndex);
        }
        o.put("pass", pass);
        o.put("stateRoot", stateRoot == null ? null : stateRoot.toHex());
        o.put("logsHash", logsHash == null ? null : logsHash.toHex());
        o.put("error", error);
        try {
            return MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings and numbers always serialises", e);
        }
    }

    /** {@code name[d=0,g=1,v=0]}, for failure lists. */
    public String label() {
        return dataIndex < 0 ? name : name + "[d=" + dataIndex + ",g=" + gasIndex + ",v=" + valueIndex + "]";
    }
}
