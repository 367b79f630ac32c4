package org.stele.chain.tx;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.stele.chain.tx.InvalidTransactionException.Reason;
import org.stele.common.Address;
import org.stele.common.Fork;
import org.stele.common.Hex;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.crypto.Secp256k1KeccakSuite;

/**
 * Ethereum's TransactionTests: every case is decoded, validated for a fork, and (when valid) its sender, hash,
 * intrinsic gas and canonical re-encoding compared with the fixture. The headline run is Cancun; cases the fixtures
 * no longer fill for Cancun (malformed RLP kept from older forks) are judged under Cancun rules against the latest
 * fork they list. A second run checks every fork every case names.
 */
class TransactionConformanceTest {
    private static final CryptoSuite SUITE = Secp256k1KeccakSuite.instance();
    private static final TransactionValidator MAINNET = new TransactionValidator(1);

    record Case(String file, String name, String txbytes, String forkName, JsonNode expectation) {
        String label() {
            return file + " " + name + " @" + forkName;
        }
    }

    /** What running a case produced; {@code failure} is null when it matched the fixture. */
    record Outcome(Case c, String failure) {}

    static Path fixtureRoot() {
        String shared = System.getProperty("stele.shared.dir");
        Path base = shared != null ? Paths.get(shared) : Paths.get("..", "..", "shared");
        if (!Files.isDirectory(base.resolve("ethereum-tests")))
            base = Paths.get("..", "shared");
        Path root = base.resolve("ethereum-tests").resolve("TransactionTests");
        if (!Files.isDirectory(root))
            throw new IllegalStateException("TransactionTests fixtures not found at " + root.toAbsolutePath());
        return root;
    }

    static List<Case> cases(boolean allForks) {
        ObjectMapper mapper = new ObjectMapper();
        List<Case> out = new ArrayList<>();
        Path root = fixtureRoot();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
                JsonNode json = mapper.readTree(f.toFile());
                String rel = root.relativize(f).toString();
                for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext();) {
                    Map.Entry<String, JsonNode> e = it.next();
                    JsonNode result = e.getValue().get("result");
                    String txbytes = e.getValue().get("txbytes").asText();
                    if (allForks) {
                        for (Iterator<String> forks = result.fieldNames(); forks.hasNext();) {
                            String fork = forks.next();
                            out.add(new Case(rel, e.getKey(), txbytes, fork, result.get(fork)));
                        }
                    } else if (result.has("Cancun")) {
                        out.add(new Case(rel, e.getKey(), txbytes, "Cancun", result.get("Cancun")));
                    } else {
                        out.add(new Case(rel, e.getKey(), txbytes, "Cancun", latest(result)));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static JsonNode latest(JsonNode result) {
        Fork best = null;
        for (Iterator<String> it = result.fieldNames(); it.hasNext();) {
            Fork f = Fork.fromName(it.next());
            if (best == null || f.isAtLeast(best))
                best = f;
        }
        for (Iterator<String> it = result.fieldNames(); it.hasNext();) {
            String n = it.next();
            if (Fork.fromName(n) == best)
                return result.get(n);
        }
        throw new IllegalStateException("case has no fork results");
    }

    static Outcome run(Case c) {
        Fork fork = Fork.fromName(c.forkName());
        JsonNode exp = c.expectation();
        byte[] bytes = Hex.decode(c.txbytes());
        boolean expectInvalid = exp.has("exception");
        Transaction tx;
        Address sender;
        try {
            tx = TransactionDecoder.decode(bytes);
            sender = MAINNET.validateAndRecoverSender(tx, fork, SUITE);
        } catch (InvalidTransactionException e) {
            return new Outcome(c, expectInvalid
                    ? null
                    : "rejected a valid transaction: " + e.reason() + ": " + e.getMessage());
        } catch (RuntimeException e) {
            return new Outcome(c, "unexpected " + e);
        }
        if (expectInvalid)
            return new Outcome(c, "accepted a transaction the fixture rejects with " + exp.get("exception").asText());
        List<String> wrong = new ArrayList<>();
        if (!sender.equals(Address.fromHex(exp.get("sender").asText())))
            wrong.add("sender " + sender.toHex() + " != " + exp.get("sender").asText());
        if (!tx.hash(SUITE).toHex().equals(exp.get("hash").asText()))
            wrong.add("hash " + tx.hash(SUITE) + " != " + exp.get("hash").asText());
        long intrinsic = Long.parseLong(exp.get("intrinsicGas").asText().substring(2), 16);
        if (IntrinsicGas.of(tx, fork) != intrinsic)
            wrong.add("intrinsic gas " + IntrinsicGas.of(tx, fork) + " != " + intrinsic);
        if (!Hex.encode(tx.encode()).equals(Hex.encode(bytes)))
            wrong.add("re-encoding differs");
        return new Outcome(c, wrong.isEmpty() ? null : String.join("; ", wrong));
    }

    /**
     * The Stele reasons that match a fixture exception in kind. Malformed fields are one reason with the field named
     * in the message; a signature value too long to be a 256-bit scalar is malformed before it is out of range.
     */
    static Set<Reason> acceptableReasons(String fixtureException) {
        String e = fixtureException.substring(fixtureException.indexOf('.') + 1);
        if (e.startsWith("RLP_") || e.startsWith("ADDRESS_TOO_") || e.endsWith("_OVERFLOW")
                && !e.equals("GASLIMIT_PRICE_PRODUCT_OVERFLOW"))
            return Set.of(Reason.MALFORMED);
        if (e.startsWith("PRIORITY_GREATER_THAN_MAX_FEE_PER_GAS"))
            return Set.of(Reason.PRIORITY_FEE_ABOVE_MAX_FEE);
        return switch (e) {
            case "TYPE_NOT_SUPPORTED" -> Set.of(Reason.TYPE_NOT_ACTIVE);
            case "INVALID_CHAINID" -> Set.of(Reason.INVALID_CHAIN_ID);
            case "INVALID_SIGNATURE_VRS" -> Set.of(Reason.INVALID_SIGNATURE, Reason.MALFORMED);
            case "EC_RECOVERY_FAIL" -> Set.of(Reason.SENDER_RECOVERY_FAILED);
            case "NONCE_TOO_BIG" -> Set.of(Reason.NONCE_TOO_HIGH);
            case "GASLIMIT_PRICE_PRODUCT_OVERFLOW" -> Set.of(Reason.FEE_OVERFLOW);
            case "INITCODE_SIZE_EXCEEDED" -> Set.of(Reason.INIT_CODE_TOO_LARGE);
            case "INTRINSIC_GAS_TOO_LOW" -> Set.of(Reason.INTRINSIC_GAS_TOO_LOW);
            default -> throw new IllegalArgumentException("fixture exception not mapped: " + fixtureException);
        };
    }

    @TestFactory
    Stream<DynamicTest> cancun() {
        return cases(false).stream().map(c -> DynamicTest.dynamicTest(c.label(), () -> {
            Outcome o = run(c);
            assertThat(o.failure()).as(c.label()).isNull();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyForkTheFixturesName() {
        return cases(true).stream().map(c -> DynamicTest.dynamicTest(c.label(), () -> {
            Outcome o = run(c);
            assertThat(o.failure()).as(c.label()).isNull();
        }));
    }

    @Test
    void fixturesAreAllFound() {
        assertThat(cases(false)).hasSize(210);
    }
}
