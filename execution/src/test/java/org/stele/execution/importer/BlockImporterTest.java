package org.stele.execution.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.stele.testkit.TestAccounts.ETHER;
import static org.stele.testkit.TestChainSpec.CHAIN_ID;
import static org.stele.testkit.TestChainSpec.GENESIS_BASE_FEE;
import static org.stele.testkit.TestKeys.SUITE;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stele.chain.Block;
import org.stele.chain.BlockHeader;
import org.stele.chain.rules.BlockRule;
import org.stele.chain.rules.ChainProfile;
import org.stele.chain.rules.EthereumCancun;
import org.stele.chain.rules.SteleQbft;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Fork;
import org.stele.common.crypto.KeyPair;
import org.stele.common.rlp.RlpWriter;
import org.stele.execution.BeaconRootCall;
import org.stele.execution.InvalidTransaction;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.block.Genesis;
import org.stele.execution.chainstore.KeyValueBlockStore;
import org.stele.state.BlockHashes;
import org.stele.state.WorldState;
import org.stele.storage.InMemoryKeyValueStore;
import org.stele.storage.Segment;
import org.stele.testkit.TestChainSpec;
import org.stele.testkit.TestKeys;
import org.stele.testkit.TxBuilder;

class BlockImporterTest {
    private static final KeyPair KEY = TestKeys.DEV_0;
    private static final Address ALICE = TestKeys.address(KEY);
    private static final Address COINBASE = Address.fromHex("0x00000000000000000000000000000000000000c0");
    /** EIP-4788's contract, as deployed on mainnet. */
    private static final String BEACON_ROOTS_CODE = "0x3373fffffffffffffffffffffffffffffffffffffffe14604d576020361"
            + "46024575f"
            + "5ffd5b5f35801560495762001fff810690815414603c575f5ffd5b62001fff01545f5260205ff35b5f5ffd5b62001fff42064281"
            + "555f359062001fff015500";

    /** A chain in its own store: one to build blocks on, one to import them into. */
    private static final class Chain {
        final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
        final KeyValueBlockStore blocks = new KeyValueBlockStore(store, SUITE);
        final BlockHeader genesis;

        Chain(Bytes extraData) {
            this(extraData, Map.of());
        }

        Chain(Bytes extraData, Map<Address, Genesis.Allocation> more) {
            Map<Address, Genesis.Allocation> alloc = new java.util.HashMap<>(more);
            alloc.put(ALICE, Genesis.Allocation.balance(ETHER.multiply(BigInteger.valueOf(100))));
            Genesis g = new Genesis(CHAIN_ID, 0, TestChainSpec.GAS_LIMIT, GENESIS_BASE_FEE, Address.ZERO,
                    extraData, alloc);
            Genesis.Built built = g.build(store);
            blocks.append(built.block(), List.of(), built.batch());
            genesis = built.block().header();
        }

        BlockImporter importer(ChainProfile profile) {
            return new BlockImporter(profile, Fork.CANCUN, SUITE, CHAIN_ID, store, blocks, SealVerifier.NONE);
        }

        Block build(BlockHeader parent, long timestamp, Transaction... txs) {
            BlockExecutor.Result built = execute(new EthereumCancun(), parent, timestamp, txs);
            store.write(built.batch()); // the block's state, so that children can be built on it
            return built.block();
        }

        /** A block built on {@code parent} under {@code profile}'s header conventions; nothing written. */
        BlockExecutor.Result execute(ChainProfile profile, BlockHeader parent, long timestamp, Transaction... txs) {
            List<BlockExecutor.Candidate> candidates = new ArrayList<>();
            for (Transaction tx : txs)
                candidates.add(new BlockExecutor.Candidate(tx, ALICE));
            return new BlockExecutor(Fork.CANCUN, SUITE, CHAIN_ID, store, blocks, profile).build(parent, timestamp,
                    COINBASE, candidates);
        }
    }

    private final Chain builder = new Chain(Bytes.EMPTY);
    private final Chain node = new Chain(Bytes.EMPTY);
    private final BlockImporter importer = node.importer(new EthereumCancun());

    private static Transaction transfer(long nonce) {
        return TxBuilder.feeMarket().chainId(CHAIN_ID).nonce(nonce).fees(10_000_000_000L, 2_000_000_000).value(ETHER)
                .signedBy(KEY);
    }

