package org.stele.execution.explorer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import org.stele.chain.Block;
import org.stele.chain.Log;
import org.stele.chain.Receipt;
import org.stele.chain.tx.InvalidTransactionException;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;
import org.stele.evm.Evm;
import org.stele.storage.KeyValueStore;
import org.stele.storage.Segment;
import org.stele.storage.WriteBatch;

/**
 * The explorer's indexes, in the {@link Segment#INDEXES} segment next to the block store's own ({@code 'n'} and
 * {@code 't'}). Numbers are big-endian so that key order is chain order, and one seek starts a page newest-first or
 * oldest-first at any block:
 * <ul>
 * <li>{@code 'A' || address(20) || block number(8) || tx index(4)} → one byte of {@link AddressRole} bits;</li>
 * <li>{@code 'C' || contract(20)} → creation tx hash(32) {@code ||} creator(20), the creator only when the
 * transaction itself created the contract;</li>
 * <li>{@code 'N' || sender(20) || nonce(8)} → tx hash(32).</li>
 * </ul>
 * In {@code chain_metadata}, {@code explorer_indexed_from} holds the lowest block number from which every canonical
 * block is indexed: 0 on a chain created with the indexes, and on an older chain the block above its head when the
 * indexes were first opened, lowered by the background build until it reaches 0.
 */
public final class ExplorerIndex {
    /** {@code keccak256("Transfer(address,address,uint256)")}: the topic of ERC-20's and ERC-721's transfers. */
    public static final Bytes32 TRANSFER_TOPIC = Bytes32
            .fromHex("0xddf252ad1be2c89b69c2b068fc378daa952ba7f163c4a11628f55a4df523b3ef");

