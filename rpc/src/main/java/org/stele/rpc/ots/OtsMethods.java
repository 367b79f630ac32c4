package org.stele.rpc.ots;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.stele.chain.Block;
import org.stele.chain.BlockHeader;
import org.stele.chain.Log;
import org.stele.chain.Receipt;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.evm.Status;
import org.stele.execution.TransactionResult;
import org.stele.execution.explorer.AddressRole;
import org.stele.execution.explorer.AddressTransaction;
import org.stele.execution.explorer.ContractCreation;
import org.stele.execution.explorer.ExplorerIndex;
import org.stele.execution.explorer.IndexNotReadyException;
import org.stele.rpc.BlockParameter;
import org.stele.rpc.JsonRpcError;
import org.stele.rpc.JsonRpcException;
import org.stele.rpc.Params;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.debug.TransactionReplay;
import org.stele.rpc.eth.EthBackend;
import org.stele.rpc.eth.EthJson;
import org.stele.rpc.eth.Quantity;

/**
 * Otterscan's methods at API level 8. Stele issues no block or uncle rewards, so a block's issuance is zero and its
 * {@code totalFees} is what its senders paid (base fee included, as Otterscan defines it). While the explorer indexes
 * of an older chain are still being built, a question whose complete answer needs the blocks not yet indexed is
 * answered with an error that says so, never with a partial answer.
 */
public final class OtsMethods {
    /** The API level Otterscan 2.x asks for. */
    public static final int API_LEVEL = 8;
    /** The most transactions one page may ask for. */
    public static final int MAX_PAGE_SIZE = 1_000;

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final EthBackend backend;
    private final ExplorerIndex index;
    private final EthJson json;

    private OtsMethods(EthBackend backend, ExplorerIndex index) {
        this.backend = backend;
        this.index = index;
        this.json = backend.json();
    }

    public static List<RpcMethod> all(EthBackend backend, ExplorerIndex index) {
        OtsMethods m = new OtsMethods(backend, index);
        return List.of(RpcMethod.of("ots_getApiLevel", (p, s) -> {
            p.atMost(0);
            return IntNode.valueOf(API_LEVEL);
        }), RpcMethod.of("ots_hasCode", (p, s) -> m.hasCode(p)),
                RpcMethod.of("ots_getInternalOperations", (p, s) -> m.internalOperations(p)),
                RpcMethod.of("ots_getTransactionError", (p, s) -> m.transactionError(p)),
                RpcMethod.of("ots_traceTransaction", (p, s) -> m.trace(p)),
                RpcMethod.of("ots_getBlockDetails", (p, s) -> {
                    p.atMost(1);
                    return m.blockDetails(m.blockByNumber(p, 0));
                }), RpcMethod.of("ots_getBlockDetailsByHash", (p, s) -> {
                    p.atMost(1);
                    return m.blockDetails(m.backend.blocks().block(p.hash(0, "block hash")));
                }), RpcMethod.of("ots_getBlockTransactions", (p, s) -> m.blockTransactions(p)),
                RpcMethod.of("ots_searchTransactionsBefore", (p, s) -> m.search(p, true)),
                RpcMethod.of("ots_searchTransactionsAfter", (p, s) -> m.search(p, false)),
                RpcMethod.of("ots_getTransactionBySenderAndNonce", (p, s) -> m.bySenderAndNonce(p)),
                RpcMethod.of("ots_getContractCreator", (p, s) -> m.contractCreator(p)),
                RpcMethod.of("stele_getAddressTransactions", (p, s) -> m.addressTransactions(p)),
                RpcMethod.of("erigon_getHeaderByNumber", (p, s) -> {
                    p.atMost(1);
                    return m.blockByNumber(p, 0).<JsonNode>map(b -> m.json.header(b.header()))
                            .orElse(NullNode.instance);
                }));
    }

    private JsonNode hasCode(Params p) {
        p.atMost(2);
        Address address = p.address(0, "address");
        BlockHeader at = header(p.has(1) ? blockParameter(p, 1) : BlockParameter.LATEST);
        return NODES.booleanNode(!backend.stateAt(at).codeAt(address).isEmpty());
    }

