package org.stele.testkit;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.IntStream;
import org.stele.common.Address;
import org.stele.common.Hex;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Keccak256;
import org.stele.common.crypto.Secp256k1KeccakSuite;

/** Deterministic keys: the well-known development accounts, and keys derived from a name. */
public final class TestKeys {
    public static final Secp256k1KeccakSuite SUITE = Secp256k1KeccakSuite.instance();
    /** Account 0 of the mnemonic {@code test test … junk} (anvil, Hardhat, {@code stele dev}). */
    public static final KeyPair DEV_0 = SUITE
            .keyPair(Hex.decode("ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80"));
    /** Account 1 of the same mnemonic. */
    public static final KeyPair DEV_1 = SUITE
            .keyPair(Hex.decode("59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d"));

    private TestKeys() {
    }

    /** The key whose private key is the Keccak-256 of {@code name}: the same name gives the same key everywhere. */
    public static KeyPair named(String name) {
        return SUITE.keyPair(Keccak256.hash(name.getBytes(StandardCharsets.UTF_8)));
    }

    /** {@code count} named keys, {@code prefix-0} to {@code prefix-(count-1)}. */
    public static List<KeyPair> named(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> named(prefix + "-" + i)).toList();
    }

    public static Address address(KeyPair key) {
        return SUITE.address(key.publicKey());
    }
}
