package org.stele.rpc.ots;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stele.chain.BlockHeader;
import org.stele.chain.rules.EthereumCancun;
import org.stele.chain.tx.FeeMarketTransaction;
import org.stele.chain.tx.Transaction;
import org.stele.chain.tx.TransactionSignature;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Fork;
import org.stele.common.Hex;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.block.Genesis;
import org.stele.execution.chainstore.KeyValueBlockStore;
import org.stele.execution.importer.BlockImporter;
import org.stele.execution.importer.ImportResult;
import org.stele.execution.importer.SealVerifier;
import org.stele.rpc.eth.EthBackend;
import org.stele.state.WorldState;
import org.stele.storage.InMemoryKeyValueStore;
import org.stele.txpool.AccountState;
import org.stele.txpool.TransactionPool;
import org.stele.txpool.TxPoolConfig;

/**
 * A chain an explorer has something to show on: a token that emits ERC-20 {@code Transfer}s, a forwarder that passes
 * ether on inside a call, a contract that always reverts, and a factory that deploys with CREATE2 and CREATE. Blocks
 * are built and then imported, as the node does, so the indexes see what execution learned.
 */
final class OtsChain {
    static final Secp256k1KeccakSuite SUITE = Secp256k1KeccakSuite.instance();
    static final long CHAIN_ID = 1337;
    static final KeyPair KEY = SUITE
            .keyPair(Hex.decode("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"));
    static final Address ALICE = SUITE.address(KEY.publicKey());
    static final Address BOB = Address.fromHex("0x00000000000000000000000000000000000000b0");
    static final Address TOKEN = Address.fromHex("0x0000000000000000000000000000000000000a01");
    static final Address FORWARDER = Address.fromHex("0x0000000000000000000000000000000000000a02");
    static final Address REVERTER = Address.fromHex("0x0000000000000000000000000000000000000a03");
    static final Address FACTORY = Address.fromHex("0x0000000000000000000000000000000000000a04");
    static final Address DELEGATOR = Address.fromHex("0x0000000000000000000000000000000000000a05");
    static final Address BEACON_READER = Address.fromHex("0x0000000000000000000000000000000000000a06");
    /** EIP-4788's contract, as deployed on mainnet. */
    private static final String BEACON_ROOTS_CODE = "3373fffffffffffffffffffffffffffffffffffffffe14604d57602036146"
            + "024575f"
            + "5ffd5b5f35801560495762001fff810690815414603c575f5ffd5b62001fff01545f5260205ff35b5f5ffd5b62001fff42064281"
            + "555f359062001fff015500";
    /**
     * Asks the beacon roots contract for its own block's root (which only the block's opening system call stored) and
     * reverts with 0xdeadbeef when there is none.
     */
    private static final String BEACON_READER_CODE = "42600052" + "6020600060206000" + "73"
            + "000f3df6d732807ef1319fb7b8bb8522d0beac02" + "5afa" + "15602857" + "00" + "5b" + "63deadbeef600052"
            + "6004601cfd";

    /** Init code whose contract is the one byte STOP. */
    static final Bytes INIT_CODE = Bytes.fromHex("60016000f3");

    /** Emits Transfer(caller, the address in the first word of call data, 1). */
    private static final String TOKEN_CODE = "6001600052" + "600035" + "33"
            + "7fddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef" + "60206000a3" + "00";
    /** Sends its call value to the address in the first word of call data. */
    private static final String FORWARDER_CODE = "6000600060006000" + "34" + "600035" + "5a" + "f1" + "00";
    /** Reverts with the four bytes 0xdeadbeef. */
    private static final String REVERTER_CODE = "63deadbeef600052" + "6004601cfd";
    /** CREATE2 (salt 0) and then CREATE of {@link #INIT_CODE}. */
    private static final String FACTORY_CODE = "6460016000f3600052" + "6000" + "6005601b" + "34" + "f5" + "50"
            + "6005601b6000" + "f0" + "50" + "00";

