package org.stele.execution.blocktest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.execution.statetest.FixtureFormatException;
import org.stele.execution.statetest.StateTestParser;

/**
 * Reads the blockchain-test JSON format. Only what a runner needs is read: the network, the genesis RLP, the
 * pre-state, each block's RLP and expected exception, and the expected head and post-state; the decoded copies the
 * fixtures carry next to the RLP are ignored, since the RLP is what is imported. Malformed input is a
 * {@link FixtureFormatException} naming the file, the test and the field.
 */
public final class BlockTestParser {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private BlockTestParser() {
    }

    public static List<BlockTestCase> parseFile(Path file) {
        JsonNode root;
        try {
            long size = Files.size(file);
            if (size > StateTestParser.MAX_FILE_BYTES)
                throw new FixtureFormatException(
                        file + ": " + size + " bytes is over the limit of " + StateTestParser.MAX_FILE_BYTES);
            root = MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new FixtureFormatException(file + ": not valid JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new FixtureFormatException(file + ": cannot read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject())
            throw new FixtureFormatException(file + ": expected a JSON object of named tests");
        List<BlockTestCase> cases = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> e = it.next();
            cases.add(testCase(file, e.getKey(), e.getValue()));
        }
        return cases;
    }

    private static BlockTestCase testCase(Path file, String name, JsonNode t) {
        if (t == null || !t.isObject())
            throw error(file, name, "test", "expected an object");
        List<FixtureBlock> blocks = new ArrayList<>();
        JsonNode bs = t.get("blocks");
        if (bs == null || !bs.isArray())
            throw error(file, name, "blocks", "expected an array");
        for (int i = 0; i < bs.size(); i++) {
            JsonNode b = bs.get(i);
            String where = "blocks[" + i + "]";
            String exception = b.hasNonNull("expectException")
                    ? text(file, name, b.get("expectException"), where)
                    : null;
            blocks.add(new FixtureBlock(hex(file, name, b.get("rlp"), where + ".rlp"), exception));
        }
        return new BlockTestCase(name, file, text(file, name, t.get("network"), "network"),
                hex(file, name, t.get("genesisRLP"), "genesisRLP"),
                StateTestParser.accounts(file, name, t.get("pre"), "pre"), blocks,
                word(file, name, t.get("lastblockhash"), "lastblockhash"),
                t.hasNonNull("postState")
                        ? StateTestParser.accounts(file, name, t.get("postState"), "postState")
                        : null,
                t.hasNonNull("postState") ? null : word(file, name, t.get("postStateHash"), "postStateHash"));
    }

    private static String text(Path file, String test, JsonNode n, String where) {
        if (n == null || !n.isTextual())
            throw error(file, test, where, "expected a string");
        return n.textValue();
    }

    private static Bytes hex(Path file, String test, JsonNode n, String where) {
        try {
            return Bytes.fromHex(text(file, test, n, where));
        } catch (IllegalArgumentException e) {
            throw error(file, test, where, e.getMessage());
        }
    }

    private static Bytes32 word(Path file, String test, JsonNode n, String where) {
        Bytes b = hex(file, test, n, where);
        if (b.size() != 32)
            throw error(file, test, where, "expected 32 bytes, got " + b.size());
        return Bytes32.wrap(b.toArray());
    }

    private static FixtureFormatException error(Path file, String test, String field, String why) {
        return new FixtureFormatException(file + ": test '" + test + "': " + field + ": " + why);
    }
}
