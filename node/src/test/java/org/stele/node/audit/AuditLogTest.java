package org.stele.node.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditLogTest {
    @TempDir
    Path dir;

    private Path logWithThreeEntries() {
        Path file = dir.resolve("audit.log");
        try (AuditLog log = new AuditLog(file, InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")))) {
            log.started("config A");
            log.append("no token (loopback)", "127.0.0.1:50312", "none", "admin_addPeer", "sha256:aa", "ok");
            log.append("bearer token sha256:0123456789abcdef", "10.0.0.7:41000",
                    "0x00000000000000000000000000000000000000aa", "admin_removePeer", "sha256:bb",
                    "error -32602: bad peer");
        }
        return file;
    }

    @Test
    void anUntouchedLogVerifiesAndAReopenedOneContinuesItsChain() throws Exception {
        Path file = logWithThreeEntries();
        try (AuditLog log = new AuditLog(file, InstantSource.fixed(Instant.parse("2026-01-02T00:00:00Z")))) {
            log.started("config B");
        }

        assertThat(AuditLog.verify(file)).isEmpty();
        assertThat(Files.readAllLines(file)).hasSize(4).last().asString().contains("\"seq\":4")
                .contains("\"method\":\"node.start\"");
    }

    @Test
    void aChangedEntryIsNamed() throws Exception {
        Path file = logWithThreeEntries();
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.set(2, lines.get(2).replace("error -32602: bad peer", "ok"));
        Files.write(file, lines, StandardCharsets.UTF_8);

        assertThat(AuditLog.verify(file)).contains("line 3: the entry does not match its hash (it was changed)");
    }

    @Test
    void anEntryWhoseClientAddressOrAccountWasChangedIsNamed() throws Exception {
        Path file = logWithThreeEntries();
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        assertThat(lines.get(1)).contains("\"remote\":\"127.0.0.1:50312\"").contains("\"account\":\"none\"");
        lines.set(1, lines.get(1).replace("127.0.0.1:50312", "127.0.0.1:50313"));
        lines.set(2, lines.get(2).replace("0x00000000000000000000000000000000000000aa",
                "0x00000000000000000000000000000000000000bb"));
        Files.write(file, lines, StandardCharsets.UTF_8);

        assertThat(AuditLog.verify(file)).contains("line 2: the entry does not match its hash (it was changed)");
    }

    @Test
    void aRemovedEntryIsNamed() throws Exception {
        Path file = logWithThreeEntries();
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        lines.remove(1);
        Files.write(file, lines, StandardCharsets.UTF_8);

        assertThat(AuditLog.verify(file))
                .contains("line 2: seq 3 where 2 belongs (an entry was removed or moved)");
    }

    @Test
    void anEntryRewrittenWithItsOwnHashStillBreaksTheChainAfterIt() throws Exception {
        Path file = logWithThreeEntries();
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var entry = (com.fasterxml.jackson.databind.node.ObjectNode) json.readTree(lines.get(1));
        entry.remove("hash");
        entry.put("method", "admin_nodeInfo");
        entry.put("hash", AuditLog.sha256(entry.toString()));
        lines.set(1, entry.toString());
        Files.write(file, lines, StandardCharsets.UTF_8);

        assertThat(AuditLog.verify(file)).contains("line 3: prev does not name the hash of the entry before it");
    }

    @Test
    void aStaticPeerAddedOrRemovedAtRunTimeIsRecordedWithWhatChangedAndAChangedRecordIsNamed() throws Exception {
        Path file = dir.resolve("audit.log");
        var params = new com.fasterxml.jackson.databind.ObjectMapper().createArrayNode()
                .add("0x00000000000000000000000000000000000000cc@10.0.0.2:30303");
        var session = org.stele.rpc.RpcSession.http("Bearer s3cret", "10.0.0.7:41000");
        var operator = java.util.Optional.of(org.stele.common.Address.fromHex(
                "0x00000000000000000000000000000000000000aa"));
        try (AuditLog log = new AuditLog(file, InstantSource.fixed(Instant.parse("2026-01-01T00:00:00Z")))) {
            log.record("admin_addPeer", params, session, operator, java.util.Optional.empty(),
                    com.fasterxml.jackson.databind.node.BooleanNode.TRUE);
            log.record("admin_addPeer", params, session, operator, java.util.Optional.empty(),
                    com.fasterxml.jackson.databind.node.BooleanNode.FALSE);
            log.record("admin_removePeer", params, session, operator, java.util.Optional.empty(),
                    com.fasterxml.jackson.databind.node.BooleanNode.TRUE);
        }

        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        String what = "\"what\":\"static peer 0x00000000000000000000000000000000000000cc@10.0.0.2:30303\"";
        assertThat(lines.get(0)).contains("\"method\":\"admin_addPeer\"").contains("\"remote\":\"10.0.0.7:41000\"")
                .contains("\"account\":\"0x00000000000000000000000000000000000000aa\"")
                .contains("\"change\":{" + what + ",\"old\":\"absent\",\"new\":\"present\"}");
        assertThat(lines.get(1)).as("already a static peer: nothing changed").doesNotContain("\"change\"");
        assertThat(lines.get(2)).contains("\"change\":{" + what + ",\"old\":\"present\",\"new\":\"absent\"}");
        assertThat(AuditLog.verify(file)).isEmpty();
        lines.set(2, lines.get(2).replace("\"new\":\"absent\"", "\"new\":\"present\""));
        Files.write(file, lines, StandardCharsets.UTF_8);
        assertThat(AuditLog.verify(file)).contains("line 3: the entry does not match its hash (it was changed)");
    }

    @Test
    void aChainParameterChangeIsRecordedWithWhoTheOldAndNewValueAndTheBlock() throws Exception {
        Path file = dir.resolve("audit.log");
        try (AuditLog log = new AuditLog(file, InstantSource.fixed(Instant.parse("2026-01-01T00:00:05Z")))) {
            log.configurationChanged("committee proposal #3, executed by the vote of 0xAb", "Parameters.maxTxSize",
                    "131072", "65536", 42, Instant.parse("2026-01-01T00:00:04Z").getEpochSecond());
        }

        String entry = Files.readAllLines(file).getFirst();
        assertThat(entry).contains("\"time\":\"2026-01-01T00:00:05Z\"")
                .contains("\"caller\":\"committee proposal #3, executed by the vote of 0xAb\"")
                .contains("\"method\":\"config.change\"")
                .contains("\"change\":{\"what\":\"Parameters.maxTxSize\",\"old\":\"131072\",\"new\":\"65536\"}")
                .contains("\"block\":42").contains("\"blockTime\":\"2026-01-01T00:00:04Z\"");
        assertThat(AuditLog.verify(file)).isEmpty();
    }
}
