package org.stele.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoadConfigTest {

    @Test
    void flagsAreReadAndTheTransactionCountFollowsRateTimesDuration() {
        LoadConfig c = LoadConfig.parse("--rpc", "http://127.0.0.1:8545", "--ws", "ws://127.0.0.1:8545", "--kind",
                "erc20", "--rate", "2000", "--duration", "10", "--batch", "50", "--pid", "7");
        assertThat(c.rpc()).isEqualTo(URI.create("http://127.0.0.1:8545"));
        assertThat(c.ws()).contains(URI.create("ws://127.0.0.1:8545"));
        assertThat(c.kind()).isEqualTo(LoadConfig.Kind.ERC20);
        assertThat(c.txs()).isEqualTo(20_000);
        assertThat(c.batch()).isEqualTo(50);
        assertThat(c.pid()).contains(7L);
    }

    @Test
    void defaultsGiveAnUnpacedTenThousandTransferRun() {
        LoadConfig c = LoadConfig.parse("--rpc", "http://localhost:1");
        assertThat(c.rate()).isZero();
        assertThat(c.txs()).isEqualTo(10_000);
        assertThat(c.kind()).isEqualTo(LoadConfig.Kind.TRANSFER);
        assertThat(c.ws()).isEqualTo(Optional.empty());
    }

    @Test
    void badInputGetsAReadableMessage() {
        assertThatThrownBy(() -> LoadConfig.parse("--senders", "10")).hasMessageContaining("--rpc URL is required");
        assertThatThrownBy(() -> LoadConfig.parse("--rpc", "http://x", "--kind", "nft"))
                .hasMessageContaining("transfer or erc20");
        assertThatThrownBy(() -> LoadConfig.parse("--rpc", "http://x", "--txs", "many"))
                .hasMessageContaining("--txs expects a number");
        assertThatThrownBy(() -> LoadConfig.parse("--rpc", "http://x", "--batch"))
                .hasMessageContaining("needs a value");
        assertThatThrownBy(() -> LoadConfig.parse("--rpc", "http://x", "--bogus", "1"))
                .hasMessageContaining("unknown flag --bogus");
        assertThatThrownBy(() -> LoadConfig.parse("--rpc", "http://x", "--senders", "0"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
