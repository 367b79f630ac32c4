package org.stele.rpc.access;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.crypto.InvalidSignatureException;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Signature;

/**
 * A client's proof that it holds an account's key, presented as {@code Authorization: Bearer
 * ADDRESS.ISSUED.EXPIRY.SIGNATURE}: the account, the second (Unix time) it was issued at, the second after which it is
 * void, and the account's signature over the text {@code stele-rpc CHAIN_ID ADDRESS ISSUED EXPIRY} (address in lower
 * case) as EIP-191 {@code personal_sign} signs a message, so a wallet ({@code signMessage} in ethers, {@code cast
 * wallet sign}) makes one without Stele's tools. The chain id in the text keeps a token for one chain from opening
 * another; the expiry keeps a leaked token from working for long; the issue time lets the chain revoke every token an
 * account signed up to a moment ({@code Accounts.revokeTokens}), as JWT's {@code iat} against a per-user "valid after"
 * time does. The older form {@code ADDRESS.EXPIRY.SIGNATURE} (text {@code stele-rpc CHAIN_ID ADDRESS EXPIRY}) is still
 * accepted; having no issue time, it counts as issued {@link #MAX_LIFETIME_SECONDS} before it expires, the earliest it
 * can have been signed, so a revocation never misses one.
 *
 * @param account the account the token speaks for
 * @param issuedAt the Unix second it was issued at, empty for a token of the older form
 * @param expiresAt the Unix second after which it is refused
 * @param signature 65 bytes: r, s and v (27 or 28, or 0 or 1)
 */
public record AccountToken(Address account, OptionalLong issuedAt, long expiresAt, Bytes signature) {
    /** Tokens further ahead than this are refused, so that none is good for ever. */
    public static final long MAX_LIFETIME_SECONDS = 31L * 24 * 3600;
    /** How far ahead of the node's clock an issue time may be: clocks differ, and that much is no lasting gain. */
    public static final long MAX_CLOCK_SKEW_SECONDS = 300;

    /** A token of the older form, without its issue time. */
    public AccountToken(Address account, long expiresAt, Bytes signature) {
        this(account, OptionalLong.empty(), expiresAt, signature);
    }

    /** The text the account signs for a token of the older form, without its issue time. */
    public static String message(long chainId, Address account, long expiresAt) {
        return "stele-rpc " + chainId + " " + account.toHex().toLowerCase(Locale.ROOT) + " " + expiresAt;
    }

    /** The text the account signs. */
    public static String message(long chainId, Address account, long issuedAt, long expiresAt) {
        return "stele-rpc " + chainId + " " + account.toHex().toLowerCase(Locale.ROOT) + " " + issuedAt + " "
                + expiresAt;
    }

    private String message(long chainId) {
        return issuedAt.isPresent()
                ? message(chainId, account, issuedAt.getAsLong(), expiresAt)
                : message(chainId, account, expiresAt);
    }

    /**
     * The earliest second the token can have been issued at: its issue time, or for a token of the older form
     * {@link #MAX_LIFETIME_SECONDS} before its expiry. A revocation up to second {@code t} refuses it when this is
     * {@code <= t}.
     */
    public long issuedNoEarlierThan() {
        return issuedAt.orElse(expiresAt - MAX_LIFETIME_SECONDS);
    }

    /** The EIP-191 hash of {@code message}: what {@code personal_sign} signs. */
    static byte[] personalHash(CryptoSuite suite, String message) {
        byte[] text = message.getBytes(StandardCharsets.UTF_8);
        byte[] prefix = ("\u0019Ethereum Signed Message:\n" + text.length).getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[prefix.length + text.length];
        System.arraycopy(prefix, 0, all, 0, prefix.length);
        System.arraycopy(text, 0, all, prefix.length, text.length);
        return suite.hash(all);
    }

    /**
     * A token for {@code key}'s account on chain {@code chainId}, issued at {@code issuedAt}, void after {@code
     * expiresAt}.
     */
    public static AccountToken sign(CryptoSuite suite, KeyPair key, long chainId, long issuedAt, long expiresAt) {
        Address account = suite.address(key.publicKey());
        return signed(suite, key, new AccountToken(account, OptionalLong.of(issuedAt), expiresAt, Bytes.EMPTY),
                chainId);
    }

    /** A token of the older form, without an issue time: a revocation refuses it until 31 days before its expiry. */
    public static AccountToken sign(CryptoSuite suite, KeyPair key, long chainId, long expiresAt) {
        Address account = suite.address(key.publicKey());
        return signed(suite, key, new AccountToken(account, expiresAt, Bytes.EMPTY), chainId);
    }

