package org.stele.node.dev;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class DevAccountsTest {
    @Test
    void theDefaultMnemonicGivesTheAccountsAnvilAndHardhatUsersKnow() {
        List<DevAccounts.Account> accounts = DevAccounts.derive(Mnemonic.parse(Mnemonic.DEFAULT), "", 10);
        assertThat(accounts).hasSize(10);
        assertThat(accounts.get(0).address().toChecksumHex()).isEqualTo("0xf39Fd6e51aad88F6F4ce6aB8827279cffFb92266");
        assertThat(accounts.get(0).key().privateKey().toHex())
                .isEqualTo("0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80");
        assertThat(accounts.get(1).address().toChecksumHex()).isEqualTo("0x70997970C51812dc3A010C7d01b50e0d17dc79C8");
        assertThat(accounts.get(9).address().toChecksumHex()).isEqualTo("0xa0Ee7A142d267C1f36714E4a8F75612F20a79720");
    }

    @Test
    void aMnemonicWithAWrongWordOrChecksumIsRefusedWithTheReason() {
        assertThatThrownBy(() -> Mnemonic.parse("test test test test test test test test test test test test"))
                .hasMessageContaining("checksum");
        assertThatThrownBy(() -> Mnemonic.parse("test test test test test test test test test test test jnuk"))
                .hasMessageContaining("word 12 'jnuk'");
        assertThatThrownBy(() -> Mnemonic.parse("test junk")).hasMessageContaining("12, 15, 18, 21 or 24 words");
    }

    @Test
    void theBip39SeedMatchesTheReferenceVector() {
        // BIP-39 reference vector: all-zero entropy, passphrase "TREZOR".
        Mnemonic m = Mnemonic
                .parse("abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about");
        assertThat(org.stele.common.Hex.encodeNoPrefix(m.seed("TREZOR"))).isEqualTo(
                "c55257c360c07c72029aebc1b53c05ed0362ada38ead3e3e9efa3708e53495531f09a6987599d18264c1e1c92f2cf1416"
                        + "30c7a3c4ab7c81b2f001698e7463b04");
    }
}
