package org.stele.rpc.stele;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.stele.chain.BlockHeader;
import org.stele.chain.store.BlockStore;
import org.stele.common.Address;
import org.stele.common.crypto.CryptoSuite;
import org.stele.rpc.BlockParameter;
import org.stele.rpc.Params;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcSession;
import org.stele.rpc.eth.Blocks;
import org.stele.rpc.eth.Quantity;
import org.stele.rpc.qbft.QbftHeaders;

/**
 * {@code stele_getBlockConsensus(block)}: how a block was agreed, for the explorer and for operators: the round it
 * was committed in, its proposer, the validators that decided it (those listed by its parent, as sync and import
 * check them), the validators whose commit seals it carries, and the quorum it needed. {@code null} for a block the
 * node does not have; {@code round}, {@code proposer} and the lists are null or empty for a header without QBFT extra
 * data.
 */
public final class SteleGetBlockConsensus implements RpcMethod {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final BlockStore blocks;
    private final QbftHeaders qbft;
    private final CryptoSuite suite;

    public SteleGetBlockConsensus(BlockStore blocks, QbftHeaders qbft, CryptoSuite suite) {
        this.blocks = blocks;
        this.qbft = qbft;
        this.suite = suite;
    }

    @Override
    public String name() {
        return "stele_getBlockConsensus";
    }

    @Override
    public JsonNode execute(Params params, RpcSession session) {
        params.atMost(1);
        BlockParameter at = params.block(0, "block");
        Optional<BlockHeader> found = Blocks.resolve(blocks, at);
        if (found.isEmpty())
            return NullNode.instance;
        BlockHeader header = found.get();
        // The validators that decide a block are those its parent lists (genesis decides itself).
        BlockHeader decidedBy = header.number() == 0 ? header : blocks.header(header.number() - 1).orElse(header);
        List<Address> validators = qbft.validators(decidedBy).orElse(List.of());
        ObjectNode o = NODES.objectNode();
        o.set("number", Quantity.of(header.number()));
        o.put("hash", blocks.hash(header, suite).toHex());
        var round = qbft.round(header);
        if (round.isPresent())
            o.set("round", Quantity.of(round.getAsInt()));
        else
            o.putNull("round");
        qbft.proposer(header).ifPresentOrElse(p -> o.put("proposer", p.toHex()), () -> o.putNull("proposer"));
        o.set("validators", addresses(validators));
        o.set("sealers", addresses(qbft.sealers(header)));
        o.set("quorum", Quantity.of(quorum(validators.size())));
        return o;
    }

    /** QBFT's quorum: ⌈2n/3⌉ of n validators. */
    static int quorum(int n) {
        return (2 * n + 2) / 3;
    }

    private static ArrayNode addresses(List<Address> list) {
        ArrayNode out = NODES.arrayNode();
        list.forEach(a -> out.add(a.toHex()));
        return out;
    }
}