    private static Block withHeader(Block block, BlockHeader header) {
        return new Block(header, block.body());
    }

    @Test
    void aBlockThatStelesBuilderMakesIsImportedAsTheHeadWithItsReceipts() {
        Block block = builder.build(builder.genesis, 12, transfer(0));

        ImportResult result = importer.importBlock(block);

        assertThat(result).isInstanceOf(ImportResult.Imported.class);
        assertThat(((ImportResult.Imported) result).head()).isTrue();
        assertThat(node.blocks.head()).contains(block.header());
        assertThat(node.blocks.receipts(block.hash(SUITE)).orElseThrow()).hasSize(1);
        assertThat(node.blocks.transactionLocation(transfer(0).hash(SUITE))).isPresent();
        assertThat(importer.importBlock(block)).isInstanceOf(ImportResult.AlreadyKnown.class);
    }

    @Test
    void builderAndImporterAgreeOnTheBeaconRootsSystemCall() {
        Map<Address, Genesis.Allocation> contract = Map.of(BeaconRootCall.BEACON_ROOTS_ADDRESS,
                new Genesis.Allocation(BigInteger.ZERO, 1, Bytes.fromHex(BEACON_ROOTS_CODE), Map.of()));
        Chain withContract = new Chain(Bytes.EMPTY, contract);
        Chain importing = new Chain(Bytes.EMPTY, contract);
        Block block = withContract.build(withContract.genesis, 12, transfer(0));

        assertThat(importing.importer(new EthereumCancun()).importBlock(block))
                .isInstanceOf(ImportResult.Imported.class);
        // the contract keeps the timestamp in slot timestamp % 8191
        assertThat(WorldState.open(importing.store, block.header().stateRoot(), BlockHashes.NONE)
                .storage(BeaconRootCall.BEACON_ROOTS_ADDRESS, Bytes32.leftPad(new byte[]{12})))
                .isEqualTo(Bytes32.leftPad(new byte[]{12}));
    }

    @Test
    void aBlockWithAWrongStateRootIsRefusedForThatRuleAndWritesNothing() {
        Block good = builder.build(builder.genesis, 12, transfer(0));
        Block bad = withHeader(good, good.header().toBuilder().stateRoot(node.genesis.stateRoot()).build());
        int keysBefore = keyCount(node.store);

        ImportResult result = importer.importBlock(bad);

        assertThat(result).isInstanceOfSatisfying(ImportResult.Refused.class,
                r -> assertThat(r.refusal().rule()).isEqualTo(BlockRule.STATE_ROOT));
        assertThat(keyCount(node.store)).isEqualTo(keysBefore);
        assertThat(node.blocks.head()).contains(node.genesis);
    }

    @Test
    void aBlockCarryingATransactionInvalidAtItsTurnIsRefusedNamingTheTransactionRule() {
        Block good = builder.build(builder.genesis, 12, transfer(0));
        Block bad = new Block(good.header(),
                new org.stele.chain.BlockBody(List.of(transfer(1)), List.of(), good.body().withdrawals()));

        ImportResult result = importer.importBlock(bad);

        assertThat(result).isInstanceOfSatisfying(ImportResult.Refused.class, r -> {
            assertThat(r.refusal().rule()).isEqualTo(BlockRule.INVALID_TRANSACTION);
            assertThat(r.refusal().transaction()).contains(InvalidTransaction.NONCE_MISMATCH_TOO_HIGH);
        });
    }

    @Test
    void headerRulesAreCheckedAgainstTheParent() {
        Block good = builder.build(builder.genesis, 12);
        assertThat(refusal(withHeader(good, good.header().toBuilder().timestamp(0).build())))
                .isEqualTo(BlockRule.TIMESTAMP);
        assertThat(refusal(withHeader(good, good.header().toBuilder().gasLimit(31_000_000).build())))
                .isEqualTo(BlockRule.GAS_LIMIT);
        assertThat(refusal(withHeader(good, good.header().toBuilder().baseFeePerGas(BigInteger.ONE).build())))
                .isEqualTo(BlockRule.BASE_FEE);
        assertThat(refusal(withHeader(good, good.header().toBuilder().number(2).build())))
                .isEqualTo(BlockRule.BLOCK_NUMBER);
        assertThat(refusal(withHeader(good, good.header().toBuilder().parentHash(good.header().stateRoot()).build())))
                .isEqualTo(BlockRule.UNKNOWN_PARENT);
        assertThat(refusal(withHeader(good, good.header().toBuilder().extraData(Bytes.wrap(new byte[33])).build())))
                .isEqualTo(BlockRule.EXTRA_DATA);
        assertThat(importer.importRlp(new byte[]{(byte) 0xc1, 0x01}))
                .isInstanceOfSatisfying(ImportResult.Refused.class,
                        r -> assertThat(r.refusal().rule()).isEqualTo(BlockRule.MALFORMED));
    }

