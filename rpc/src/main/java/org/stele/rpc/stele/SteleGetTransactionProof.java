package org.stele.rpc.stele;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import org.stele.proof.ProofJson;
import org.stele.proof.TransactionProofBuilder;
import org.stele.proof.ValidatorSetHistory;
import org.stele.rpc.JsonRpcError;
import org.stele.rpc.JsonRpcException;
import org.stele.rpc.Params;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcSession;
import org.stele.rpc.eth.EthBackend;

/**
 * {@code stele_getTransactionProof(txHash)}: the {@code stele-proof/1} document of a transaction in a final block
 * (null while it is not in one), built from the stored block, its receipts and the validator-set history, which is
 * kept in memory and extended as the chain grows.
 */
public final class SteleGetTransactionProof implements RpcMethod {
    private final EthBackend backend;
    private final TransactionProofBuilder builder;
    private final ValidatorSetHistory history;

    public SteleGetTransactionProof(EthBackend backend) {
        this.backend = backend;
        this.builder = new TransactionProofBuilder(backend.suite());
        this.history = new ValidatorSetHistory(n -> backend.blocks().header(n));
    }

    @Override
    public String name() {
        return "stele_getTransactionProof";
    }

    @Override
    public JsonNode execute(Params params, RpcSession session) {
        params.atMost(1);
        var location = backend.blocks().transactionLocation(params.hash(0, "transaction hash"));
        if (location.isEmpty())
            return NullNode.instance;
        var block = backend.blocks().block(location.get().blockHash()).orElseThrow();
        var receipts = backend.blocks().receipts(location.get().blockHash()).orElseThrow();
        try {
            return ProofJson.toJson(builder.build(backend.chainId(), block, receipts, location.get().index(),
                    history.upTo(block.header().number())));
        } catch (IllegalStateException e) {
            throw new JsonRpcException(JsonRpcError.SERVER_ERROR, e.getMessage());
        }
    }
}
