package org.stele.governance;

/** The role bits of the {@code Accounts} contract. */
public final class Roles {
    public static final long GOVERNOR = 1;
    public static final long OPERATOR = 2;
    public static final long REGULATOR = 4;

    private Roles() {
    }
}
