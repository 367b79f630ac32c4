package org.stele.execution.genesis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.stele.chain.rules.EthereumCancun;
import org.stele.chain.rules.SteleQbft;
import org.stele.common.Address;
import org.stele.storage.InMemoryKeyValueStore;

class GenesisFileTest {
    private static final String CANCUN = """
            {"config": {"chainId": 7, "homesteadBlock": 0, "eip150Block": 0, "eip155Block": 0, "eip158Block": 0,
              "byzantiumBlock": 0, "constantinopleBlock": 0, "petersburgBlock": 0, "istanbulBlock": 0,
              "berlinBlock": 0, "londonBlock": 0, "shanghaiTime": 0, "cancunTime": 0, "terminalTotalDifficulty": 0},
             "gasLimit": "30000000", "baseFeePerGas": "0x7", "extraData": "0x01",
             "alloc": {"0x00000000000000000000000000000000000000aa": {"balance": "1000", "nonce": "0x2"}}}
            """;

    private static GenesisFile parse(String json) throws Exception {
        return GenesisFile.parse(new ObjectMapper().readTree(json));
    }

    @Test
    void everyForkThroughCancunAtGenesisAndMergedMeansEthereumCancun() throws Exception {
        GenesisFile g = parse(CANCUN);
        assertThat(g.profile()).isInstanceOf(EthereumCancun.class);
        assertThat(g.chainId()).isEqualTo(7);
        var built = g.build(new InMemoryKeyValueStore());
        assertThat(built.block().header().gasLimit()).isEqualTo(30_000_000);
        assertThat(built.block().header().baseFeePerGas()).contains(BigInteger.valueOf(7));
        assertThat(g.alloc().get(Address.fromHex("0x00000000000000000000000000000000000000aa")).nonce()).isEqualTo(2);
    }

    @Test
    void aQbftSectionMeansSteleQbft() throws Exception {
        assertThat(parse("{\"config\": {\"chainId\": 1, \"qbft\": {}}, \"gasLimit\": \"0x1000000\"}").profile())
                .isInstanceOf(SteleQbft.class);
    }

    @Test
    void aChainNotAtCancunFromGenesisIsRefusedNamingTheFork() {
        assertThatThrownBy(() -> parse(CANCUN.replace("\"londonBlock\": 0", "\"londonBlock\": 5")))
                .isInstanceOf(GenesisFormatException.class).hasMessageContaining("config.londonBlock");
        assertThatThrownBy(() -> parse(CANCUN.replace("\"cancunTime\": 0,", "\"cancunTime\": 0, \"pragueTime\": 0,")))
                .isInstanceOf(GenesisFormatException.class).hasMessageContaining("pragueTime");
    }
}
