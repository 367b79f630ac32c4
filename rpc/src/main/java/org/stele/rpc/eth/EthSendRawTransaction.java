package org.stele.rpc.eth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.stele.chain.tx.InvalidTransactionException;
import org.stele.chain.tx.Transaction;
import org.stele.chain.tx.TransactionDecoder;
import org.stele.chain.tx.TransactionValidator;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.rpc.HexArgumentMethod;
import org.stele.rpc.JsonRpcError;
import org.stele.rpc.JsonRpcException;
import org.stele.rpc.Params;
import org.stele.rpc.PreparedRpcMethod;
import org.stele.rpc.RpcSession;
import org.stele.txpool.TxPoolException;

/**
 * {@code eth_sendRawTransaction}: decode, check against the fork's rules and this chain's id, recover the sender and
 * hand the transaction to the pool. Runs on a worker thread (never the network I/O thread), so signature recovery
 * does not hold up other connections; in a batch, every call's decoding and recovery run first, in parallel (see
 * {@link PreparedRpcMethod}), and the pool takes them in the batch's order. A transaction the pool already holds is
 * refused as {@code already known} without recovering its sender again. Rejections use geth's messages under code
 * -32000.
 */
public final class EthSendRawTransaction implements HexArgumentMethod<EthSendRawTransaction.Checked> {
    private final EthBackend backend;
    private final TransactionValidator validator;

    /**
     * A transaction decoded, checked and hashed from its raw bytes; {@code sender} is null when the pool already held
     * it at preparation, so that a duplicate costs no signature recovery.
     */
    public record Checked(Transaction transaction, Bytes32 hash, Address sender) {}

    public EthSendRawTransaction(EthBackend backend) {
        this.backend = backend;
        this.validator = new TransactionValidator(backend.chainId());
    }

    @Override
    public String name() {
        return "eth_sendRawTransaction";
    }

    /** Decoding, the fork's and chain's checks and sender recovery: the costly part, which changes nothing. */
    @Override
    public Checked prepare(Params params) {
        params.atMost(1);
        byte[] raw = params.data(0, "signed transaction").unsafeArray();
        if (raw.length == 0) throw JsonRpcException.invalidParams("invalid argument 0 (signed transaction): empty");
        return prepare(raw);
    }

    /** Decoding, checks and recovery of a non-empty raw transaction (a batch's, decoded from the request's bytes). */
    @Override
    public Checked prepare(byte[] raw) {
        try {
            Transaction tx = TransactionDecoder.decode(raw);
            Bytes32 hash = tx.hash(backend.suite());
            // A copy the pool holds passed these same checks when it was admitted: only the pool's answer is left.
            if (backend.pool().get(hash).isPresent()) return new Checked(tx, hash, null);
            return new Checked(tx, hash, validator.validateAndRecoverSender(tx, backend.fork(), backend.suite()));
        } catch (InvalidTransactionException e) {
            throw new JsonRpcException(JsonRpcError.SERVER_ERROR, message(e));
        }
    }

    /** The pool's admission, in the order the calls were sent. */
    @Override
    public JsonNode execute(RpcSession session, Checked checked) {
        try {
            Address sender = checked.sender();
            if (sender == null) {
                if (backend.pool().get(checked.hash()).isPresent())
                    throw new TxPoolException(TxPoolException.Reason.ALREADY_KNOWN, null);
                // gone from the pool since (into a block, most likely): checked as any other newcomer
                sender = validator.validateAndRecoverSender(checked.transaction(), backend.fork(), backend.suite());
            }
            // the transaction object keeps its recovered sender, so answers about it need no cache entry
            var pooled = backend.pool().add(checked.transaction(), checked.hash(), sender);
            return TextNode.valueOf(pooled.hash().toHex());
        } catch (InvalidTransactionException e) {
            throw new JsonRpcException(JsonRpcError.SERVER_ERROR, message(e));
        } catch (TxPoolException e) {
            throw new JsonRpcException(JsonRpcError.SERVER_ERROR, e.getMessage());
        }
    }

    /** geth's wording for the rejections wallets and libraries recognise; the detail follows. */
    private static String message(InvalidTransactionException e) {
        String prefix = switch (e.reason()) {
            case INVALID_CHAIN_ID -> "invalid chain id";
            case INTRINSIC_GAS_TOO_LOW -> "intrinsic gas too low";
            case INVALID_SIGNATURE, SENDER_RECOVERY_FAILED -> "invalid sender";
            case NONCE_TOO_HIGH -> "nonce has max value";
            case PRIORITY_FEE_ABOVE_MAX_FEE -> "max priority fee per gas higher than max fee per gas";
            case INIT_CODE_TOO_LARGE -> "max initcode size exceeded";
            case FEE_OVERFLOW -> "fee overflow";
            case TYPE_NOT_ACTIVE, BLOB_NOT_SUPPORTED, SET_CODE_NOT_SUPPORTED, UNKNOWN_TYPE ->
                "transaction type not supported";
            case MALFORMED, TOO_LARGE -> "invalid transaction encoding";
        };
        return prefix + ": " + e.getMessage();
    }
}
