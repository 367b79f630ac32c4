package org.stele.rpc.access;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;
import org.stele.common.Address;
import org.stele.common.crypto.CryptoSuite;
import org.stele.rpc.AdminAccess;
import org.stele.rpc.JsonRpcException;
import org.stele.rpc.RpcSession;

/**
 * The node's read policy for JSON-RPC ({@code rpc-http-auth}). With {@code none} (the default), and always on a server
 * bound to loopback, every call is answered as before: the caller is only identified, when it presents a valid account
 * token, for the audit log. With {@code account} on a server bound beyond loopback, every call must carry an
 * {@link AccountToken}, and what the account may read is decided by the chain at the head:
 * <ul>
 * <li>a <b>regulator</b> (role 4) reads everything: every account's balance, nonce, storage and proofs, traces, the
 * explorer's address histories and the pool's contents;</li>
 * <li>a <b>member</b> (an account {@code Accounts} lets send, or holding any role) reads blocks, transactions,
 * receipts, logs and contracts, sends transactions and calls contracts, and reads the balance, nonce, storage and
 * proofs of its own account and of contracts, but not those of another externally owned account, nor traces and
 * address histories;</li>
 * <li>an <b>operator</b> (role 2) may also call {@code admin_*} with its account token, besides the node's admin
 * token;</li>
 * <li>anyone else is refused, but for {@code eth_chainId}, {@code net_version} and {@code web3_clientVersion}, which
 * a client needs before it can sign a token.</li>
 * </ul>
 * A token the chain revoked ({@code Accounts.revokeTokens}: issued at or before the account's
 * {@link AccountDirectory#tokensRevokedAt}) proves nothing, on every node from the block that revoked it.
 * Refusals are one line: {@link AdminAccess#UNAUTHORIZED} when the token is missing or does not prove its account,
 * {@link #FORBIDDEN} when the account may not make that call.
 */
public final class ReadAccess {
    /** A call the authenticated account may not make. */
    public static final int FORBIDDEN = -40300;
    private static final String BEARER = "Bearer ";
    private static final String ACCOUNTS = "Accounts 0x0000000000000000000000000000000000001003";
    /** What a client needs to sign its token (the chain id) and to know whom it talks to: answered to anyone. */
    private static final Set<String> PUBLIC = Set.of("eth_chainId", "net_version", "web3_clientVersion");
    /** Methods that read other accounts' history or execution internals. */
    private static final Set<String> HISTORY = Set.of("debug_traceTransaction", "debug_traceCall",
            "ots_getInternalOperations", "ots_traceTransaction", "ots_searchTransactionsBefore",
            "ots_searchTransactionsAfter", "ots_getTransactionBySenderAndNonce", "ots_getContractCreator",
            "ots_getTransactionError", "stele_getAddressTransactions", "txpool_content");
    /** Methods whose first parameter is the account whose state they read. */
    private static final Set<String> ACCOUNT_STATE = Set.of("eth_getBalance", "eth_getTransactionCount",
            "eth_getStorageAt", "eth_getProof");

    private final boolean required;
    private final long chainId;
    private final CryptoSuite suite;
    private final AccountDirectory directory;
    private final InstantSource clock;

