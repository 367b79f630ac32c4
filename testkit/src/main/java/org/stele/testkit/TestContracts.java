package org.stele.testkit;

/** Contract code the tests deploy, as hex without {@code 0x}. */
public final class TestContracts {
    /** Returns 42 (one word) when called without data; otherwise reverts with {@code Error("nope")}. */
    public static final String ANSWER_OR_NOPE = "36600e57602a60005260206000f35b"
            + "7f08c379a000000000000000000000000000000000000000000000000000000000600052" + "6020600452" + "6004602452"
            + "7f6e6f706500000000000000000000000000000000000000000000000000000000604452" + "60646000fd";

    private TestContracts() {
    }
}
