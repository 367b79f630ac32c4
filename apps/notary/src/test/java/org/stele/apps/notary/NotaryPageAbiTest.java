package org.stele.apps.notary;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.Hash;

/**
 * The pages' selectors.js (web/.../apps/notary/) carries the Keccak-256 names of Notary's calls, events and errors,
 * since the pages have no Keccak of their own: each must be exactly what the compiled ABI gives.
 */
class NotaryPageAbiTest {
    private static final Path SELECTORS = Path.of("../../web/src/main/resources/web/apps/notary/selectors.js");
    private static final Pattern ENTRY = Pattern.compile("\"([^\"]+)\": \"(0x[0-9a-f]+)\"");
    private static final Pattern ERROR = Pattern.compile("\"(0x[0-9a-f]{8})\": \\[\"(\\w+)\",\\[([^\\]]*)\\]\\]");

    private static String section(String js, String name) {
        int start = js.indexOf("export const " + name);
        return js.substring(start, js.indexOf("};", start));
    }

    private static Map<String, String> abi(String kind, boolean writesOnly) {
        Map<String, String> out = new TreeMap<>();
        for (JsonNode e : NotaryContracts.NOTARY.abi()) {
            if (!e.get("type").asText().equals(kind)) continue;
            if (writesOnly && List.of("view", "pure").contains(e.path("stateMutability").asText())) continue;
            List<String> types = new ArrayList<>();
            e.get("inputs").forEach(i -> types.add(i.get("type").asText()));
            String sig = e.get("name").asText() + "(" + String.join(",", types) + ")";
            out.put(sig, Hash.sha3String(sig));
        }
        return out;
    }

    private static Map<String, String> entries(String section) throws IOException {
        Map<String, String> out = new TreeMap<>();
        Matcher m = ENTRY.matcher(section(Files.readString(SELECTORS), section));
        while (m.find()) out.put(m.group(1), m.group(2));
        return out;
    }

    @Test
    void thePagesCallEveryTransactionOfTheAbiByItsSelector() throws IOException {
        Map<String, String> expected = new TreeMap<>();
        abi("function", true).forEach((sig, hash) -> expected.put(sig, hash.substring(0, 10)));
        assertThat(entries("FUNCTIONS")).isEqualTo(expected);
    }

    @Test
    void thePagesKnowEveryEventByItsTopic() throws IOException {
        assertThat(entries("EVENTS")).isEqualTo(abi("event", false));
    }

    @Test
    void thePagesNameEveryCustomErrorAsTheAbiDoes() throws IOException {
        Map<String, String> expected = new TreeMap<>();
        abi("error", false).forEach((sig, hash) -> expected.put(hash.substring(0, 10), sig));
        Map<String, String> page = new TreeMap<>();
        Matcher m = ERROR.matcher(section(Files.readString(SELECTORS), "ERRORS"));
        while (m.find()) page.put(m.group(1), m.group(2) + "(" + m.group(3).replace("\"", "") + ")");
        assertThat(page).isEqualTo(expected);
    }
}