    private JsonNode internalOperations(Params p) {
        p.atMost(1);
        OtsTracer tracer = new OtsTracer();
        TransactionReplay.replay(backend, p.hash(0, "transaction hash"), tracer);
        ArrayNode out = NODES.arrayNode();
        for (OtsTracer.Operation op : tracer.operations()) {
            ObjectNode o = out.addObject();
            o.put("type", op.type());
            o.put("from", op.from().toHex());
            o.put("to", op.to().toHex());
            o.set("value", Quantity.of(op.value()));
        }
        return out;
    }

    private JsonNode transactionError(Params p) {
        p.atMost(1);
        TransactionResult.Executed e = TransactionReplay.replay(backend, p.hash(0, "transaction hash"), null);
        return TextNode.valueOf(e.status() == Status.REVERT ? e.output().toHex() : "0x");
    }

    private JsonNode trace(Params p) {
        p.atMost(1);
        OtsTracer tracer = new OtsTracer();
        TransactionReplay.replay(backend, p.hash(0, "transaction hash"), tracer);
        return tracer.entries();
    }

    private JsonNode blockDetails(Optional<Block> found) {
        if (found.isEmpty())
            return NullNode.instance;
        Block block = found.get();
        List<Receipt> receipts = receipts(block);
        ObjectNode b = json.block(block, false);
        b.remove("transactions");
        b.put("transactionCount", block.body().transactions().size());
        b.putNull("logsBloom");
        ObjectNode o = NODES.objectNode();
        o.set("block", b);
        ObjectNode issuance = o.putObject("issuance");
        issuance.set("blockReward", Quantity.of(0));
        issuance.set("uncleReward", Quantity.of(0));
        issuance.set("issuance", Quantity.of(0));
        o.set("totalFees", Quantity.of(totalFees(block, receipts)));
        return o;
    }

    private static BigInteger totalFees(Block block, List<Receipt> receipts) {
        BigInteger baseFee = block.header().baseFeePerGas().orElse(BigInteger.ZERO);
        BigInteger total = BigInteger.ZERO;
        long previous = 0;
        for (int i = 0; i < receipts.size(); i++) {
            long used = receipts.get(i).cumulativeGasUsed() - previous;
            previous = receipts.get(i).cumulativeGasUsed();
            total = total.add(BigInteger.valueOf(used)
                    .multiply(block.body().transactions().get(i).effectiveGasPrice(baseFee)));
        }
        return total;
    }

    /**
     * Page {@code page} of a block's transactions, counted from the end of the block as Erigon does: page 0 holds the
     * last {@code pageSize} transactions.
     */
    private JsonNode blockTransactions(Params p) {
        p.atMost(3);
        Optional<Block> found = blockByNumber(p, 0);
        long page = p.longQuantityOrNumber(1, "page");
        int pageSize = pageSize(p, 2);
        if (found.isEmpty())
            return NullNode.instance;
        Block block = found.get();
        List<Receipt> receipts = receipts(block);
        int count = block.body().transactions().size();
        long end = Math.max(0, count - page * pageSize);
        int pageEnd = (int) Math.min(count, end);
        int pageStart = Math.max(0, pageEnd - pageSize);
        ObjectNode full = json.block(block, true);
        ArrayNode all = (ArrayNode) full.get("transactions");
        ArrayNode txs = NODES.arrayNode();
        for (int i = pageStart; i < pageEnd; i++) {
            ObjectNode tx = (ObjectNode) all.get(i);
            String input = tx.get("input").asText();
            tx.put("input", input.length() > 10 ? input.substring(0, 10) : input);
            txs.add(tx);
        }
        full.set("transactions", txs);
        full.put("transactionCount", count);
        ArrayNode rs = NODES.arrayNode();
        for (int i = pageStart; i < pageEnd; i++) rs.add(slimReceipt(block, receipts, i));
        ObjectNode o = NODES.objectNode();
        o.set("fullblock", full);
        o.set("receipts", rs);
        return o;
    }

