package org.stele.rpc.access;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.crypto.InvalidSignatureException;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Signature;

/**
 * A client's proof that it holds an account's key, presented as {@code Authorization: Bearer ADDRESS.EXPIRY.SIGNATURE}:
 * the account, the second (Unix time) after which the token is void, and the account's signature over the text
 * {@code stele-rpc CHAIN_ID ADDRESS EXPIRY} (address in lower case) as EIP-191 {@code personal_sign} signs a message,
 * so a wallet ({@code signMessage} in ethers, {@code cast wallet sign}) makes one without Stele's tools. The chain id
 * in the text keeps a token for one chain from opening another; the expiry keeps a leaked token from working for
 * long. The node keeps nothing: any token the account signs is good until it expires.
 *
 * @param account the account the token speaks for
 * @param expiresAt the Unix second after which it is refused
 * @param signature 65 bytes: r, s and v (27 or 28, or 0 or 1)
 */
public record AccountToken(Address account, long expiresAt, Bytes signature) {
    /** Tokens further ahead than this are refused, so that none is good for ever. */
    public static final long MAX_LIFETIME_SECONDS = 31L * 24 * 3600;

    /** The text the account signs. */
    public static String message(long chainId, Address account, long expiresAt) {
        return "stele-rpc " + chainId + " " + account.toHex().toLowerCase(Locale.ROOT) + " " + expiresAt;
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

    /** A token for {@code key}'s account on chain {@code chainId}, void after {@code expiresAt}. */
    public static AccountToken sign(CryptoSuite suite, KeyPair key, long chainId, long expiresAt) {
        Address account = suite.address(key.publicKey());
        Signature s = suite.sign(personalHash(suite, message(chainId, account, expiresAt)), key);
        byte[] sig = new byte[65];
        System.arraycopy(s.r().toArray(), 0, sig, 0, 32);
        System.arraycopy(s.s().toArray(), 0, sig, 32, 32);
        sig[64] = (byte) (27 + s.recoveryId());
        return new AccountToken(account, expiresAt, Bytes.wrap(sig));
    }

    /** The text a client sends after {@code Bearer }. */
    public String encode() {
        return account.toHex() + "." + expiresAt + "." + signature.toHex();
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
        if (parts.length != 3)
            throw new IllegalArgumentException("an account token is ADDRESS.EXPIRY.SIGNATURE");
        Address account;
        long expiry;
        Bytes sig;
        try {
            account = Address.fromHex(parts[0]);
            expiry = Long.parseLong(parts[1]);
            sig = Bytes.fromHex(parts[2]);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("an account token is ADDRESS.EXPIRY.SIGNATURE (hex, decimal, hex)");
        }
        if (sig.size() != 65)
            throw new IllegalArgumentException("an account token's signature is 65 bytes, not " + sig.size());
        return new AccountToken(account, expiry, sig);
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
        byte[] sig = signature.toArray();
        int v = sig[64] & 0xff;
        int recoveryId = v >= 27 ? v - 27 : v;
        if (recoveryId > 1)
            return Optional.of("the account token's signature has v " + v);
        Signature s = Signature.secp256k1(Bytes32.wrap(java.util.Arrays.copyOfRange(sig, 0, 32)),
                Bytes32.wrap(java.util.Arrays.copyOfRange(sig, 32, 64)), recoveryId);
        try {
            Address signer = suite.recoverAddress(personalHash(suite, message(chainId, account, expiresAt)), s);
            if (!signer.equals(account))
                return Optional.of("the account token is not signed by " + account.toChecksumHex()
                        + " for chain " + chainId);
        } catch (InvalidSignatureException e) {
            return Optional.of("the account token's signature is invalid");
        }
        return Optional.empty();
    }
}
