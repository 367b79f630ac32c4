package org.stele.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stele.chain.Log;
import org.stele.chain.LogsBloom;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.rpc.BlockParameter;
import org.stele.rpc.JsonRpcException;
import org.stele.rpc.Params;

/**
 * A log query as {@code eth_getLogs}, {@code eth_newFilter} and the {@code logs} subscription take it: a block range
 * or a block hash, any of some addresses, and per topic position any of some values (an empty list matches all).
 */
public record LogFilter(BlockParameter from, BlockParameter to, Optional<Bytes32> blockHash, List<Address> addresses,
        List<List<Bytes32>> topics) {

    public boolean matches(Log log) {
        if (!addresses.isEmpty() && !addresses.contains(log.address())) return false;
        if (topics.size() > log.topics().size()) {
            for (int i = log.topics().size(); i < topics.size(); i++) if (!topics.get(i).isEmpty()) return false;
        }
        for (int i = 0; i < topics.size() && i < log.topics().size(); i++) {
            if (!topics.get(i).isEmpty() && !topics.get(i).contains(log.topics().get(i))) return false;
        }
        return true;
    }

    /** Whether a block with this bloom can hold a matching log; false means it certainly does not. */
    public boolean mayMatch(LogsBloom bloom) {
        if (!addresses.isEmpty() && addresses.stream().noneMatch(bloom::mightContain)) return false;
        for (List<Bytes32> position : topics) {
            if (!position.isEmpty() && position.stream().noneMatch(bloom::mightContain)) return false;
        }
        return true;
    }

    /** Parses the filter object of parameter {@code i}. */
    public static LogFilter parse(Params params, int i) {
        JsonNode o = params.required(i, "filter");
        if (!o.isObject()) throw JsonRpcException.invalidParams("invalid argument " + i + " (filter): want an object");
        Params fields = Params.of(o.path("fromBlock"), o.path("toBlock"), o.path("blockHash"));
        Optional<Bytes32> blockHash = o.hasNonNull("blockHash")
                ? Optional.of(fields.hash(2, "filter.blockHash"))
                : Optional.empty();
        if (blockHash.isPresent() && (o.hasNonNull("fromBlock") || o.hasNonNull("toBlock"))) {
            throw JsonRpcException
                    .invalidParams("invalid argument " + i + " (filter): blockHash excludes fromBlock and toBlock");
        }
        BlockParameter from = o.hasNonNull("fromBlock") ? fields.block(0, "filter.fromBlock") : BlockParameter.LATEST;
        BlockParameter to = o.hasNonNull("toBlock") ? fields.block(1, "filter.toBlock") : BlockParameter.LATEST;
        List<Address> addresses = new ArrayList<>();
        JsonNode a = o.path("address");
        if (a.isTextual()) addresses.add(Params.of(a).address(0, "filter.address"));
        else if (a.isArray()) for (JsonNode x : a) addresses.add(Params.of(x).address(0, "filter.address"));
        else if (!a.isMissingNode() && !a.isNull())
            throw JsonRpcException.invalidParams("filter.address: want an address or a list of addresses");
        List<List<Bytes32>> topics = new ArrayList<>();
        JsonNode t = o.path("topics");
        if (t.isArray()) {
            if (t.size() > 4)
                throw JsonRpcException.invalidParams("filter.topics: at most 4 positions, got " + t.size());
            for (JsonNode position : t) {
                List<Bytes32> values = new ArrayList<>();
                if (position.isTextual()) values.add(Params.of(position).hash(0, "filter.topics"));
                else if (position.isArray())
                    for (JsonNode v : position) values.add(Params.of(v).hash(0, "filter.topics"));
                else if (!position.isNull())
                    throw JsonRpcException.invalidParams("filter.topics: want a topic, a list of topics or null");
                topics.add(List.copyOf(values));
            }
        } else if (!t.isMissingNode() && !t.isNull()) {
            throw JsonRpcException.invalidParams("filter.topics: want a list");
        }
        return new LogFilter(from, to, blockHash, List.copyOf(addresses), List.copyOf(topics));
    }
}
