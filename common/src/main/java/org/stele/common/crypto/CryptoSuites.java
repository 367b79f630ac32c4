package org.stele.common.crypto;

import java.util.List;

/** The crypto suites a chain can choose in genesis, by name. */
public final class CryptoSuites {
    private CryptoSuites() {
    }

    /** The names {@link #byName} accepts, the default first. */
    public static List<String> names() {
        return List.of(Secp256k1KeccakSuite.NAME, Sm2Sm3Suite.NAME);
    }

    /** The suite with this name; the secp256k1 suite on its default backend (see {@link Secp256k1KeccakSuite}). */
    public static CryptoSuite byName(String name) {
        return switch (name) {
            case Secp256k1KeccakSuite.NAME -> Secp256k1KeccakSuite.instance();
            case Sm2Sm3Suite.NAME -> Sm2Sm3Suite.instance();
            default -> throw new IllegalArgumentException(
                    "unknown crypto suite '" + name + "'; known suites: " + String.join(", ", names()));
        };
    }
}
