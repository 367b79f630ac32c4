package org.stele.consensus.qbft.message;

/** The QBFT message codes of Besu's and GoQuorum's {@code istanbul/100} sub-protocol. */
public final class MessageCodes {
    public static final int PROPOSAL = 0x12;
    public static final int PREPARE = 0x13;
    public static final int COMMIT = 0x14;
    public static final int ROUND_CHANGE = 0x15;

    private MessageCodes() {
    }

    public static String name(int code) {
        return switch (code) {
            case PROPOSAL -> "PROPOSAL";
            case PREPARE -> "PREPARE";
            case COMMIT -> "COMMIT";
            case ROUND_CHANGE -> "ROUND-CHANGE";
            default -> "0x" + Integer.toHexString(code);
        };
    }
}
