package org.stele.common;

import java.util.Locale;

/**
 * Ethereum protocol upgrades, in order. Chains, the EVM and the transaction rules all ask "is this fork at or
 * after X?" rather than naming a fork exactly, so each later fork inherits what came before.
 */
public enum Fork {
    FRONTIER("Frontier"), HOMESTEAD("Homestead"), TANGERINE_WHISTLE("EIP150", "TangerineWhistle"), SPURIOUS_DRAGON(
            "EIP158", "SpuriousDragon"), BYZANTIUM("Byzantium"), CONSTANTINOPLE("Constantinople"), PETERSBURG(
                    "ConstantinopleFix", "Petersburg"), ISTANBUL("Istanbul"), BERLIN("Berlin"), LONDON("London"), PARIS(
                            "Paris", "Merge"), SHANGHAI("Shanghai"), CANCUN("Cancun"), PRAGUE("Prague");

    /** EIP-170 (Spurious Dragon): the most code a contract creation may leave behind. */
    public static final int MAX_CODE_SIZE = 24_576;
    /** EIP-3860 (Shanghai): the most init code a creation may carry, twice {@link #MAX_CODE_SIZE}. */
    public static final int MAX_INIT_CODE_SIZE = 2 * MAX_CODE_SIZE;

    private final String[] names;

    Fork(String... names) {
        this.names = names;
    }

    /** The name the Ethereum reference fixtures use. */
    public String fixtureName() {
        return names[0];
    }

    public boolean isAtLeast(Fork other) {
        return compareTo(other) >= 0;
    }

    /** Parses a fork name as the fixtures, geth and Besu write it (case-insensitive). */
    public static Fork fromName(String name) {
        for (Fork f : values()) {
            for (String n : f.names) {
                if (n.equalsIgnoreCase(name)) return f;
            }
            if (f.name().equalsIgnoreCase(name)) return f;
        }
        throw new IllegalArgumentException(
                "unknown fork '" + name + "'; known: " + java.util.Arrays.toString(values()).toLowerCase(Locale.ROOT));
    }
}
