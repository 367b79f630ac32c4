package org.stele.rpc.ots;

import com.fasterxml.jackson.databind.JsonNode;

/** Checks one path of a JSON answer against a type named in {@code ots/shapes.json}. */
final class Shapes {
    private Shapes() {
    }

    /** Null when the value at {@code path} has {@code type}, else what is wrong. */
    static String check(JsonNode root, String path, String type) {
        JsonNode v = root;
        if (!path.isEmpty()) {
            for (String part : path.replace("[", ".[").split("\\.")) {
                if (part.isEmpty())
                    continue;
                v = part.startsWith("[") ? v.get(Integer.parseInt(part.substring(1, part.length() - 1))) : v.get(part);
                if (v == null)
                    return "absent".equals(type) ? null : "missing";
            }
        }
        boolean ok = switch (type) {
            case "absent" -> false;
            case "null" -> v.isNull();
            case "number" -> v.isIntegralNumber();
            case "boolean" -> v.isBoolean();
            case "object" -> v.isObject();
            case "array" -> v.isArray();
            case "string" -> v.isTextual();
            case "quantity" -> v.isTextual() && v.asText().matches("0x(0|[1-9a-f][0-9a-f]*)");
            case "data" -> v.isTextual() && v.asText().matches("0x([0-9a-f]{2})*");
            case "address" -> v.isTextual() && v.asText().matches("0x[0-9a-f]{40}");
            case "hash" -> v.isTextual() && v.asText().matches("0x[0-9a-f]{64}");
            default -> throw new IllegalArgumentException("unknown type " + type);
        };
        return ok ? null : "want " + type + ", got " + v;
    }
}
