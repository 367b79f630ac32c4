package org.stele.node.devnode;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.stele.chain.BlockHeader;
import org.stele.chain.rules.SteleQbft;
import org.stele.common.Bytes;
import org.stele.common.crypto.Signature;
import org.stele.consensus.qbft.BftExtraData;
import org.stele.consensus.qbft.BftExtraDataCodec;
import org.stele.consensus.qbft.SignatureCodec;
import org.stele.execution.genesis.GenesisFile;
import org.stele.node.config.ConfigSource;
import org.stele.node.wiring.NodeServices;
import org.stele.proof.Check;
import org.stele.proof.ProofCheckFailed;
import org.stele.proof.ProofJson;
import org.stele.proof.TransactionProof;
import org.stele.proof.TransactionProofVerifier;
import org.stele.storage.InMemoryKeyValueStore;

/**
 * The dev chain's blocks are sealed like a network's, so its transactions have proofs that verify offline; and the
 * shared proof vectors ({@code proof/vectors}) are made from it.
 */
class DevProofTest {
    private static final Path ROOT = Path.of(System.getProperty("stele.root", ".."));
    private final ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private final HttpClient http = HttpClient.newHttpClient();
    private final InstantSource clock = InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z"));
    private final TransactionProofVerifier verifier = new TransactionProofVerifier(NodeServices.SUITE);
    private int port;

    /** A dev node that seals only when the test calls {@link DevNode#seal()}: an hour's block time never passes. */
    private DevNode start(Path dir) throws Exception {
        Map<String, JsonNode> values = Map.of("data-path", TextNode.valueOf(dir.toString()), "rpc-http-port",
                IntNode.valueOf(0), "accounts", IntNode.valueOf(3), "block-time", IntNode.valueOf(3600));
        DevNode node = new DevNode(DevConfig.SCHEMA.build(List.of(new ConfigSource("test", values, Map.of()))), clock);
        port = node.start().getPort();
        return node;
    }

