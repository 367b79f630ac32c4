package org.stele.p2p;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.stele.common.Address;

/** Static peers as configuration writes them. */
class PeerEndpointTest {
    private static final Address A = Address.fromHex("0x008aeeda4d805471df9b2a5b0f38a0c3bcba786b");

    @Test
    void anEndpointParsesFromAddressAtHostColonPortAndPrintsBack() {
        PeerEndpoint e = PeerEndpoint.parse("0x008aeeda4d805471df9b2a5b0f38a0c3bcba786b@10.0.0.7:30303");
        assertThat(e).isEqualTo(new PeerEndpoint(A, "10.0.0.7", 30303));
        assertThat(PeerEndpoint.parse(e.toString())).isEqualTo(e);
        PeerEndpoint v6 = PeerEndpoint.parse(A.toHex() + "@[::1]:1");
        assertThat(v6.host()).isEqualTo("::1");
        assertThat(v6.toString()).endsWith("@[::1]:1");
    }

    @Test
    void malformedEndpointsAreRefusedWithTheText() {
        assertThatThrownBy(() -> PeerEndpoint.parse("10.0.0.7:30303")).hasMessageContaining("ADDRESS@HOST:PORT");
        assertThatThrownBy(() -> PeerEndpoint.parse(A.toHex() + "@host:http")).hasMessageContaining("port");
        assertThatThrownBy(() -> PeerEndpoint.parse(A.toHex() + "@host:70000")).hasMessageContaining("1..65535");
        assertThatThrownBy(() -> PeerEndpoint.parse("0x12@host:1")).isInstanceOf(IllegalArgumentException.class);
    }
}
