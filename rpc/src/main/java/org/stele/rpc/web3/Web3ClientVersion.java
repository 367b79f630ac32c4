package org.stele.rpc.web3;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.stele.rpc.Params;
import org.stele.rpc.RpcMethod;
import org.stele.rpc.RpcSession;

/** {@code web3_clientVersion}: {@code stele/v<version>/<os>-<arch>/java<version>}, in geth's shape. */
public final class Web3ClientVersion implements RpcMethod {
    private final String version;

    public Web3ClientVersion(String steleVersion) {
        this.version = "stele/v" + steleVersion + "/" + System.getProperty("os.name").toLowerCase() + "-"
                + System.getProperty("os.arch") + "/java" + Runtime.version().feature();
    }

    @Override
    public String name() {
        return "web3_clientVersion";
    }

    @Override
    public JsonNode execute(Params params, RpcSession session) {
        params.atMost(0);
        return TextNode.valueOf(version);
    }
}
