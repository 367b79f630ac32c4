package org.stele.node.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.apps.notary.DocumentStatus;
import org.stele.apps.notary.HashAlgorithm;
import org.stele.apps.notary.MerkleTree;
import org.stele.apps.notary.NotaryCalls;
import org.stele.apps.notary.NotaryCheck;
import org.stele.apps.notary.NotaryClient;
import org.stele.apps.notary.NotaryProof;
import org.stele.apps.notary.NotaryProofVerifier;
import org.stele.apps.notary.NotarySignatures;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.execution.genesis.GenesisFile;
import org.stele.proof.TransactionProofVerifier.TrustedGenesis;
import org.stele.storage.InMemoryKeyValueStore;
import org.web3j.crypto.ECKeyPair;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;
import org.web3j.tx.ClientTransactionManager;
import org.web3j.utils.Numeric;
import org.stele.node.devnode.TestDevNode;

/** The notary SDK against a real dev node: transactions, status from events, proofs built and checked offline. */
class NotaryClientTest {
    private static final Secp256k1KeccakSuite SUITE = Secp256k1KeccakSuite.instance();
    @TempDir
    Path dir;
    private TestDevNode node;
    private HttpService service;
    private List<String> a;

    @BeforeEach
    void start() throws Exception {
        node = TestDevNode.start(dir.resolve("chain"), 5);
        service = new HttpService(node.rpc());
        a = node.addresses();
    }

    @AfterEach
    void stop() {
        if (node != null) node.close();
    }

    private NotaryClient as(int account, String contract) {
        return new NotaryClient(service, new ClientTransactionManager(Web3j.build(service), a.get(account)), contract);
    }

    private Optional<TrustedGenesis> trusted() throws Exception {
        GenesisFile spec = GenesisFile.read(node.genesisFile());
        return Optional.of(new TrustedGenesis(spec.build(new InMemoryKeyValueStore()).block().hash(SUITE),
                spec.chainId()));
    }

    @Test
    void aDocumentSignedByRelayThenSupersededHasItsStatusAndHistoryFromTheEvents() throws Exception {
        NotaryClient owner = NotaryClient.deploy(service, new ClientTransactionManager(Web3j.build(service), a.get(0)));
        String v1 = "0x" + "a1".repeat(32);
        String v2 = "0x" + "a2".repeat(32);
        owner.send(NotaryCalls.createDocument(v1, List.of(a.get(1), a.get(2)), 2));
        ECKeyPair key = ECKeyPair.create(node.accounts().get(2).key().privateKey().unsafeArray());
        as(3, owner.contract()).send(NotaryCalls.signFor(v1, a.get(2),
                NotarySignatures.sign(key, owner.chainId(), owner.contract(), v1)));
        assertThatThrownBy(() -> as(1, owner.contract()).send(NotaryCalls.signFor(v1, a.get(1),
                NotarySignatures.sign(key, owner.chainId(), owner.contract(), v1))))
                .hasMessage("refused: InvalidSignature(" + v1 + ", " + a.get(1) + ")");
        owner.send(NotaryCalls.supersede(v1, v2, List.of(a.get(1)), 1));

        DocumentStatus old = owner.status(v1).orElseThrow();
        assertThat(old.state()).isEqualTo(DocumentStatus.State.SUPERSEDED);
        assertThat(old.supersededBy()).contains(v2);
        assertThat(old.signatures()).singleElement().satisfies(s -> {
            assertThat(s.signer()).isEqualTo(a.get(2));
            assertThat(s.relayer()).isEqualTo(a.get(3));
        });
        assertThat(old.awaited()).containsExactly(a.get(1));
        assertThat(old.history()).extracting(e -> e.getClass().getSimpleName()).containsExactly("DocumentCreated",
                "Signed", "Superseded");
        assertThat(owner.status(v2).orElseThrow().state()).isEqualTo(DocumentStatus.State.PENDING);
        assertThatThrownBy(() -> as(1, owner.contract()).send(NotaryCalls.sign(v1)))
                .hasMessage("refused: DocumentClosed(" + v1 + ", 4)");
    }

