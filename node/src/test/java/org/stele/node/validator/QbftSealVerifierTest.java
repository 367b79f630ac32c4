package org.stele.node.validator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stele.chain.Block;
import org.stele.chain.BlockHeader;
import org.stele.chain.rules.BlockRule;
import org.stele.chain.rules.SteleQbft;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.common.crypto.Signature;
import org.stele.consensus.qbft.BftExtraData;
import org.stele.consensus.qbft.BftExtraDataCodec;
import org.stele.consensus.qbft.QbftHashing;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.chainstore.KeyValueBlockStore;
import org.stele.execution.genesis.GenesisFile;
import org.stele.execution.importer.BlockImporter;
import org.stele.execution.importer.GenesisChain;
import org.stele.execution.importer.ImportResult;
import org.stele.common.Fork;
import org.stele.node.network.NetworkInit;
import org.stele.storage.InMemoryKeyValueStore;

class QbftSealVerifierTest {
    private static final Secp256k1KeccakSuite SUITE = Secp256k1KeccakSuite.instance();
    private final List<KeyPair> keys = new ArrayList<>();
    private List<Address> validators;
    private KeyValueBlockStore blocks;
    private BlockImporter importer;
    private BlockExecutor executor;
    private final QbftHashing hashing = new QbftHashing(SUITE);

    @BeforeEach
    void fourValidatorChain() throws Exception {
        SecureRandom random = new SecureRandom(new byte[]{7});
        for (int i = 0; i < 4; i++)
            keys.add(SUITE.generateKeyPair(random));
        keys.sort(Comparator.comparing(k -> SUITE.address(k.publicKey())));
        validators = keys.stream().map(k -> SUITE.address(k.publicKey())).toList();
        NetworkInit init = new NetworkInit(4, 1337, 0, Optional.empty());
        GenesisFile genesis = GenesisFile.parse(new ObjectMapper().readTree(init.genesis(validators)));
        InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        blocks = new KeyValueBlockStore(store, SUITE, genesis.profile());
        importer = GenesisChain.open(genesis, SUITE, store, blocks, new QbftSealVerifier(SUITE));
        executor = new BlockExecutor(Fork.CANCUN, SUITE, 1337, store, blocks);
    }

    /** A child of the head as a proposer makes it, listing {@code listed}, with no seals yet. */
    private Block unsealed(List<Address> listed) {
        BlockHeader parent = blocks.head().orElseThrow();
        Block built = executor.build(parent, parent.timestamp() + 1, validators.get(0), List.of()).block();
        BlockHeader h = built.header().toBuilder().parentHash(blocks.hash(parent))
                .difficulty(java.math.BigInteger.ONE).mixHash(SteleQbft.MIX_HASH).nonce(0)
                .extraData(BftExtraDataCodec.encode(new BftExtraData(Bytes.wrap(new byte[32]), listed,
                        Optional.empty(), 0, List.of())))
                .build();
        return new Block(h, built.body());
    }

    private Block sealedBy(Block block, List<KeyPair> signers) {
        List<Signature> seals = signers.stream()
                .map(k -> SUITE.sign(hashing.commitSealHash(block.header()).unsafeArray(), k)).toList();
        return new Block(QbftHashing.withSeals(block.header(), seals), block.body());
    }

    private ImportResult.Refused refused(Block block) {
        ImportResult r = importer.importBlock(block);
        assertThat(r).isInstanceOf(ImportResult.Refused.class);
        return (ImportResult.Refused) r;
    }

    @Test
    void aBlockSealedByAQuorumOfTheParentsValidatorsIsImportedUnderItsQbftHash() {
        Block block = sealedBy(unsealed(validators), keys.subList(0, 3));
        ImportResult r = importer.importBlock(block);
        assertThat(r).isInstanceOf(ImportResult.Imported.class);
        assertThat(((ImportResult.Imported) r).hash()).isEqualTo(hashing.blockHash(block.header()));
        assertThat(blocks.hashOf(1)).contains(hashing.blockHash(block.header()));
    }

    @Test
    void aBlockWithAMissingSealIsRefusedWithRuleSeal() {
        Block block = sealedBy(unsealed(validators), keys.subList(0, 2));
        assertThat(refused(block).refusal().rule()).isEqualTo(BlockRule.SEAL);
        assertThat(blocks.head().orElseThrow().number()).isZero();
    }

    @Test
    void aBlockWithADuplicatedSealIsRefusedWithRuleSeal() {
        Block block = sealedBy(unsealed(validators), List.of(keys.get(0), keys.get(1), keys.get(1)));
        assertThat(refused(block).refusal().rule()).isEqualTo(BlockRule.SEAL);
    }

    @Test
    void aBlockWithAnOutsidersSealIsRefusedWithRuleSeal() {
        KeyPair outsider = SUITE.generateKeyPair(new SecureRandom(new byte[]{9}));
        Block block = sealedBy(unsealed(validators), List.of(keys.get(0), keys.get(1), outsider));
        assertThat(refused(block).refusal().rule()).isEqualTo(BlockRule.SEAL);
    }

    @Test
    void aBlockWithAForgedSealIsRefusedWithRuleSeal() {
        Block good = unsealed(validators);
        // Signed over another block: it recovers to some key that is not a validator's.
        Block other = new Block(good.header().toBuilder().timestamp(good.header().timestamp() + 5).build(),
                good.body());
        Signature forged = SUITE.sign(hashing.commitSealHash(other.header()).unsafeArray(), keys.get(2));
        List<Signature> seals = new ArrayList<>();
        for (KeyPair k : keys.subList(0, 2))
            seals.add(SUITE.sign(hashing.commitSealHash(good.header()).unsafeArray(), k));
        seals.add(forged);
        Block block = new Block(QbftHashing.withSeals(good.header(), seals), good.body());
        assertThat(refused(block).refusal().rule()).isEqualTo(BlockRule.SEAL);
    }

    @Test
    void aBlockListingAnotherValidatorSetThanItsParentIsRefusedWithRuleSeal() {
        Block block = sealedBy(unsealed(validators.subList(0, 3)), keys.subList(0, 3));
        assertThat(refused(block).refusal().rule()).isEqualTo(BlockRule.SEAL);
    }

    @Test
    void theChainProfileNamesABlockAsQbftHashingDoesWhateverItsRoundAndSeals() {
        Block block = sealedBy(unsealed(validators), keys.subList(0, 3));
        BlockHeader laterRound = QbftHashing.withRound(block.header(), 3);
        assertThat(new SteleQbft().blockHash(block.header(), SUITE)).isEqualTo(hashing.blockHash(block.header()))
                .isEqualTo(new SteleQbft().blockHash(laterRound, SUITE))
                .isNotEqualTo(block.header().hash(SUITE));
    }
}
