package org.stele.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.node.devnode.TestDevNode;

/** {@code stele notary}, each subcommand as a user runs it, against a dev node in this process; verify with none. */
class NotaryCommandTest {
    @TempDir
    Path dir;
    private TestDevNode node;
    private String rpc;
    private List<String> a;
    private Path genesis;

    @BeforeEach
    void start() throws Exception {
        node = TestDevNode.start(dir.resolve("chain"), 5);
        rpc = node.rpc();
        a = node.addresses();
        genesis = node.genesisFile();
    }

    @AfterEach
    void stop() {
        if (node != null) node.close();
    }

    private CliRun run(String... args) {
        return new AppCommands("notary", rpc).run(args);
    }

    private String ok(String... args) {
        return new AppCommands("notary", rpc).ok(args);
    }

    private CliRun verify(Path file, Path proof) {
        return CliRun.of("notary", "verify", file.toString(), proof.toString(), "--genesis", genesis.toString());
    }

    private void stopNode() {
        node.close();
        node = null;
    }

    @Test
    void filesStampedAloneAndInABatchVerifyWithNoNodeAndAnEditedByteDoesNot() throws Exception {
        String c = ok("deploy", "--from", a.get(0));
        Path contract = Files.writeString(dir.resolve("contract.txt"), "The parties agree.");
        assertThat(ok("stamp", "--contract", c, "--from", a.get(1), contract.toString()))
                .startsWith(contract + " 0x").contains(" stamped in block ");
        Path batchDir = Files.createDirectories(dir.resolve("batch"));
        String[] stamp = new String[8];
        stamp[0] = "stamp";
        stamp[1] = "--contract=" + c;
        stamp[2] = "--from=" + a.get(2);
        stamp[3] = "--batch";
        stamp[4] = "--algorithm=sm3";
        for (int i = 0; i < 3; i++)
            stamp[5 + i] = Files.writeString(batchDir.resolve("invoice-" + i + ".txt"), "Invoice " + i).toString();
        assertThat(ok(stamp).lines()).hasSize(3);
        stopNode();

        CliRun single = verify(contract, dir.resolve("contract.txt.notary.json"));
        assertThat(single.status()).as(single.out() + single.err()).isZero();
        assertThat(single.out()).startsWith("VERIFIED: contract.txt (sha-256 0x")
                .contains("by " + a.get(1)).contains("(the given genesis file)");
        CliRun batch = verify(batchDir.resolve("invoice-1.txt"), batchDir.resolve("invoice-1.txt.notary.json"));
        assertThat(batch.status()).as(batch.out() + batch.err()).isZero();
        assertThat(batch.out()).startsWith("VERIFIED: invoice-1.txt (sm3 0x").contains("as document 2 of a batch of 3");

        byte[] edited = Files.readAllBytes(contract);
        edited[4] ^= 1;
        Files.write(contract, edited);
        CliRun refused = verify(contract, dir.resolve("contract.txt.notary.json"));
        assertThat(refused.status()).isEqualTo(1);
        assertThat(refused.out()).startsWith("NOT VERIFIED: check document-hash");
        CliRun swapped = verify(batchDir.resolve("invoice-0.txt"), batchDir.resolve("invoice-1.txt.notary.json"));
        assertThat(swapped.out()).startsWith("NOT VERIFIED: check document-hash");
    }

    @Test
    void aTwoOfThreeDocumentIsSignedDirectlyAndByRelayAndItsProofNamesTheSigners() throws Exception {
        String c = ok("deploy", "--from", a.get(0));
        Path doc = Files.writeString(dir.resolve("lease.txt"), "Lease, version 1");
        String hash = ok("request", "--contract", c, "--from", a.get(0), doc.toString(), "--party", a.get(1),
                "--party", a.get(2), "--party", a.get(3), "--threshold", "2");
        assertThat(ok("status", "--contract", c, hash)).contains("pending, 0 of 2 needed signatures from 3 parties")
                .contains("Awaited: " + a.get(1) + ", " + a.get(2) + ", " + a.get(3) + ".");
        ok("sign", "--contract", c, "--from", a.get(1), doc.toString());
        Path key = Files.writeString(dir.resolve("carol.key"), node.accounts().get(3).key().privateKey().toHex());
        assertThat(ok("sign", "--contract", c, "--key-file", key.toString(), "--relay-from", a.get(4), hash))
                .isEqualTo("Signed " + hash + " as " + a.get(3) + ", relayed by " + a.get(4) + ".");
        assertThat(ok("status", "--contract", c, doc.toString())).contains("complete, 2 of 2")
                .contains("Awaited: " + a.get(2) + ".").contains("(relayed by " + a.get(4) + ")");
        Path proof = dir.resolve("lease.notary.json");
        ok("proof", "--contract", c, doc.toString(), "-o", proof.toString());
        stopNode();

        CliRun v = verify(doc, proof);
        assertThat(v.status()).as(v.out() + v.err()).isZero();
        assertThat(v.out()).contains("as a document to be signed").contains("Signatures: 2 of the 2 needed from 3 "
                + "parties (complete).").contains("signed by " + a.get(1)).contains("signed by " + a.get(3))
                .contains("(relayed by " + a.get(4) + ")").contains("awaited: " + a.get(2));
    }

    @Test
    void aRevokedDocumentRefusesSignaturesByNameAndBadInputGetsOneLine() throws Exception {
        String c = ok("deploy", "--from", a.get(0));
        String hash = "0x" + "12".repeat(32);
        ok("request", "--contract", c, "--from", a.get(0), hash, "--party", a.get(1), "--threshold", "1");
        CliRun notCreator = run("revoke", "--contract", c, "--from", a.get(1), hash, "--reason", "no");
        assertThat(notCreator.status()).isEqualTo(1);
        assertThat(notCreator.err().strip())
                .isEqualTo("stele notary revoke: refused: NotCreator(" + hash + ", " + a.get(1) + ")");
        ok("revoke", "--contract", c, "--from", a.get(0), hash, "--reason", "wrong party");
        assertThat(ok("status", "--contract", c, hash)).contains("revoked").contains("Revoked: wrong party");
        CliRun closed = run("sign", "--contract", c, "--from", a.get(1), hash);
        assertThat(closed.err().strip()).isEqualTo("stele notary sign: refused: DocumentClosed(" + hash + ", 3)");

        CliRun noFile = run("stamp", "--contract", c, "--from", a.get(0), dir.resolve("missing.pdf").toString());
        assertThat(noFile.status()).isEqualTo(2);
        assertThat(noFile.err().strip())
                .isEqualTo("stele notary stamp: " + dir.resolve("missing.pdf") + ": no such file");
        CliRun badAlgorithm = run("status", "--contract", c, "--algorithm", "md5", dir.toString());
        assertThat(badAlgorithm.err().strip()).isEqualTo("stele notary status: " + dir
                + " is neither a file nor a hash (0x and 64 hex digits)");
        Path notProof = Files.writeString(dir.resolve("x.json"), "{\"format\":\"stele-proof/1\"}");
        CliRun wrongFormat = CliRun.of("notary", "verify", notProof.toString(), notProof.toString());
        assertThat(wrongFormat.status()).isEqualTo(2);
        assertThat(wrongFormat.err().strip()).isEqualTo("stele notary verify: format: \"stele-proof/1\" is not "
                + "stele-notary/1 (a transaction proof: use stele proof verify)");
    }
}