    @Test
    void afterTheMergeEveryValidBlockBecomesTheHeadAndTheIndexesFollowItsBranch() {
        Block a1 = builder.build(builder.genesis, 12, transfer(0));
        Block b1 = builder.build(builder.genesis, 13);
        Block a2 = builder.build(a1.header(), 24);

        importer.importBlock(a1);
        importer.importBlock(b1);
        assertThat(node.blocks.head()).contains(b1.header());
        assertThat(node.blocks.hashOf(1)).contains(b1.hash(SUITE));
        assertThat(node.blocks.transactionLocation(transfer(0).hash(SUITE))).isEmpty();

        importer.importBlock(a2);
        assertThat(node.blocks.head()).contains(a2.header());
        assertThat(node.blocks.hashOf(1)).contains(a1.hash(SUITE));
        assertThat(node.blocks.transactionLocation(transfer(0).hash(SUITE))).isPresent();
    }

    @Test
    void theExplorerIndexesFollowTheCanonicalBranchThroughAReorganisation() {
        Transaction onA = transfer(0);
        Transaction onB = TxBuilder.feeMarket().chainId(CHAIN_ID).nonce(0).fees(10_000_000_000L, 2_000_000_000)
                .to(COINBASE).value(ETHER.add(ETHER)).signedBy(KEY);
        Block a1 = builder.build(builder.genesis, 12, onA);
        Block b1 = builder.build(builder.genesis, 13, onB);
        Block a2 = builder.build(a1.header(), 24);
        var explorer = node.blocks.explorer();

        importer.importBlock(a1);
        assertThat(explorer.transactionBySenderAndNonce(ALICE, 0)).contains(onA.hash(SUITE));
        assertThat(history(ALICE)).containsExactly(1L);
        assertThat(history(COINBASE)).isEmpty();

        importer.importBlock(b1);
        assertThat(explorer.transactionBySenderAndNonce(ALICE, 0)).contains(onB.hash(SUITE));
        assertThat(history(ALICE)).as("a1's entry is gone, b1's written").containsExactly(1L);
        assertThat(history(COINBASE)).as("b1's recipient").containsExactly(1L);
        assertThat(node.blocks.transactionLocation(onA.hash(SUITE))).isEmpty();

        importer.importBlock(a2);
        assertThat(explorer.transactionBySenderAndNonce(ALICE, 0)).contains(onA.hash(SUITE));
        assertThat(history(ALICE)).containsExactly(1L);
        assertThat(history(COINBASE)).as("b1 is off the canonical chain again").isEmpty();
        assertThat(node.blocks.transactionLocation(onB.hash(SUITE))).isEmpty();
        assertThat(node.blocks.transactionLocation(onA.hash(SUITE))).isPresent();
    }

    /** The block numbers of the address's indexed transactions, newest first. */
    private List<Long> history(Address address) {
        List<Long> blocks = new ArrayList<>();
        node.blocks.explorer().history(address, Long.MAX_VALUE, true, e -> blocks.add(e.blockNumber()));
        return blocks;
    }