    private ReadAccess(boolean required, long chainId, CryptoSuite suite, AccountDirectory directory,
            InstantSource clock) {
        this.required = required;
        this.chainId = chainId;
        this.suite = suite;
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * The policy for a server bound to {@code host}.
     *
     * @param mode {@code none} or {@code account}
     * @throws IllegalArgumentException for another mode
     */
    public static ReadAccess forHost(String host, String mode, long chainId, CryptoSuite suite,
            AccountDirectory directory, InstantSource clock) {
        boolean account = switch (mode) {
            case "none" -> false;
            case "account" -> true;
            default -> throw new IllegalArgumentException("rpc-http-auth is none or account, not " + mode);
        };
        return new ReadAccess(account && !AdminAccess.isLoopback(host), chainId, suite, directory, clock);
    }

    /** Every call answered, callers identified by their tokens when they present valid ones. */
    public static ReadAccess open(long chainId, CryptoSuite suite, AccountDirectory directory, InstantSource clock) {
        return new ReadAccess(false, chainId, suite, directory, clock);
    }

    /** A policy that neither refuses nor identifies anyone: for servers without a chain behind them. */
    public static final ReadAccess NONE = new ReadAccess(false, 0, null, null, null);

    /** Whether calls need an account token. */
    public boolean requiresToken() {
        return required;
    }

    /**
     * Who is calling {@code method}, or the error that refuses the call.
     *
     * @param params the call's positional parameters
     * @throws JsonRpcException when the policy refuses it
     */
    public Caller authorize(String method, JsonNode params, RpcSession session) {
        boolean admin = AdminAccess.guards(method);
        if (session.internal() && !admin) return Caller.ANONYMOUS;
        if (!required) {
            // Identifying costs a signature recovery: only admin calls, whose audit entry names the account, pay it.
            if (!admin || suite == null) return Caller.ANONYMOUS;
            return token(session).filter(t -> t.refusal(suite, chainId, clock.instant()).isEmpty())
                    .filter(t -> revocation(t).isEmpty())
                    .map(t -> new Caller(Optional.of(t.account()), directory.roles(t.account())))
                    .orElse(Caller.ANONYMOUS);
        }
        Optional<String> bearer = bearer(session);
        if (PUBLIC.contains(method) && bearer.isEmpty()) return Caller.ANONYMOUS;
        if (admin && (bearer.isEmpty() || !AccountToken.looksLikeOne(bearer.get())))
            return Caller.ANONYMOUS; // the node's admin token, or nothing: AdminAccess decides
        if (bearer.isEmpty())
            throw new JsonRpcException(AdminAccess.UNAUTHORIZED, "JSON-RPC on this node needs an account token: "
                    + "Authorization: Bearer ADDRESS.ISSUED.EXPIRY.SIGNATURE, the account's personal_sign of "
                    + "\"stele-rpc " + chainId + " ADDRESS ISSUED EXPIRY\"");
        AccountToken token;
        try {
            token = AccountToken.parse(bearer.get());
        } catch (IllegalArgumentException e) {
            throw new JsonRpcException(AdminAccess.UNAUTHORIZED, e.getMessage());
        }
        token.refusal(suite, chainId, clock.instant()).ifPresent(why -> {
            throw new JsonRpcException(AdminAccess.UNAUTHORIZED, why);
        });
        revocation(token).ifPresent(why -> {
            // The revocation time as data too: a client re-signs with a later issue time without parsing the text.
            throw new JsonRpcException(AdminAccess.UNAUTHORIZED, why,
                    com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                            .objectNode().put("tokensRevokedAt", directory.tokensRevokedAt(token.account())));
        });
        Address account = token.account();
        Caller caller = new Caller(Optional.of(account), directory.roles(account));
        if (admin) {
            if (!caller.holds(Caller.OPERATOR))
                throw new JsonRpcException(FORBIDDEN, "admin methods need the node's admin token or an account with "
                        + "the operator role; " + account.toChecksumHex() + " does not hold it (" + ACCOUNTS + ")");
            return caller;
        }
        if (caller.holds(Caller.REGULATOR)) return caller;
        if (caller.roles() == 0 && !directory.isMember(account))
            throw new JsonRpcException(FORBIDDEN,
                    account.toChecksumHex() + " is not a member of this chain: it may not "
                            + "send transactions and holds no role (" + ACCOUNTS + ")");
        if (HISTORY.contains(method))
            throw new JsonRpcException(FORBIDDEN, method + " reads other accounts' history; it needs the regulator "
                    + "role, which " + account.toChecksumHex() + " does not hold (" + ACCOUNTS + ")");
        if (ACCOUNT_STATE.contains(method) && params.size() > 0 && params.get(0).isTextual()) {
            Address read;
            try {
                read = Address.fromHex(params.get(0).textValue());
            } catch (RuntimeException e) {
                return caller; // the method itself says what is wrong with its parameter
            }
            if (!read.equals(account) && !directory.isContract(read))
                throw new JsonRpcException(FORBIDDEN, "reading the state of " + read.toChecksumHex()
                        + " needs the regulator role: a member reads its own account and contracts ("
                        + account.toChecksumHex() + " holds no regulator role in " + ACCOUNTS + ")");
        }
        return caller;
    }

    /** Why the chain revoked the token ({@code Accounts.revokeTokens}), or empty when it stands. */
    private Optional<String> revocation(AccountToken token) {
        long revokedUpTo = directory.tokensRevokedAt(token.account());
        if (revokedUpTo == 0 || token.issuedNoEarlierThan() > revokedUpTo) return Optional.empty();
        String issued = token.issuedAt().isPresent()
                ? "it was issued at " + java.time.Instant.ofEpochSecond(token.issuedAt().getAsLong())
                : "a token without its issue time counts as issued " + AccountToken.MAX_LIFETIME_SECONDS / 86_400
                        + " days before it expires";
        return Optional.of("the account token was revoked: the tokens of " + token.account().toChecksumHex()
                + " issued up to " + java.time.Instant.ofEpochSecond(revokedUpTo) + " are refused (" + ACCOUNTS
                + ", TokensRevoked) and " + issued + "; sign a new one");
    }

    private Optional<AccountToken> token(RpcSession session) {
        return bearer(session).filter(AccountToken::looksLikeOne).flatMap(b -> {
            try {
                return Optional.of(AccountToken.parse(b));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    private static Optional<String> bearer(RpcSession session) {
        return session.authorization().filter(a -> a.regionMatches(true, 0, BEARER, 0, BEARER.length()))
                .map(a -> a.substring(BEARER.length()).strip());
    }
}
