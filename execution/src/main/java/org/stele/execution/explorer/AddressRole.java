package org.stele.execution.explorer;

/**
 * How an address takes part in a transaction; an index entry holds the bits of every role the address has in it.
 */
public enum AddressRole {
    SENDER, RECIPIENT, CREATED_CONTRACT, TOKEN_TRANSFER_PARTY;

    public int bit() {
        return 1 << ordinal();
    }

    public static boolean has(int roles, AddressRole role) {
        return (roles & role.bit()) != 0;
    }
}