    @Test
    void underQbftABlockNotExtendingTheHeadIsKeptAsASideBlock() {
        Bytes extra = qbftExtraData();
        Chain qbftBuilder = new Chain(extra);
        Chain qbftNode = new Chain(extra);
        BlockImporter qbft = qbftNode.importer(new SteleQbft());
        Block a1 = qbft(qbftBuilder.build(qbftBuilder.genesis, 12, transfer(0)));
        Block b1 = qbft(qbftBuilder.build(qbftBuilder.genesis, 13));

        assertThat(qbft.importBlock(a1)).isInstanceOf(ImportResult.Imported.class);
        ImportResult side = qbft.importBlock(b1);

        assertThat(side).isInstanceOfSatisfying(ImportResult.Imported.class, i -> assertThat(i.head()).isFalse());
        assertThat(qbftNode.blocks.head()).contains(a1.header());
        assertThat(qbftNode.blocks.header(b1.hash(SUITE))).isPresent();
        assertThat(qbft.importBlock(withHeader(b1, b1.header().toBuilder().mixHash(Bytes32.ZERO).build())))
                .isInstanceOfSatisfying(ImportResult.Refused.class,
                        r -> assertThat(r.refusal().rule()).isEqualTo(BlockRule.MIX_HASH));
    }

    @Test
    void aBlockThisNodeBuiltIsWrittenFromItsBuildAsAFullImportWritesIt() {
        BlockImporter own = builder.importer(new EthereumCancun());
        BlockExecutor.Result built = builder.execute(new EthereumCancun(), builder.genesis, 12, transfer(0),
                transfer(1));

        assertThat(own.importBuilt(built.block(), built)).isInstanceOf(ImportResult.Imported.class);
        assertThat(importer.importBlock(built.block())).isInstanceOf(ImportResult.Imported.class);

        Bytes32 hash = built.block().hash(SUITE);
        assertThat(builder.blocks.head()).isEqualTo(node.blocks.head()).contains(built.block().header());
        assertThat(builder.blocks.receipts(hash)).isEqualTo(node.blocks.receipts(hash));
        assertThat(builder.blocks.transactionLocation(transfer(1).hash(SUITE)))
                .isEqualTo(node.blocks.transactionLocation(transfer(1).hash(SUITE))).isPresent();
        assertThat(WorldState.open(builder.store, built.block().header().stateRoot(), BlockHashes.NONE).account(ALICE)
                .nonce())
                .isEqualTo(2);
        assertThat(builder.blocks.explorer().transactionBySenderAndNonce(ALICE, 1))
                .isEqualTo(node.blocks.explorer().transactionBySenderAndNonce(ALICE, 1)).isPresent();
    }

    @Test
    void aProposalCheckedBeforeIsImportedFromItsCheckAsAFullImportWritesIt() {
        Block block = builder.build(builder.genesis, 12, transfer(0), transfer(1));
        Chain fresh = new Chain(Bytes.EMPTY);
        int keysBefore = keyCount(node.store);

        assertThat(importer.check(block)).isInstanceOfSatisfying(ImportResult.Imported.class,
                i -> assertThat(i.head()).isFalse());
        assertThat(keyCount(node.store)).isEqualTo(keysBefore);
        assertThat(importer.importBlock(block)).isInstanceOf(ImportResult.Imported.class);
        assertThat(fresh.importer(new EthereumCancun()).importBlock(block)).isInstanceOf(ImportResult.Imported.class);

        Bytes32 hash = block.hash(SUITE);
        assertThat(node.blocks.head()).isEqualTo(fresh.blocks.head()).contains(block.header());
        assertThat(node.blocks.receipts(hash)).isEqualTo(fresh.blocks.receipts(hash)).isPresent();
        assertThat(WorldState.open(node.store, block.header().stateRoot(), BlockHashes.NONE).account(ALICE).nonce())
                .isEqualTo(2);
        assertThat(node.blocks.explorer().transactionBySenderAndNonce(ALICE, 1))
                .isEqualTo(fresh.blocks.explorer().transactionBySenderAndNonce(ALICE, 1)).isPresent();
        assertThat(keyCount(node.store)).isEqualTo(keyCount(fresh.store));
    }

    @Test
    void aCheckedProposalVouchesOnlyForItsOwnHashNotForAnotherBlockOfTheSameHeight() {
        Block block = builder.build(builder.genesis, 12, transfer(0));
        Block wrongRoot = withHeader(block, block.header().toBuilder().stateRoot(builder.genesis.stateRoot()).build());

        assertThat(importer.check(block)).isInstanceOf(ImportResult.Imported.class);
        assertThat(importer.importBlock(wrongRoot)).isInstanceOfSatisfying(ImportResult.Refused.class,
                r -> assertThat(r.refusal().rule()).isEqualTo(BlockRule.STATE_ROOT));
        assertThat(node.blocks.head()).contains(node.genesis);
    }