    /**
     * {@code ots_searchTransactionsBefore} ({@code before}) or {@code After}: at least {@code pageSize} of the
     * address's transactions, whole blocks at a time, newest first in the answer either way.
     */
    private JsonNode search(Params p, boolean before) {
        p.atMost(3);
        Address address = p.address(0, "address");
        long blockNumber = p.longQuantityOrNumber(1, "block number");
        int pageSize = pageSize(p, 2);
        long head = backend.blocks().head().orElseThrow().number();
        long from = before ? (blockNumber == 0 ? head : blockNumber - 1) : blockNumber + 1;
        AddressHistory.Page page = AddressHistory.page(index, address, from, before, pageSize);
        long indexedFrom = index.indexedFrom();
        boolean reachesUnindexed = before ? page.exhausted() : from < indexedFrom;
        if (indexedFrom > 0 && reachesUnindexed)
            throw notReady(new IndexNotReadyException(indexedFrom, head));
        ArrayNode txs = NODES.arrayNode();
        ArrayNode receipts = NODES.arrayNode();
        addEntries(page.newestFirst(), txs, receipts, (entry, block, blockReceipts) -> {
        });
        ObjectNode o = NODES.objectNode();
        o.set("txs", txs);
        o.set("receipts", receipts);
        o.put("firstPage", before ? blockNumber == 0 : page.exhausted());
        o.put("lastPage", before ? page.exhausted() : blockNumber == 0);
        return o;
    }

    /**
     * {@code stele_getAddressTransactions(address, cursor, pageSize)}: the explorer's own page of an address's history,
     * exactly {@code pageSize} transactions newest first (fewer only at the end), continuing strictly before
     * {@code cursor} ({@code {blockNumber, transactionIndex}} of the last one shown, or null for the newest). Each
     * transaction comes with its slim receipt (with {@code timestamp}), the address's roles in it, and the token
     * transfers it took part in, read from the receipts of only those transactions the index marks as transfers of
     * the address. {@code next} is the cursor of the following page, null on the last.
     */
    private JsonNode addressTransactions(Params p) {
        p.atMost(3);
        Address address = p.address(0, "address");
        AddressHistory.Position after = p.optional(1).map(OtsMethods::cursor).orElse(null);
        int pageSize = pageSize(p, 2);
        long head = backend.blocks().head().orElseThrow().number();
        AddressHistory.Page page = AddressHistory.exact(index, address, after, head, pageSize);
        if (index.indexedFrom() > 0 && page.exhausted())
            throw notReady(new IndexNotReadyException(index.indexedFrom(), head));
        ArrayNode txs = NODES.arrayNode();
        ArrayNode receipts = NODES.arrayNode();
        ArrayNode roles = NODES.arrayNode();
        ArrayNode transfers = NODES.arrayNode();
        addEntries(page.newestFirst(), txs, receipts, (entry, block, blockReceipts) -> {
            ArrayNode named = roles.addArray();
            for (AddressRole role : AddressRole.values())
                if (AddressRole.has(entry.roles(), role))
                    named.add(ROLE_NAMES.get(role));
            if (AddressRole.has(entry.roles(), AddressRole.TOKEN_TRANSFER_PARTY))
                addTransfers(address, block, blockReceipts, entry.index(), transfers);
        });
        ObjectNode o = NODES.objectNode();
        o.set("txs", txs);
        o.set("receipts", receipts);
        o.set("roles", roles);
        o.set("transfers", transfers);
        if (page.exhausted() || page.newestFirst().isEmpty()) {
            o.putNull("next");
        } else {
            var last = page.newestFirst().get(page.newestFirst().size() - 1);
            ObjectNode next = o.putObject("next");
            next.set("blockNumber", Quantity.of(last.blockNumber()));
            next.set("transactionIndex", Quantity.of(last.index()));
        }
        return o;
    }

    /** What a page adds for one of its entries, beyond the transaction and its receipt. */
    @FunctionalInterface
    private interface EntryAddition {
        void add(AddressTransaction entry, Block block, List<Receipt> blockReceipts);
    }

