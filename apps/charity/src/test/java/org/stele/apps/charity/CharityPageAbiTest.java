package org.stele.apps.charity;

import org.stele.sdk.contracts.ContractArtifact;
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
 * The pages' selectors.js (web/.../apps/charity/) carries the Keccak-256 names of the calls, events and errors, since
 * the pages have no hash function of their own: every entry must be what the compiled ABI gives, and every event and
 * error of Charity must be there.
 */
class CharityPageAbiTest {
    private static final Path SELECTORS = Path.of("../../web/src/main/resources/web/apps/charity/selectors.js");
    private static final Pattern ENTRY = Pattern.compile("\"([^\"]+)\": \"(0x[0-9a-f]+)\"");
    private static final Pattern ERROR = Pattern.compile("\"(0x[0-9a-f]{8})\": \\[\"(\\w+)\", \\[([^\\]]*)\\]\\]");

    private static String section(String js, String name) {
        int start = js.indexOf("export const " + name);
        return js.substring(start, js.indexOf("};", start));
    }

    private static Map<String, String> abiSignatures(String kind) {
        Map<String, String> out = new TreeMap<>();
        for (ContractArtifact a : List.of(CharityContracts.CHARITY, CharityContracts.DEMO_TOKEN)) {
            for (JsonNode e : a.abi()) {
                if (!e.get("type").asText().equals(kind)) continue;
                List<String> types = new ArrayList<>();
                e.get("inputs").forEach(i -> types.add(i.get("type").asText()));
                String sig = e.get("name").asText() + "(" + String.join(",", types) + ")";
                out.put(sig, Hash.sha3String(sig));
            }
        }
        return out;
    }

    @Test
    void everyFunctionSelectorOfThePagesIsTheAbisOwn() throws IOException {
        Map<String, String> abi = abiSignatures("function");
        Matcher m = ENTRY.matcher(section(Files.readString(SELECTORS), "FUNCTIONS"));
        int count = 0;
        while (m.find()) {
            count++;
            assertThat(abi).as(m.group(1)).containsKey(m.group(1));
            assertThat(m.group(2)).as(m.group(1)).isEqualTo(abi.get(m.group(1)).substring(0, 10));
        }
        assertThat(count).isEqualTo(8);
    }

    @Test
    void thePagesKnowEveryCharityEventByItsTopic() throws IOException {
        Map<String, String> abi = abiSignatures("event");
        Map<String, String> page = new TreeMap<>();
        Matcher m = ENTRY.matcher(section(Files.readString(SELECTORS), "EVENTS"));
        while (m.find()) page.put(m.group(1), m.group(2));
        abi.keySet().removeIf(sig -> sig.startsWith("Role") || sig.startsWith("Approval")
                || sig.startsWith("Ownership") || sig.startsWith("Transfer"));
        assertThat(page).isEqualTo(abi);
    }

    @Test
    void thePagesNameEveryCustomErrorAsTheAbiDoes() throws IOException {
        Map<String, String> expected = new TreeMap<>();
        abiSignatures("error").forEach((sig, hash) -> expected.put(hash.substring(0, 10), sig));
        Map<String, String> page = new TreeMap<>();
        Matcher m = ERROR.matcher(section(Files.readString(SELECTORS), "ERRORS"));
        while (m.find()) page.put(m.group(1), m.group(2) + "(" + m.group(3).replace("\"", "") + ")");
        assertThat(page).isEqualTo(expected);
    }
}