    @Test
    void aProposalThisNodeBuiltIsImportedFromItsBuildOnceDecidedWithOtherExtraData() {
        BlockImporter own = builder.importer(new EthereumCancun());
        BlockExecutor.Result built = builder.execute(new EthereumCancun(), builder.genesis, 12, transfer(0),
                transfer(1));
        Block proposal = new Block(built.block().header().withExtraData(Bytes.fromHex("0x0102")),
                built.block().body());
        Block anotherBody = new Block(proposal.header(), new org.stele.chain.BlockBody(List.of(transfer(0)),
                List.of(), built.block().body().withdrawals()));

        assertThatThrownBy(() -> own.rememberBuilt(anotherBody, built)).isInstanceOf(IllegalArgumentException.class);
        own.rememberBuilt(proposal, built);
        assertThat(builder.blocks.head()).contains(builder.genesis);
        assertThat(own.importBlock(proposal)).isInstanceOf(ImportResult.Imported.class);
        assertThat(importer.importBlock(proposal)).isInstanceOf(ImportResult.Imported.class);

        Bytes32 hash = proposal.hash(SUITE);
        assertThat(builder.blocks.head()).isEqualTo(node.blocks.head()).contains(proposal.header());
        assertThat(builder.blocks.receipts(hash)).isEqualTo(node.blocks.receipts(hash)).isPresent();
    }

    @Test
    void aProposalBuiltOrCheckedHereIsCheckedAgainFromThoseResultsWithoutExecutingIt() {
        BlockImporter own = builder.importer(new EthereumCancun());
        BlockExecutor.Result built = builder.execute(new EthereumCancun(), builder.genesis, 12, transfer(0));
        Block proposal = new Block(built.block().header().withExtraData(Bytes.fromHex("0x0102")),
                built.block().body());
        Block other = builder.build(builder.genesis, 12, transfer(0), transfer(1));
        Address pauper = Address.fromHex("0x00000000000000000000000000000000000000b0");
        // A wrong known sender makes any execution of these blocks fail: a check that passes did not execute.
        own.useKnownSenders(h -> pauper);
        importer.useKnownSenders(h -> pauper);
        assertThat(importer.check(proposal)).isInstanceOf(ImportResult.Refused.class);

        own.rememberBuilt(proposal, built);
        assertThat(own.check(proposal)).isInstanceOfSatisfying(ImportResult.Imported.class,
                i -> assertThat(i.head()).isFalse());
        assertThat(own.check(other)).isInstanceOf(ImportResult.Refused.class);
        importer.useKnownSenders(KnownSenders.NONE);
        assertThat(importer.check(other)).isInstanceOf(ImportResult.Imported.class);
        importer.useKnownSenders(h -> pauper);
        assertThat(importer.check(other)).isInstanceOf(ImportResult.Imported.class);

        // and the decided blocks are still written from those results
        assertThat(own.importBlock(proposal)).isInstanceOf(ImportResult.Imported.class);
        assertThat(importer.importBlock(other)).isInstanceOf(ImportResult.Imported.class);
        assertThat(builder.blocks.head()).contains(proposal.header());
        assertThat(node.blocks.head()).contains(other.header());
    }

    @Test
    void aSenderTheNodeAlreadyKnowsIsTakenInsteadOfBeingRecoveredAgain() {
        Block block = builder.build(builder.genesis, 12, transfer(0));
        Address pauper = Address.fromHex("0x00000000000000000000000000000000000000b0");
        Bytes32 txHash = transfer(0).hash(SUITE);
        // A node's pool is the only source of known senders, and it recovered them itself; a wrong one here shows
        // that the importer took it rather than the signature's.
        importer.useKnownSenders(h -> h.equals(txHash) ? pauper : null);

        assertThat(importer.importBlock(block)).isInstanceOfSatisfying(ImportResult.Refused.class,
                r -> assertThat(r.refusal().transaction()).contains(InvalidTransaction.INSUFFICIENT_ACCOUNT_FUNDS));
        importer.useKnownSenders(h -> h.equals(txHash) ? ALICE : null);
        assertThat(importer.importBlock(block)).isInstanceOf(ImportResult.Imported.class);
    }