    /** Runs the token's code in its own context with DELEGATECALL, passing no call data. */
    private static final String DELEGATOR_CODE = "6000600060006000" + "73" + TOKEN.toHex().substring(2) + "5a" + "f4"
            + "00";

    /** Init code that self-destructs at once, sending the value it was created with to Bob. */
    static Bytes selfDestructingInitCode() {
        return Bytes.fromHex("73" + BOB.toHex().substring(2) + "ff");
    }

    final InMemoryKeyValueStore store = new InMemoryKeyValueStore();
    KeyValueBlockStore blocks = new KeyValueBlockStore(store, SUITE);
    private final BlockImporter importer;
    private long nonce;

    OtsChain() {
        Genesis.Built g = new Genesis(CHAIN_ID, 0, 30_000_000, BigInteger.valueOf(1_000_000_000), Address.ZERO,
                Bytes.EMPTY,
                Map.of(ALICE, Genesis.Allocation.balance(BigInteger.TEN.pow(21)), TOKEN, contract(TOKEN_CODE),
                        FORWARDER, contract(FORWARDER_CODE), REVERTER, contract(REVERTER_CODE), FACTORY,
                        contract(FACTORY_CODE), DELEGATOR, contract(DELEGATOR_CODE), BEACON_READER,
                        contract(BEACON_READER_CODE),
                        Address.fromHex("0x000f3df6d732807ef1319fb7b8bb8522d0beac02"),
                        contract(BEACON_ROOTS_CODE)))
                .build(store);
        blocks.append(g.block(), List.of(), g.batch());
        importer = new BlockImporter(new EthereumCancun(), Fork.CANCUN, SUITE, CHAIN_ID, store, blocks,
                SealVerifier.NONE);
    }

    private static Genesis.Allocation contract(String code) {
        return new Genesis.Allocation(BigInteger.ZERO, 1, Bytes.fromHex(code), Map.of());
    }

    /** A signed transaction from Alice with her next nonce. */
    Transaction send(Optional<Address> to, BigInteger value, Bytes data) {
        return new FeeMarketTransaction(BigInteger.valueOf(CHAIN_ID), nonce++, BigInteger.ONE,
                BigInteger.TEN.pow(10), 1_000_000, to, value, data, List.of(), TransactionSignature.UNSIGNED)
                .sign(KEY, SUITE);
    }

    static Bytes word(Address a) {
        return Bytes.wrap(org.stele.common.Bytes32.leftPad(a.toArray()).toArray());
    }

    /** Builds the next block from these transactions and imports it. */
    void mine(Transaction... txs) {
        BlockHeader head = blocks.head().orElseThrow();
        List<BlockExecutor.Candidate> candidates = new ArrayList<>();
        for (Transaction tx : txs) candidates.add(new BlockExecutor.Candidate(tx, ALICE));
        BlockExecutor.Result r = new BlockExecutor(Fork.CANCUN, SUITE, CHAIN_ID, store, blocks).build(head,
                head.timestamp() + 12, Address.ZERO, candidates);
        if (r.block().body().transactions().size() != txs.length)
            throw new IllegalStateException("the builder left out transactions: " + r.rejected());
        if (!(importer.importBlock(r.block()) instanceof ImportResult.Imported))
            throw new IllegalStateException("the block was refused");
    }

    /** A backend over this chain, with a pool that sees the head's state. */
    EthBackend backend() {
        BlockHeader head = blocks.head().orElseThrow();
        AccountState accounts = AccountState.of(WorldState.openReadOnly(store, head.stateRoot(),
                n -> blocks.hashOf(n).orElse(org.stele.common.Bytes32.ZERO)));
        return new EthBackend(blocks, store, new TransactionPool(TxPoolConfig.DEFAULT, Fork.CANCUN, accounts,
                head.gasLimit()), SUITE, CHAIN_ID, Fork.CANCUN);
    }
}