    /**
     * Adds each entry's transaction and slim receipt (with its block's timestamp, as Otterscan's pages carry it) to
     * {@code txs} and {@code receipts}, reading each block once, and then what {@code more} adds for it.
     */
    private void addEntries(List<AddressTransaction> entries, ArrayNode txs, ArrayNode receipts,
            EntryAddition more) {
        Block block = null;
        List<Receipt> blockReceipts = null;
        for (AddressTransaction entry : entries) {
            if (block == null || block.header().number() != entry.blockNumber()) {
                block = backend.blocks().hashOf(entry.blockNumber()).flatMap(backend.blocks()::block).orElseThrow();
                blockReceipts = receipts(block);
            }
            txs.add(json.transaction(block.body().transactions().get(entry.index()), Optional.of(block.header()),
                    entry.index()));
            ObjectNode r = slimReceipt(block, blockReceipts, entry.index());
            r.set("timestamp", Quantity.of(block.header().timestamp()));
            receipts.add(r);
            more.add(entry, block, blockReceipts);
        }
    }

    private static final java.util.Map<AddressRole, String> ROLE_NAMES = java.util.Map.of(AddressRole.SENDER,
            "sender", AddressRole.RECIPIENT, "recipient", AddressRole.CREATED_CONTRACT, "created",
            AddressRole.TOKEN_TRANSFER_PARTY, "tokenTransfer");

    /** The ERC-20 and ERC-721 transfers of transaction {@code i} in which {@code address} sends or receives. */
    private void addTransfers(Address address, Block block, List<Receipt> receipts, int i, ArrayNode out) {
        int logIndex = 0;
        for (int k = 0; k < i; k++) logIndex += receipts.get(k).logs().size();
        String txHash = block.body().transactions().get(i).hash(backend.suite()).toHex();
        for (Log log : receipts.get(i).logs()) {
            int at = logIndex++;
            List<Bytes32> topics = log.topics();
            if (topics.size() < 3 || !topics.get(0).equals(ExplorerIndex.TRANSFER_TOPIC))
                continue;
            Address from = Address.fromWord(topics.get(1));
            Address to = Address.fromWord(topics.get(2));
            if (!from.equals(address) && !to.equals(address))
                continue;
            ObjectNode t = out.addObject();
            t.put("transactionHash", txHash);
            t.set("logIndex", Quantity.of(at));
            t.put("token", log.address().toHex());
            t.put("from", from.toHex());
            t.put("to", to.toHex());
            if (topics.size() == 4) {
                t.put("standard", "ERC-721");
                t.set("tokenId", Quantity.of(new BigInteger(1, topics.get(3).unsafeArray())));
            } else {
                t.put("standard", "ERC-20");
                byte[] data = log.data().unsafeArray();
                t.set("value", Quantity.of(new BigInteger(1, data.length >= 32
                        ? java.util.Arrays.copyOf(data, 32)
                        : data)));
            }
        }
    }

    /** The cursor object of {@code stele_getAddressTransactions}. */
    private static AddressHistory.Position cursor(JsonNode c) {
        if (!c.isObject() || !c.has("blockNumber") || !c.has("transactionIndex"))
            throw JsonRpcException.invalidParams(
                    "invalid argument 1 (cursor): want null or {blockNumber, transactionIndex}, got " + c);
        long block = Params.at(1, c.get("blockNumber")).longQuantityOrNumber(1, "cursor.blockNumber");
        long tx = Params.at(1, c.get("transactionIndex")).longQuantityOrNumber(1, "cursor.transactionIndex");
        if (tx > Integer.MAX_VALUE)
            throw JsonRpcException.invalidParams("invalid argument 1 (cursor.transactionIndex): " + tx
                    + " is beyond any block");
        return new AddressHistory.Position(block, (int) tx);
    }