    private static AccountToken signed(CryptoSuite suite, KeyPair key, AccountToken unsigned, long chainId) {
        Signature s = suite.sign(personalHash(suite, unsigned.message(chainId)), key);
        byte[] sig = new byte[65];
        System.arraycopy(s.r().toArray(), 0, sig, 0, 32);
        System.arraycopy(s.s().toArray(), 0, sig, 32, 32);
        sig[64] = (byte) (27 + s.recoveryId());
        return new AccountToken(unsigned.account(), unsigned.issuedAt(), unsigned.expiresAt(), Bytes.wrap(sig));
    }

    /** The text a client sends after {@code Bearer }. */
    public String encode() {
        String issued = issuedAt.isPresent() ? issuedAt.getAsLong() + "." : "";
        return account.toHex() + "." + issued + expiresAt + "." + signature.toHex();
    }

    /** Whether {@code bearer} has a token's shape (else it may be the node's admin token). */
    public static boolean looksLikeOne(String bearer) {
        return bearer.startsWith("0x") && bearer.indexOf('.') == 42;
    }

    /**
     * Reads a token.
     *
     * @throws IllegalArgumentException saying what is wrong with its shape
     */
    public static AccountToken parse(String bearer) {
        String[] parts = bearer.strip().split("\\.", -1);
        if (parts.length != 3 && parts.length != 4)
            throw new IllegalArgumentException("an account token is ADDRESS.ISSUED.EXPIRY.SIGNATURE");
        boolean issued = parts.length == 4;
        Address account;
        OptionalLong issuedAt;
        long expiry;
        Bytes sig;
        try {
            account = Address.fromHex(parts[0]);
            issuedAt = issued ? OptionalLong.of(Long.parseLong(parts[1])) : OptionalLong.empty();
            expiry = Long.parseLong(parts[parts.length - 2]);
            sig = Bytes.fromHex(parts[parts.length - 1]);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "an account token is ADDRESS.ISSUED.EXPIRY.SIGNATURE (hex, decimal, decimal, hex)");
        }
        if (sig.size() != 65)
            throw new IllegalArgumentException("an account token's signature is 65 bytes, not " + sig.size());
        return new AccountToken(account, issuedAt, expiry, sig);
    }

    /**
     * Why the token does not prove its account on chain {@code chainId} at {@code now}, or empty when it does.
     */
    public Optional<String> refusal(CryptoSuite suite, long chainId, Instant now) {
        long seconds = now.getEpochSecond();
        if (expiresAt < seconds)
            return Optional.of("the account token expired at " + Instant.ofEpochSecond(expiresAt));
        if (expiresAt - seconds > MAX_LIFETIME_SECONDS)
            return Optional.of("the account token lives longer than " + MAX_LIFETIME_SECONDS / 86_400
                    + " days; sign one that expires sooner");
        if (issuedAt.isPresent()) {
            long issued = issuedAt.getAsLong();
            if (issued > seconds + MAX_CLOCK_SKEW_SECONDS)
                return Optional.of("the account token is issued at " + Instant.ofEpochSecond(issued)
                        + ", in the future of this node's clock ("
                        + now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                        + "); sign it with the current time");
            if (expiresAt < issued)
                return Optional.of("the account token expires before it is issued");
            if (expiresAt - issued > MAX_LIFETIME_SECONDS)
                return Optional.of("the account token lives longer than " + MAX_LIFETIME_SECONDS / 86_400
                        + " days from its issue; sign one that expires sooner");
        }
        byte[] sig = signature.toArray();
        int v = sig[64] & 0xff;
        int recoveryId = v >= 27 ? v - 27 : v;
        if (recoveryId > 1)
            return Optional.of("the account token's signature has v " + v);
        Signature s = Signature.secp256k1(Bytes32.wrap(java.util.Arrays.copyOfRange(sig, 0, 32)),
                Bytes32.wrap(java.util.Arrays.copyOfRange(sig, 32, 64)), recoveryId);
        try {
            Address signer = suite.recoverAddress(personalHash(suite, message(chainId)), s);
            if (!signer.equals(account))
                return Optional.of("the account token is not signed by " + account.toChecksumHex()
                        + " for chain " + chainId);
        } catch (InvalidSignatureException e) {
            return Optional.of("the account token's signature is invalid");
        }
        return Optional.empty();
    }
}