    private static final byte ADDRESS = 'A';
    private static final byte CONTRACT = 'C';
    private static final byte NONCE = 'N';
    private static final VarHandle BIG_ENDIAN_LONG = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.BIG_ENDIAN);
    private static final VarHandle BIG_ENDIAN_INT = MethodHandles.byteArrayViewVarHandle(int[].class,
            ByteOrder.BIG_ENDIAN);
    /** The value of an address entry for each set of role bits, shared: a value is never changed once staged. */
    private static final Bytes[] ROLE_VALUES = new Bytes[256];
    static {
        for (int i = 0; i < ROLE_VALUES.length; i++)
            ROLE_VALUES[i] = Bytes.wrap(new byte[]{(byte) i});
    }
    private static final Bytes INDEXED_FROM_KEY = Bytes
            .wrap("explorer_indexed_from".getBytes(StandardCharsets.US_ASCII));

    private final KeyValueStore store;
    private final CryptoSuite suite;
    private volatile long indexedFrom;
    private final LongSupplier visibleHead;

    /**
     * Opens the indexes of the chain in {@code store}. A chain that has blocks but no record of the indexes predates
     * them: everything up to {@code headNumber} is left to the background build.
     *
     * @param headNumber
     *            the stored head's number, or -1 when the store holds no chain yet
     */
    public ExplorerIndex(KeyValueStore store, CryptoSuite suite, long headNumber) {
        this(store, suite, headNumber, () -> Long.MAX_VALUE);
    }

    /**
     * As {@link #ExplorerIndex(KeyValueStore, CryptoSuite, long)}, showing only the entries of blocks up to
     * {@code visibleHead}'s number: a block's entries are written with the block, before the chain's head moves to
     * it, and a reader must not find a transaction in a block that the head has not reached yet.
     */
    public ExplorerIndex(KeyValueStore store, CryptoSuite suite, long headNumber, LongSupplier visibleHead) {
        this.store = store;
        this.suite = suite;
        this.visibleHead = visibleHead;
        Optional<Bytes> recorded = store.get(Segment.CHAIN_METADATA, INDEXED_FROM_KEY);
        if (recorded.isPresent()) {
            indexedFrom = ByteBuffer.wrap(recorded.get().unsafeArray()).getLong();
        } else {
            indexedFrom = headNumber + 1;
            store.put(Segment.CHAIN_METADATA, INDEXED_FROM_KEY, number(indexedFrom));
        }
    }

    /** The lowest block number from which every canonical block is indexed; 0 once the indexes are complete. */
    public long indexedFrom() {
        return indexedFrom;
    }

    public boolean complete() {
        return indexedFrom == 0;
    }

    /**
     * Stages the entries of a canonical block; {@code facts} has one element per transaction, null for one whose sender
     * is unknown (see {@link #factsFromBody}), which is left out.
     */
    public void stage(Block block, List<Receipt> receipts, List<TransactionFacts> facts, WriteBatch batch) {
        forEachEntry(block, receipts, facts, (key, value) -> batch.put(Segment.INDEXES, key, value));
    }

    /** Stages the removal of a block's entries, when a reorganisation takes it off the canonical chain. */
    public void unstage(Block block, List<Receipt> receipts, List<TransactionFacts> facts, WriteBatch batch) {
        forEachEntry(block, receipts, facts, (key, value) -> batch.delete(Segment.INDEXES, key));
    }

    private void forEachEntry(Block block, List<Receipt> receipts, List<TransactionFacts> facts,
            BiConsumer<Bytes, Bytes> entry) {
        long number = block.header().number();
        List<Transaction> txs = block.body().transactions();
        Roles roles = new Roles();
        for (int i = 0; i < txs.size(); i++) {
            Transaction tx = txs.get(i);
            TransactionFacts f = facts.get(i);
            if (f == null)
                continue;
            Bytes hash = Bytes.wrap(tx.hash(suite).unsafeArray());
            roles.collect(tx, receipts.get(i), f);
            for (int r = 0; r < roles.size; r++)
                entry.accept(addressKey(roles.addresses[r], number, i), ROLE_VALUES[roles.bits[r]]);
            entry.accept(nonceKey(f.sender(), tx.nonce()), hash);
            Address topLevel = tx.isContractCreation() ? Evm.createAddress(f.sender(), tx.nonce()) : null;
            for (Address contract : f.createdContracts()) {
                ByteBuffer value = ByteBuffer.allocate(contract.equals(topLevel) ? 52 : 32).put(hash.unsafeArray());
                if (value.hasRemaining())
                    value.put(f.sender().unsafeArray());
                entry.accept(contractKey(contract), Bytes.wrap(value.array()));
            }
        }
    }

    /** Stages a new low end of the indexed range, with the entries of the block just below the old one. */
    public void stageIndexedFrom(long number, WriteBatch batch) {
        batch.put(Segment.CHAIN_METADATA, INDEXED_FROM_KEY, number(number));
    }

    /** Called once the batch staged by {@link #stageIndexedFrom} is written. */
    public void indexedFromWritten(long number) {
        indexedFrom = number;
    }

    /**
     * The facts a stored block's body and receipts give without executing it again: senders recovered from the
     * signatures, and the contracts the transactions themselves created (not those created inside them). A transaction
     * whose signature gives no sender (only unsigned transactions that tests and benchmarks store directly) has null.
     */
    public List<TransactionFacts> factsFromBody(Block block, List<Receipt> receipts) {
        List<TransactionFacts> out = new ArrayList<>();
        for (int i = 0; i < block.body().transactions().size(); i++) {
            Transaction tx = block.body().transactions().get(i);
            Address sender;
            try {
                sender = tx.sender(suite);
            } catch (InvalidTransactionException e) {
                out.add(null);
                continue;
            }
            out.add(new TransactionFacts(sender,
                    tx.isContractCreation() && receipts.get(i).success()
                            ? List.of(Evm.createAddress(sender, tx.nonce()))
                            : List.of()));
        }
        return out;
    }

    /**
     * Visits {@code address}'s transactions from block {@code fromBlock} (inclusive) towards older blocks or, with
     * {@code descending} false, towards newer ones, until {@code visitor} returns false. Within a block, transactions
     * come in the same direction.
     */
    public void history(Address address, long fromBlock, boolean descending, Predicate<AddressTransaction> visitor) {
        history(address, fromBlock, descending ? -1 : 0, descending, visitor);
    }

    /**
     * As {@link #history(Address, long, boolean, Predicate)}, from the transaction at {@code fromIndex} of block
     * {@code fromBlock} (inclusive), so that a page may end inside a block and the next one start where it ended. An
     * index of -1 stands for the block's end (compared unsigned, it sorts after every position).
     */
    public void history(Address address, long fromBlock, int fromIndex, boolean descending,
            Predicate<AddressTransaction> visitor) {
        Bytes prefix = Bytes.wrap(ByteBuffer.allocate(21).put(ADDRESS).put(address.unsafeArray()).array());
        Bytes from = addressKey(address, fromBlock, fromIndex);
        long head = visibleHead.getAsLong();
        store.forEachFrom(Segment.INDEXES, prefix, from, descending, (k, v) -> {
            ByteBuffer key = ByteBuffer.wrap(k.unsafeArray(), 21, 12);
            long number = key.getLong();
            if (number > head)
                return descending; // above the head: skipped going down, the end going up
            return visitor.test(new AddressTransaction(number, key.getInt(), v.unsafeArray()[0] & 0xFF));
        });
    }

    public Optional<Bytes32> transactionBySenderAndNonce(Address sender, long nonce) {
        return store.get(Segment.INDEXES, nonceKey(sender, nonce)).map(Bytes32::of);
    }

    public Optional<ContractCreation> contractCreation(Address contract) {
        return store.get(Segment.INDEXES, contractKey(contract)).map(v -> {
            byte[] b = v.unsafeArray();
            Bytes32 tx = Bytes32.wrap(java.util.Arrays.copyOf(b, 32));
            return new ContractCreation(tx, b.length == 52
                    ? Optional.of(Address.wrap(java.util.Arrays.copyOfRange(b, 32, 52)))
                    : Optional.empty());
        });
    }

    /**
     * Every address a transaction touches as the index sees it, with its role bits, in first-seen order. Most
     * transactions touch two to four addresses, so they are looked up in a short array; past {@link #SCANNED} (a
     * transaction with many token transfers) a map finds them. One instance is reused for a block's transactions.
     */
    private static final class Roles {
        private static final int SCANNED = 16;
        private Address[] addresses = new Address[8];
        private int[] bits = new int[8];
        private int size;
        private Map<Address, Integer> positions;

        void collect(Transaction tx, Receipt receipt, TransactionFacts facts) {
            size = 0;
            positions = null;
            add(facts.sender(), AddressRole.SENDER.bit());
            tx.to().ifPresent(to -> add(to, AddressRole.RECIPIENT.bit()));
            for (Address c : facts.createdContracts())
                add(c, AddressRole.CREATED_CONTRACT.bit());
            for (Log log : receipt.logs()) {
                if (log.topics().size() < 3 || !log.topics().get(0).equals(TRANSFER_TOPIC))
                    continue;
                for (int t = 1; t <= 2; t++) {
                    Address party = topicAddress(log.topics().get(t));
                    if (party != null)
                        add(party, AddressRole.TOKEN_TRANSFER_PARTY.bit());
                }
            }
        }

        private void add(Address address, int bit) {
            int at = indexOf(address);
            if (at >= 0) {
                bits[at] |= bit;
                return;
            }
            if (size == addresses.length) {
                addresses = Arrays.copyOf(addresses, size * 2);
                bits = Arrays.copyOf(bits, size * 2);
            }
            addresses[size] = address;
            bits[size] = bit;
            if (positions != null)
                positions.put(address, size);
            else if (size + 1 > SCANNED) {
                positions = new HashMap<>();
                for (int i = 0; i <= size; i++)
                    positions.put(addresses[i], i);
            }
            size++;
        }

        private int indexOf(Address address) {
            if (positions != null)
                return positions.getOrDefault(address, -1);
            for (int i = 0; i < size; i++)
                if (addresses[i].equals(address))
                    return i;
            return -1;
        }
    }

    /**
     * The address an indexed topic holds, or null when the topic is not a left-padded address, or is the zero address
     * (mints and burns: indexing it would make one ever-growing hot key of no use to anyone).
     */
    private static Address topicAddress(Bytes32 topic) {
        byte[] b = topic.unsafeArray();
        for (int i = 0; i < 12; i++)
            if (b[i] != 0)
                return null;
        Address a = Address.fromWord(topic);
        return a.equals(Address.ZERO) ? null : a;
    }

    private static Bytes addressKey(Address address, long number, int index) {
        byte[] key = new byte[33];
        key[0] = ADDRESS;
        System.arraycopy(address.unsafeArray(), 0, key, 1, 20);
        BIG_ENDIAN_LONG.set(key, 21, number);
        BIG_ENDIAN_INT.set(key, 29, index);
        return Bytes.wrap(key);
    }

    private static Bytes contractKey(Address contract) {
        return Bytes.wrap(ByteBuffer.allocate(21).put(CONTRACT).put(contract.unsafeArray()).array());
    }

    private static Bytes nonceKey(Address sender, long nonce) {
        return Bytes.wrap(ByteBuffer.allocate(29).put(NONCE).put(sender.unsafeArray()).putLong(nonce).array());
    }

    private static Bytes number(long n) {
        return Bytes.wrap(ByteBuffer.allocate(8).putLong(n).array());
    }
}
