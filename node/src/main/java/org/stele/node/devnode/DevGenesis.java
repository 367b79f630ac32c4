package org.stele.node.devnode;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import org.stele.apps.identity.DidRegistry;
import org.stele.chain.BaseFee;
import org.stele.chain.rules.SteleQbft;
import org.stele.common.Address;
import org.stele.execution.genesis.GenesisFile;
import org.stele.governance.GovernanceGenesis;

/**
 * The genesis file of a dev chain, Besu-shaped ({@code config.qbft}, QBFT extra data listing the dev validator,
 * difficulty 1 and the BFT mix hash), written into the data directory when the chain is created and read from there
 * on every restart, so that {@code stele node --genesis DATA/genesis.json} serves a copy of the chain and a proof's
 * genesis can be checked against it.
 */
final class DevGenesis {
    static final String FILE_NAME = "genesis.json";
    private static final BigInteger DEV_BALANCE = BigInteger.TEN.pow(22); // 10,000 ether
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private DevGenesis() {
    }

    /** The data directory's genesis file, written first from the settings when there is none. */
    static GenesisFile load(Path dataDir, DevConfig config, long timestamp, DevValidator validator,
            List<Address> accounts) {
        Path file = dataDir.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            try {
                Files.createDirectories(dataDir);
                Path tmp = dataDir.resolve(FILE_NAME + ".tmp");
                Files.writeString(tmp, MAPPER.writeValueAsString(json(config, timestamp, validator, accounts)) + "\n");
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write " + file, e);
            }
        }
        return GenesisFile.read(file);
    }

    static ObjectNode json(DevConfig config, long timestamp, DevValidator validator, List<Address> accounts) {
        ObjectNode g = JsonNodeFactory.instance.objectNode();
        ObjectNode c = g.putObject("config");
        c.put("chainId", config.chainId());
        for (String fork : List.of("homesteadBlock", "eip150Block", "eip155Block", "eip158Block", "byzantiumBlock",
                "constantinopleBlock", "petersburgBlock", "istanbulBlock", "berlinBlock", "londonBlock"))
            c.put(fork, 0);
        c.put("shanghaiTime", 0);
        c.put("cancunTime", 0);
        ObjectNode qbft = c.putObject("qbft");
        qbft.put("blockperiodseconds", Math.max(1, config.blockTime()));
        qbft.put("epochlength", 30000);
        qbft.put("requesttimeoutseconds", 4);
        g.put("nonce", "0x0");
        g.put("timestamp", "0x" + Long.toHexString(timestamp));
        g.put("gasLimit", "0x" + Long.toHexString(config.gasLimit()));
        g.put("difficulty", "0x1");
        g.put("mixHash", SteleQbft.MIX_HASH.toHex());
        g.put("coinbase", Address.ZERO.toHex());
        g.put("baseFeePerGas", "0x" + BaseFee.INITIAL.toString(16));
        g.put("extraData", validator.unsealedExtraData().toHex());
        ObjectNode alloc = g.putObject("alloc");
        for (Address a : accounts)
            alloc.putObject(a.toHex()).put("balance", "0x" + DEV_BALANCE.toString(16));
        DidRegistry.addTo(alloc);
        org.stele.apps.identity.status.StatusLists.addTo(alloc);
        org.stele.apps.identity.trust.TrustRegistry.addTo(alloc);
        GovernanceGenesis.ofDev(accounts.get(0), validator.address(), config.gasLimit(),
                1000L * Math.max(1, config.blockTime())).addTo(alloc);
        return g;
    }
}
