package org.stele.bench;

import static org.stele.bench.ChainOnDisk.CHAIN_ID;
import static org.stele.bench.ChainOnDisk.SUITE;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.stele.bench.load.Erc20Token;
import org.stele.chain.tx.FeeMarketTransaction;
import org.stele.chain.tx.Transaction;
import org.stele.chain.tx.TransactionSignature;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.crypto.Keccak256;
import org.stele.common.crypto.KeyPair;
import org.stele.evm.Evm;
import org.stele.execution.block.BlockExecutor;
import org.stele.execution.block.Genesis;

/**
 * The signed ERC-20 workload of the block benchmarks that run without JMH: a deployer and {@code senders} funded
 * accounts (keys derived from their index, so every run signs the same transactions), the blocks that deploy the
 * token and give each sender tokens, and blocks in which every sender sends one token to the next.
 */
final class Erc20Transfers {
    private static final BigInteger GWEI = BigInteger.TEN.pow(9);
    private static final BigInteger ETHER = BigInteger.TEN.pow(18);

    final KeyPair deployer = SUITE.keyPair(Keccak256.hash("deployer".getBytes()));
    final List<KeyPair> keys = new ArrayList<>();
    final List<Address> senders = new ArrayList<>();
    /** The genesis balances: the deployer's and every sender's. */
    final Map<Address, Genesis.Allocation> alloc = new LinkedHashMap<>();
    /** The token the deployer's first transaction creates. */
    final Address token;

    Erc20Transfers(int senderCount) {
        Address deployerAddress = SUITE.address(deployer.publicKey());
        alloc.put(deployerAddress, Genesis.Allocation.balance(ETHER.multiply(BigInteger.valueOf(1_000))));
        for (int i = 0; i < senderCount; i++) {
            KeyPair k = SUITE.keyPair(Keccak256.hash(new byte[]{'s', (byte) (i >> 8), (byte) i}));
            keys.add(k);
            senders.add(SUITE.address(k.publicKey()));
            alloc.put(SUITE.address(k.publicKey()), Genesis.Allocation.balance(ETHER.multiply(BigInteger.TEN)));
        }
        token = Evm.createAddress(deployerAddress, 0);
    }

    /**
     * The blocks before the transfers: the token's deployment, then the funding in two blocks (first writes to fresh
     * slots cost about 50,000 gas each, so one block cannot hold them all).
     */
    List<List<BlockExecutor.Candidate>> setup() {
        List<List<BlockExecutor.Candidate>> setup = new ArrayList<>();
        setup.add(List.of(signed(deployer, 0, Optional.empty(), Erc20Token.CREATION_CODE, 300_000)));
        int n = senders.size();
        for (int half = 0; half < 2; half++) {
            List<BlockExecutor.Candidate> funding = new ArrayList<>();
            for (int i = half * n / 2; i < (half + 1) * n / 2; i++)
                funding.add(signed(deployer, i + 1, Optional.of(token),
                        Erc20Token.transferCall(senders.get(i), BigInteger.valueOf(1_000_000)), 60_000));
            setup.add(funding);
        }
        return setup;
    }

    /** {@code count} blocks of transfers, each sender's {@code b}-th in block {@code b}: one token to the next. */
    List<List<BlockExecutor.Candidate>> transferBlocks(int count) {
        int n = senders.size();
        List<List<BlockExecutor.Candidate>> transfers = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            List<BlockExecutor.Candidate> block = new ArrayList<>(n);
            for (int i = 0; i < n; i++)
                block.add(signed(keys.get(i), b, Optional.of(token),
                        Erc20Token.transferCall(senders.get((i + 1) % n), BigInteger.ONE), 60_000));
            transfers.add(block);
        }
        return transfers;
    }

    private static BlockExecutor.Candidate signed(KeyPair key, long nonce, Optional<Address> to, Bytes data,
            long gas) {
        Transaction tx = new FeeMarketTransaction(BigInteger.valueOf(CHAIN_ID), nonce, GWEI,
                GWEI.multiply(BigInteger.valueOf(1_000)), gas, to, BigInteger.ZERO, data, List.of(),
                TransactionSignature.UNSIGNED).sign(key, SUITE);
        return new BlockExecutor.Candidate(tx, SUITE.address(key.publicKey()));
    }
}
