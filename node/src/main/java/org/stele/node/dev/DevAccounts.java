package org.stele.node.dev;

import java.util.ArrayList;
import java.util.List;
import org.stele.common.Address;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;

/** The development chain's prefunded accounts: m/44'/60'/0'/0/i of a mnemonic, as anvil and Hardhat derive them. */
public final class DevAccounts {
    public static final String PATH_PREFIX = "m/44'/60'/0'/0/";

    public record Account(int index, Address address, KeyPair key) {}

    private DevAccounts() {
    }

    public static List<Account> derive(Mnemonic mnemonic, String passphrase, int count) {
        Secp256k1KeccakSuite suite = Secp256k1KeccakSuite.instance();
        HdKeys hd = new HdKeys(suite);
        byte[] seed = mnemonic.seed(passphrase);
        List<Account> accounts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            KeyPair key = hd.derive(seed, PATH_PREFIX + i);
            accounts.add(new Account(i, suite.address(key.publicKey()), key));
        }
        return List.copyOf(accounts);
    }
}
