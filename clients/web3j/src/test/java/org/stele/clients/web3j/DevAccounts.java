package org.stele.clients.web3j;

import org.web3j.crypto.Bip32ECKeyPair;
import org.web3j.crypto.Credentials;
import org.web3j.crypto.MnemonicUtils;

/** The prefunded dev accounts, derived by web3j itself from the well-known mnemonic on m/44'/60'/0'/0/i. */
final class DevAccounts {

    private DevAccounts() {
    }

    static Credentials account(int index) {
        Bip32ECKeyPair master = Bip32ECKeyPair.generateKeyPair(MnemonicUtils.generateSeed(DevNode.MNEMONIC, ""));
        int hardened = Bip32ECKeyPair.HARDENED_BIT;
        int[] path = {44 | hardened, 60 | hardened, hardened, 0, index};
        return Credentials.create(Bip32ECKeyPair.deriveKeyPair(master, path));
    }
}