    @Test
    void aBatchsProofsVerifyOfflineAndATamperedPathOrSealIsNamed() throws Exception {
        NotaryClient owner = NotaryClient.deploy(service, new ClientTransactionManager(Web3j.build(service), a.get(0)));
        List<byte[]> hashes = new ArrayList<>();
        for (int i = 0; i < 5; i++)
            hashes.add(HashAlgorithm.SHA_256.hash(("page " + i).getBytes(StandardCharsets.UTF_8)));
        MerkleTree tree = MerkleTree.build(HashAlgorithm.SHA_256, hashes);
        owner.send(NotaryCalls.stampBatch(Numeric.toHexString(tree.root()), tree.size()));
        List<NotaryProof> proofs = owner.batchProofs(tree, hashes);
        Optional<TrustedGenesis> trusted = trusted();
        node.close();
        node = null;

        NotaryProofVerifier verifier = new NotaryProofVerifier(SUITE);
        for (int i = 0; i < 5; i++) {
            NotaryProof read = NotaryProof.parse(new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(proofs.get(i).write()));
            NotaryProofVerifier.Verified v = verifier.verify(hashes.get(i), read, trusted);
            assertThat(v.stamp().by()).isEqualTo(a.get(0));
            assertThat(v.genesisTrusted()).isTrue();
        }
        NotaryProof p = proofs.get(4);
        var wrongIndex = new NotaryProof(p.algorithm(), p.documentHash(), p.contract(), new NotaryProof.Anchor(
                NotaryProof.Kind.BATCH, p.anchor().root(), 4, 5, proofs.get(3).anchor().path()), p.anchorProof(),
                List.of());
        assertThatThrownBy(() -> verifier.verify(hashes.get(4), wrongIndex, trusted))
                .isInstanceOfSatisfying(NotaryCheck.Failed.class,
                        e -> assertThat(e.check()).isEqualTo(NotaryCheck.MERKLE_PATH));
        var otherPlace = new NotaryProof(p.algorithm(), p.documentHash(), p.contract(), new NotaryProof.Anchor(
                NotaryProof.Kind.BATCH, p.anchor().root(), 3, 5, p.anchor().path()), p.anchorProof(), List.of());
        assertThatThrownBy(() -> verifier.verify(hashes.get(4), otherPlace, trusted))
                .isInstanceOfSatisfying(NotaryCheck.Failed.class,
                        e -> assertThat(e.detail()).isEqualTo("the path is not that of document 3 of a batch of 5"));
        var otherContract = new NotaryProof(p.algorithm(), p.documentHash(), "0x" + "22".repeat(20), p.anchor(),
                p.anchorProof(), List.of());
        assertThatThrownBy(() -> verifier.verify(hashes.get(4), otherContract, trusted))
                .isInstanceOfSatisfying(NotaryCheck.Failed.class,
                        e -> assertThat(e.check()).isEqualTo(NotaryCheck.ANCHOR_EVENT));
        byte[] header = p.anchorProof().header().toArray();
        header[header.length - 10] ^= 1;
        var tx = p.anchorProof();
        var sealed = new NotaryProof(p.algorithm(), p.documentHash(), p.contract(), p.anchor(),
                new org.stele.proof.TransactionProof(tx.chainId(), tx.genesisHash(), tx.blockNumber(), tx.blockHash(),
                        tx.transactionIndex(), tx.transactionHash(), tx.rawTransaction(), tx.rawReceipt(),
                        tx.transactionProof(), tx.receiptProof(), org.stele.common.Bytes.wrap(header),
                        tx.validatorSets()),
                List.of());
        assertThatThrownBy(() -> verifier.verify(hashes.get(4), sealed, trusted))
                .isInstanceOfSatisfying(NotaryCheck.Failed.class, e -> {
                    assertThat(e.check()).isEqualTo(NotaryCheck.ANCHOR_PROOF);
                    assertThat(e.detail()).startsWith("seals: ");
                });
    }
}