    @Test
    void aBuiltBlockWhoseHeaderChangedBeyondItsSealIsNotTakenFromItsBuild() {
        BlockImporter own = builder.importer(new EthereumCancun());
        BlockExecutor.Result built = builder.execute(new EthereumCancun(), builder.genesis, 12, transfer(0));
        Block otherState = withHeader(built.block(),
                built.block().header().toBuilder().stateRoot(builder.genesis.stateRoot()).build());
        Block otherBody = new Block(built.block().header(), new org.stele.chain.BlockBody(List.of(transfer(0)),
                List.of(), built.block().body().withdrawals()));

        assertThatThrownBy(() -> own.importBuilt(otherState, built)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> own.importBuilt(otherBody, built)).isInstanceOf(IllegalArgumentException.class);
        assertThat(builder.blocks.head()).contains(builder.genesis);
    }

    @Test
    void aBuiltBlockIsStillHeldToTheHeaderRules() {
        BlockImporter own = builder.importer(new EthereumCancun());
        BlockExecutor.Result built = builder.execute(new EthereumCancun(), builder.genesis, 12, transfer(0));
        Block longExtra = withHeader(built.block(),
                built.block().header().withExtraData(Bytes.wrap(new byte[33])));
        int keysBefore = keyCount(builder.store);

        assertThat(own.importBuilt(longExtra, built)).isInstanceOfSatisfying(ImportResult.Refused.class,
                r -> assertThat(r.refusal().rule()).isEqualTo(BlockRule.EXTRA_DATA));
        assertThat(keyCount(builder.store)).isEqualTo(keysBefore);
    }

    @Test
    void underQbftTheBuilderExecutesWithTheMixHashItsHeaderCarriesAsPrevrandao() {
        Address reader = Address.fromHex("0x00000000000000000000000000000000000000aa");
        // PREVRANDAO PUSH0 SSTORE STOP: keeps what the block said PREVRANDAO was in slot 0
        Map<Address, Genesis.Allocation> contract = Map.of(reader,
                new Genesis.Allocation(BigInteger.ZERO, 1, Bytes.fromHex("0x445f5500"), Map.of()));
        Bytes extra = qbftExtraData();
        Chain qbftBuilder = new Chain(extra, contract);
        Chain qbftNode = new Chain(extra, contract);
        Transaction call = TxBuilder.feeMarket().chainId(CHAIN_ID).nonce(0).fees(10_000_000_000L, 2_000_000_000)
                .to(reader).gasLimit(100_000).signedBy(KEY);
        BlockExecutor.Result built = qbftBuilder.execute(new SteleQbft(), qbftBuilder.genesis, 12, call);

        assertThat(qbftNode.importer(new SteleQbft()).importBlock(built.block()))
                .isInstanceOf(ImportResult.Imported.class);
        assertThat(WorldState.open(qbftNode.store, built.block().header().stateRoot(), BlockHashes.NONE)
                .storage(reader, Bytes32.ZERO)).isEqualTo(SteleQbft.MIX_HASH);
    }

    private BlockRule refusal(Block block) {
        ImportResult r = importer.importBlock(block);
        assertThat(r).isInstanceOf(ImportResult.Refused.class);
        return ((ImportResult.Refused) r).refusal().rule();
    }

    /** A QBFT header as Besu seals it: difficulty 1 and the BFT mix hash (transfers do not read either). */
    private static Block qbft(Block block) {
        return withHeader(block, block.header().toBuilder().difficulty(BigInteger.ONE).mixHash(SteleQbft.MIX_HASH)
                .build());
    }

    private static Bytes qbftExtraData() {
        RlpWriter w = new RlpWriter();
        w.startList().writeBytes(new byte[32]).startList().writeBytes(ALICE).endList().writeBytes(new byte[0])
                .writeBytes(new byte[4]).startList().endList().endList();
        return Bytes.wrap(w.toByteArray());
    }

    private static int keyCount(InMemoryKeyValueStore store) {
        int[] n = {0};
        for (Segment s : store.segments())
            store.forEachWithPrefix(s, Bytes.EMPTY, (k, v) -> {
                n[0]++;
                return true;
            });
        return n[0];
    }
}