    private JsonNode call(String method, String params) throws Exception {
        String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":" + params + "}";
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port))
                .header("content-type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode n = json.readTree(r.body());
        assertThat(n.has("error")).as("%s: %s", method, n.get("error")).isFalse();
        return n.get("result");
    }

    private String send(String from, String rest) throws Exception {
        return call("eth_sendTransaction", "[{\"from\":\"" + from + "\"," + rest + "}]").asText();
    }

    /** Three transactions in block 1: two transfers and a contract creation whose init code reverts. */
    private record Chain(DevNode node, GenesisFile genesis, String transfer, String failed) {}

    private Chain chain(Path dir) throws Exception {
        DevNode node = start(dir);
        JsonNode accounts = call("eth_accounts", "[]");
        String a0 = accounts.get(0).asText(), a1 = accounts.get(1).asText(), a2 = accounts.get(2).asText();
        send(a0, "\"to\":\"" + a1 + "\",\"value\":\"0xde0b6b3a7640000\"");
        String transfer = send(a1, "\"to\":\"" + a2 + "\",\"value\":\"0x1bc16d674ec80000\"");
        String failed = send(a2, "\"data\":\"0x60006000fd\",\"gas\":\"0x186a0\"");
        assertThat(node.seal()).isEqualTo(3);
        return new Chain(node, GenesisFile.read(node.genesisFile()), transfer, failed);
    }

    private TransactionProof proof(String txHash) throws Exception {
        return ProofJson.parse(call("stele_getTransactionProof", "[\"" + txHash + "\"]"));
    }

    private static TransactionProofVerifier.TrustedGenesis trusted(GenesisFile genesis) {
        return new TransactionProofVerifier.TrustedGenesis(
                genesis.build(new InMemoryKeyValueStore()).block().hash(NodeServices.SUITE), genesis.chainId());
    }

    @Test
    void devBlocksCarryQbftExtraDataSealedByTheDevValidator(@TempDir Path dir) throws Exception {
        Chain c = chain(dir);
        try (DevNode node = c.node()) {
            assertThat(c.genesis().profile()).isInstanceOf(SteleQbft.class);
            BlockHeader head = node.head();
            BftExtraData extra = BftExtraDataCodec.decode(head.extraData());
            assertThat(extra.validators()).containsExactly(node.validator());
            assertThat(extra.round()).isZero();
            assertThat(extra.seals()).hasSize(1);
            assertThat(head.difficulty()).isEqualTo(BigInteger.ONE);
            assertThat(head.mixHash()).isEqualTo(SteleQbft.MIX_HASH);
            assertThat(BftExtraDataCodec.decode(c.genesis().template().extraData()).validators())
                    .containsExactly(node.validator());
        }
    }

    @Test
    void theDevValidatorIsTheSameForTheSameMnemonic(@TempDir Path a, @TempDir Path b) throws Exception {
        try (DevNode first = start(a); DevNode second = start(b)) {
            assertThat(first.validator()).isEqualTo(second.validator());
        }
    }

    @Test
    void aTransferHasAProofThatVerifiesAgainstTheGenesisFileTheNodeWrote(@TempDir Path dir) throws Exception {
        Chain c = chain(dir);
        TransactionProof p;
        try (DevNode node = c.node()) {
            p = proof(c.transfer());
        }
        var verified = verifier.verify(p, Optional.of(trusted(c.genesis())));
        assertThat(verified.proof().transactionHash().toHex()).isEqualTo(c.transfer());
        assertThat(verified.signers()).hasSize(1);
        assertThat(p.validatorSets()).hasSize(1);
        assertThat(p.blockNumber()).isEqualTo(1);
    }

    @Test
    void aFailedTransactionsProofIsRefusedOnItsReceiptStatus(@TempDir Path dir) throws Exception {
        Chain c = chain(dir);
        try (DevNode node = c.node()) {
            TransactionProof p = proof(c.failed());
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> verifier.verify(p, Optional.empty()))
                    .isInstanceOfSatisfying(ProofCheckFailed.class, e -> assertThat(e.check()).isEqualTo(Check.STATUS));
        }
    }

    @Test
    void aProofIsNullForAnUnknownTransaction(@TempDir Path dir) throws Exception {
        try (DevNode node = start(dir)) {
            assertThat(call("stele_getTransactionProof", "[\"0x" + "11".repeat(32) + "\"]").isNull()).isTrue();
        }
    }

    @Test
    void aRestartReadsTheGenesisFileItWroteAndResumesTheChain(@TempDir Path dir) throws Exception {
        String genesis;
        try (DevNode node = start(dir)) {
            genesis = Files.readString(node.genesisFile());
        }
        try (DevNode node = start(dir)) {
            assertThat(Files.readString(node.genesisFile())).isEqualTo(genesis);
        }
    }

    /**
     * Writes {@code proof/vectors}: a genuine proof of a transfer in a block of three, copies tampered in each field,
     * the genuine proof of a failed transaction, the chain's genesis file, and {@code expected.json} naming what each
     * verifier must answer. Run with {@code -Dstele.proof.writeVectors=true}; the chain is deterministic (fixed clock,
     * deterministic signatures), so the files change only when the chain's encoding does.
     */
    @Test
    @EnabledIfSystemProperty(named = "stele.proof.writeVectors", matches = "true")
    void writeTheSharedProofVectors(@TempDir Path dir) throws Exception {
        Chain c = chain(dir);
        TransactionProof genuine, failed;
        try (DevNode node = c.node()) {
            genuine = proof(c.transfer());
            failed = proof(c.failed());
        }
        Path out = ROOT.resolve("proof/vectors");
        Files.createDirectories(out);
        Files.copy(dir.resolve(DevGenesis.FILE_NAME), out.resolve("genesis.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        ObjectNode expected = JsonNodeFactory.instance.objectNode();
        var trusted = trusted(c.genesis());
        expected.put("trustedGenesisHash", trusted.hash().toHex());
        expected.put("trustedChainId", trusted.chainId());
        ArrayNode vectors = expected.putArray("vectors");
        Vectors v = new Vectors(out, vectors, trusted);
        ObjectNode g = ProofJson.toJson(genuine);
        v.add("genuine", "a transfer, transaction 1 of a block of 3", "ok", g);
        v.add("failed-transaction", "a contract creation whose init code reverts", Check.STATUS.id(),
                ProofJson.toJson(failed));
        v.add("seal-byte", "one byte of the commit seal changed", Check.SEALS.id(),
                with(g, "header", h -> flipSealByte(h)));
        v.add("header-byte", "one byte of the header's state root changed", Check.SEALS.id(),
                with(g, "header", h -> flipHeaderByte(h)));
        v.add("block-hash", "the stated block hash changed", Check.HEADER_HASH.id(),
                with(g, "blockHash", DevProofTest::flipLast));
        v.add("merkle-node-byte", "one byte of the transaction proof's root node changed", Check.TRANSACTION.id(),
                withArray(g, "transactionProof", 0));
        v.add("receipt-merkle-node-byte", "one byte of the receipt proof's last node changed", Check.RECEIPT.id(),
                withArray(g, "receiptProof", g.get("receiptProof").size() - 1));
        v.add("raw-transaction", "one byte of the raw transaction changed", Check.TRANSACTION.id(),
                with(g, "rawTransaction", DevProofTest::flipLast));
        v.add("raw-receipt", "one byte of the raw receipt changed", Check.RECEIPT.id(),
                with(g, "rawReceipt", DevProofTest::flipLast));
        ObjectNode otherValidator = g.deepCopy();
        ((ArrayNode) otherValidator.get("validatorSets").get(0).get("validators")).set(0,
                TextNode.valueOf("0x" + "11".repeat(20)));
        v.add("validator-set", "the genesis validator set names another validator", Check.VALIDATOR_SETS.id(),
                otherValidator);
        ObjectNode otherGenesis = g.deepCopy();
        ((ObjectNode) otherGenesis.get("validatorSets").get(0)).put("header",
                flipHeaderByte(otherGenesis.get("validatorSets").get(0).get("header").asText()));
        v.add("genesis-header-byte", "one byte of the genesis header changed", Check.GENESIS.id(), otherGenesis);
        for (QbftProofFixture.Case qbft : new QbftProofFixture().cases())
            v.add(qbft.name(), qbft.what(), qbft.expect(), ProofJson.toJson(qbft.proof()), Optional.empty());
        Files.writeString(out.resolve("expected.json"), json.writeValueAsString(expected) + "\n");
    }

    @Test
    void aQbftSetChangeIsFollowedOnlyWhenTheOldSetSealedIt() throws Exception {
        for (QbftProofFixture.Case c : new QbftProofFixture().cases()) {
            String outcome;
            try {
                verifier.verify(c.proof(), Optional.empty());
                outcome = "ok";
            } catch (ProofCheckFailed e) {
                outcome = e.check().id();
            }
            assertThat(outcome).as(c.name()).isEqualTo(c.expect());
        }
    }

    private final class Vectors {
        private final Path out;
        private final ArrayNode list;
        private final TransactionProofVerifier.TrustedGenesis trusted;

        Vectors(Path out, ArrayNode list, TransactionProofVerifier.TrustedGenesis trusted) {
            this.out = out;
            this.list = list;
            this.trusted = trusted;
        }

        void add(String name, String what, String expect, ObjectNode proof) throws Exception {
            add(name, what, expect, proof, Optional.of(trusted));
        }

        /** A vector checked against {@code trusted}, or with no trusted genesis (a chain of its own). */
        void add(String name, String what, String expect, ObjectNode proof,
                Optional<TransactionProofVerifier.TrustedGenesis> trusted) throws Exception {
            String outcome;
            try {
                verifier.verify(ProofJson.parse(proof), trusted);
                outcome = "ok";
            } catch (ProofCheckFailed e) {
                outcome = e.check().id();
            }
            assertThat(outcome).as(name).isEqualTo(expect);
            Files.writeString(out.resolve(name + ".json"), json.writeValueAsString(proof) + "\n");
            ObjectNode entry = list.addObject().put("file", name + ".json").put("what", what).put("expect", expect);
            if (trusted.isEmpty())
                entry.put("trusted", false);
        }
    }

    private static ObjectNode with(ObjectNode proof, String field, UnaryOperator<String> change) {
        ObjectNode copy = proof.deepCopy();
        copy.put(field, change.apply(proof.get(field).asText()));
        return copy;
    }

    private static ObjectNode withArray(ObjectNode proof, String field, int index) {
        ObjectNode copy = proof.deepCopy();
        ArrayNode a = (ArrayNode) copy.get(field);
        String node = a.get(index).asText();
        int at = node.length() / 2;
        at -= at % 2;
        a.set(index, TextNode.valueOf(flipAt(node, at)));
        return copy;
    }

    private static String flipLast(String hex) {
        return flipAt(hex, hex.length() - 2);
    }

    /** Flips the low bit of the byte whose hex digits start at {@code at}. */
    private static String flipAt(String hex, int at) {
        int b = Integer.parseInt(hex.substring(at, at + 2), 16) ^ 1;
        return hex.substring(0, at) + String.format("%02x", b) + hex.substring(at + 2);
    }

    private static String flipSealByte(String headerHex) {
        BlockHeader h = BlockHeader.decode(Bytes.fromHex(headerHex).toArray());
        BftExtraData extra = BftExtraDataCodec.decode(h.extraData());
        Bytes seal = SignatureCodec.encode(extra.seals().get(0));
        Signature tampered = SignatureCodec.decode(Bytes.fromHex(flipAt(seal.toHex(), 2 + 2 * 10)));
        return Bytes.wrap(h.withExtraData(BftExtraDataCodec.encode(extra.withSeals(List.of(tampered)))).encode())
                .toHex();
    }

    private static String flipHeaderByte(String headerHex) {
        BlockHeader h = BlockHeader.decode(Bytes.fromHex(headerHex).toArray());
        String root = h.stateRoot().toHex();
        return Bytes.wrap(h.toBuilder().stateRoot(org.stele.common.Bytes32.fromHex(flipLast(root))).build().encode())
                .toHex();
    }
}