    private JsonNode bySenderAndNonce(Params p) {
        p.atMost(2);
        Address sender = p.address(0, "sender");
        long nonce = p.longQuantityOrNumber(1, "nonce");
        Optional<Bytes32> hash = index.transactionBySenderAndNonce(sender, nonce);
        if (hash.isPresent())
            return TextNode.valueOf(hash.get().toHex());
        BlockHeader head = backend.blocks().head().orElseThrow();
        // A nonce the sender has not reached yet has no transaction, whatever the build has done.
        var account = backend.stateAt(head).account(sender);
        if (!index.complete() && account != null && Long.compareUnsigned(nonce, account.nonce()) < 0)
            throw notReady(new IndexNotReadyException(index.indexedFrom(), head.number()));
        return NullNode.instance;
    }

    private JsonNode contractCreator(Params p) {
        p.atMost(1);
        Address contract = p.address(0, "address");
        BlockHeader head = backend.blocks().head().orElseThrow();
        if (backend.stateAt(head).codeAt(contract).isEmpty())
            return NullNode.instance;
        Optional<ContractCreation> creation = index.contractCreation(contract);
        if (creation.isEmpty()) {
            if (!index.complete())
                throw notReady(new IndexNotReadyException(index.indexedFrom(), head.number()));
            return NullNode.instance; // deployed in genesis
        }
        Address creator = creation.get().creator().orElseGet(() -> directCreator(creation.get(), contract));
        ObjectNode o = NODES.objectNode();
        o.put("hash", creation.get().transactionHash().toHex());
        o.put("creator", creator.toHex());
        return o;
    }

    /** The contract (a factory) whose CREATE or CREATE2 made {@code contract}, found by replaying the transaction. */
    private Address directCreator(ContractCreation creation, Address contract) {
        OtsTracer tracer = new OtsTracer();
        TransactionReplay.replay(backend, creation.transactionHash(), tracer);
        return tracer.operations().stream()
                .filter(op -> (op.type() == OtsTracer.CREATE || op.type() == OtsTracer.CREATE2)
                        && op.to().equals(contract))
                .map(OtsTracer.Operation::from).findFirst()
                .orElseThrow(() -> new JsonRpcException(JsonRpcError.SERVER_ERROR,
                        "the replay of " + creation.transactionHash() + " does not create " + contract));
    }

    private ObjectNode slimReceipt(Block block, List<Receipt> receipts, int i) {
        ObjectNode r = json.receipt(block, receipts, i);
        r.putNull("logs");
        r.putNull("logsBloom");
        return r;
    }

    private List<Receipt> receipts(Block block) {
        return backend.blocks().receipts(backend.blocks().hash(block.header(), backend.suite())).orElseThrow();
    }

    private Optional<Block> blockByNumber(Params p, int i) {
        return resolve(blockParameter(p, i))
                .flatMap(h -> backend.blocks().block(backend.blocks().hash(h, backend.suite())));
    }

    /** Otterscan sends block numbers as plain JSON numbers; tags and hex quantities are taken too. */
    private static BlockParameter blockParameter(Params p, int i) {
        return p.required(i, "block number").isIntegralNumber()
                ? new BlockParameter.Number(p.longQuantityOrNumber(i, "block number"))
                : p.block(i, "block number");
    }

    private BlockHeader header(BlockParameter at) {
        return resolve(at).orElseThrow(() -> new JsonRpcException(JsonRpcError.SERVER_ERROR, "header not found"));
    }

    private Optional<BlockHeader> resolve(BlockParameter at) {
        return switch (at) {
            case BlockParameter.Number n -> backend.blocks().header(n.number());
            case BlockParameter.Hash h -> backend.blocks().header(h.hash());
            case BlockParameter.Tag t when t.name() == BlockParameter.TagName.EARLIEST -> backend.blocks().header(0L);
            case BlockParameter.Tag t -> backend.blocks().head();
        };
    }

    private static int pageSize(Params p, int i) {
        long size = p.longQuantityOrNumber(i, "page size");
        if (size < 1 || size > MAX_PAGE_SIZE)
            throw JsonRpcException.invalidParams(
                    "invalid argument " + i + " (page size): want 1 to " + MAX_PAGE_SIZE + ", got " + size);
        return (int) size;
    }

    private static JsonRpcException notReady(IndexNotReadyException e) {
        return new JsonRpcException(JsonRpcError.SERVER_ERROR, e.getMessage());
    }
}
