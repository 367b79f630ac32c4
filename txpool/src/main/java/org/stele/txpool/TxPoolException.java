package org.stele.txpool;

/**
 * A transaction the pool refuses. The messages are the ones geth gives, which wallets and libraries match on.
 */
public final class TxPoolException extends RuntimeException {
    public enum Reason {
        ALREADY_KNOWN("already known"), NONCE_TOO_LOW("nonce too low"), INSUFFICIENT_FUNDS(
                "insufficient funds for gas * price + value"), REPLACEMENT_UNDERPRICED(
                        "replacement transaction underpriced"), EXCEEDS_BLOCK_GAS_LIMIT(
                                "exceeds block gas limit"), SENDER_LIMIT("txpool is full for this sender"), POOL_FULL(
                                        "txpool is full"), UNDERPRICED(
                                                "transaction underpriced"), INTRINSIC_GAS_TOO_LOW(
                                                        "intrinsic gas too low"), INIT_CODE_TOO_LARGE(
                                                                "max initcode size exceeded"), OVERSIZED(
                                                                        "oversized data"), UNPROTECTED(
                                                                                "only replay-protected (EIP-155) transactions allowed over RPC"), FEE_CAP_BELOW_BASE_FEE(
                                                                                        "max fee per gas less than block base fee"), CHAIN_RULES(
                                                                                                "refused by the chain's governance");

        private final String message;

        Reason(String message) {
            this.message = message;
        }

        public String message() {
            return message;
        }
    }

    private final Reason reason;

    public TxPoolException(Reason reason, String detail) {
        super(detail == null ? reason.message() : reason.message() + ": " + detail, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
