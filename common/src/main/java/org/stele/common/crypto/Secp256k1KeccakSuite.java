package org.stele.common.crypto;

import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;

/**
 * Ethereum's suite: Keccak-256 and ECDSA on secp256k1 with public-key recovery.
 *
 * <p>
 * The curve arithmetic runs in libsecp256k1 (JNI, bundled Linux natives) when it loads, and otherwise in BouncyCastle;
 * {@link #instance()} picks once per process and logs a warning when it falls back. Both backends sign
 * deterministically (RFC 6979 with HMAC-SHA256), emit low s only (EIP-2), and accept and reject exactly the same
 * inputs: the range checks live here, in front of either backend.
 *
 * <p>
 * Which s is accepted where:
 * <ul>
 * <li>{@link #verify}, {@link #recover}, {@link #recoverAddress(byte[], Signature)} and
 * {@link #recoverAddress(byte[], byte[], byte[], int)} follow EIP-2: s above n/2 is rejected. Transaction validation
 * (Homestead and later) uses these.
 * <li>{@link #recoverAddress(byte[], byte[], byte[], int, boolean)} with {@code allowHighS} lets the caller decide
 * (Frontier transactions accepted high s).
 * <li>{@link #ecrecover} accepts high s and never throws on bad values: it is the EVM's ecrecover precompile (0x01),
 * which returns nothing for an unrecoverable signature.
 * </ul>
 * Every path rejects r or s equal to zero or not below the curve order n, and recovery ids other than 0 and 1.
 */
public final class Secp256k1KeccakSuite implements CryptoSuite {
    public static final String NAME = "secp256k1-keccak";
    /** Set to {@code false} to run on the pure-Java backend even where libsecp256k1 would load. */
    public static final String NATIVE_PROPERTY = "stele.secp256k1.native";

    private final Secp256k1Backend backend;

    private Secp256k1KeccakSuite(Secp256k1Backend backend) {
        this.backend = backend;
    }

    /**
     * The default: libsecp256k1 when it loads (and is not disabled by {@value #NATIVE_PROPERTY}), else BouncyCastle.
     */
    public static Secp256k1KeccakSuite instance() {
        return Default.SUITE;
    }

    /** The libsecp256k1-backed suite; throws {@link IllegalStateException} when the native library cannot load. */
    public static Secp256k1KeccakSuite nativeBacked() {
        if (Native.BACKEND == null)
            throw new IllegalStateException("libsecp256k1 is not available on this platform", Native.FAILURE);
        return Native.SUITE;
    }

    /** The pure-Java (BouncyCastle) suite, whatever the platform. */
    public static Secp256k1KeccakSuite pureJava() {
        return PureJava.SUITE;
    }

    /** Whether libsecp256k1 loaded on this platform. */
    public static boolean nativeAvailable() {
        return Native.BACKEND != null;
    }

    /** {@code libsecp256k1} or {@code bouncycastle}. */
    public String backend() {
        return backend.name();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public byte[] hash(byte[] data) {
        return Keccak256.hash(data);
    }

    @Override
    public KeyPair generateKeyPair(SecureRandom random) {
        byte[] d = new byte[32];
        do {
            random.nextBytes(d);
        } while (!Secp256k1Curve.isValidScalar(d, 0));
        return keyPair(d);
    }

    @Override
    public KeyPair keyPair(byte[] privateKey) {
        if (privateKey.length != 32 || !Secp256k1Curve.isValidScalar(privateKey, 0))
            throw new IllegalArgumentException(
                    "a secp256k1 private key is 32 bytes, not zero and below the curve order");
        byte[] d = privateKey.clone();
        byte[] pub = backend.publicKey(d);
        return new KeyPair(Bytes.wrap(d), new PublicKey(Bytes.wrap(Arrays.copyOfRange(pub, 1, 65))));
    }

    /**
     * Signs with RFC 6979 and low s. The recovery id is found by recovering with each candidate and comparing with the
     * key pair's public key, which also catches a key pair whose halves do not belong together. (An R whose x is at
     * least n would need recovery id 2 or 3, which Ethereum cannot express; the chance is about 2^-127.)
     */
    @Override
    public Signature sign(byte[] messageHash, KeyPair key) {
        requireHash(messageHash);
        byte[] d = key.privateKey().unsafeArray();
        if (d.length != 32 || !Secp256k1Curve.isValidScalar(d, 0))
            throw new IllegalArgumentException("not a secp256k1 private key");
        byte[] rs = backend.sign(messageHash, d);
        byte[] expected = uncompressed(key.publicKey());
        for (int recId = 0; recId < 2; recId++) {
            if (Arrays.equals(expected, backend.recover(messageHash, rs, recId))) {
                return Signature.secp256k1(Bytes32.wrap(Arrays.copyOfRange(rs, 0, 32)),
                        Bytes32.wrap(Arrays.copyOfRange(rs, 32, 64)), recId);
            }
        }
        throw new IllegalArgumentException(
                "no recovery id gives the key pair's public key: it does not belong to its private key");
    }

    /** Checks the signature against the key; high s (not EIP-2) and keys off the curve give false. */
    @Override
    public boolean verify(byte[] messageHash, Signature signature, PublicKey publicKey) {
        requireHash(messageHash);
        if (!signature.publicKey().isEmpty())
            return false;
        byte[] rs = rs(signature.r().unsafeArray(), signature.s().unsafeArray());
        if (!Secp256k1Curve.isValidScalar(rs, 0) || !Secp256k1Curve.isValidScalar(rs, 32)
                || !Secp256k1Curve.isLowS(rs, 32))
            return false;
        return backend.verify(messageHash, rs, uncompressed(publicKey));
    }

    /** Recovers the signer under EIP-2 (low s only). */
    @Override
    public PublicKey recover(byte[] messageHash, Signature signature) {
        byte[] pub = recoverUncompressed(messageHash, signature);
        return new PublicKey(Bytes.wrap(Arrays.copyOfRange(pub, 1, 65)));
    }

    /** The signer's address under EIP-2 (low s only), without building a {@link PublicKey}. */
    @Override
    public Address recoverAddress(byte[] messageHash, Signature signature) {
        return addressOf(recoverUncompressed(messageHash, signature));
    }

    /**
     * The signer's address under EIP-2 (low s only): the path for transaction senders. {@code r} and {@code s} are
     * 32-byte big-endian values, {@code recoveryId} is 0 or 1 (y parity; Ethereum's v and
     * yParity express nothing else, and geth rejects 2 and 3 likewise). Throws {@link InvalidSignatureException}.
     */
    public Address recoverAddress(byte[] messageHash, byte[] r, byte[] s, int recoveryId) {
        return recoverAddress(messageHash, r, s, recoveryId, false);
    }

    /** As {@link #recoverAddress(byte[], byte[], byte[], int)}, with high s accepted when {@code allowHighS}. */
    public Address recoverAddress(byte[] messageHash, byte[] r, byte[] s, int recoveryId, boolean allowHighS) {
        requireHash(messageHash);
        byte[] rs = rs(r, s);
        String problem = checkRecoverable(rs, recoveryId, allowHighS);
        if (problem != null)
            throw new InvalidSignatureException(problem);
        byte[] pub = backend.recover(messageHash, rs, recoveryId);
        if (pub == null)
            throw new InvalidSignatureException("no public key recovers from this signature");
        return addressOf(pub);
    }

    /**
     * The EVM's ecrecover precompile: high s accepted, empty for anything that does not recover (r or s zero or not
     * below n, recovery id not 0 or 1, no curve point). The precompile passes v - 27 and must itself treat any v other
     * than 27 or 28 as unrecoverable. Only wrong array lengths throw, since those are caller bugs.
     */
    public Optional<Address> ecrecover(byte[] messageHash, byte[] r, byte[] s, int recoveryId) {
        requireHash(messageHash);
        byte[] rs = rs(r, s);
        if (checkRecoverable(rs, recoveryId, true) != null)
            return Optional.empty();
        byte[] pub = backend.recover(messageHash, rs, recoveryId);
        return pub == null ? Optional.empty() : Optional.of(addressOf(pub));
    }

    @Override
    public Address address(PublicKey publicKey) {
        return Address.wrap(Arrays.copyOfRange(Keccak256.hash(publicKey.xy().unsafeArray()), 12, 32));
    }

    @Override
    public String toString() {
        return NAME + "[" + backend.name() + "]";
    }

    private byte[] recoverUncompressed(byte[] messageHash, Signature signature) {
        requireHash(messageHash);
        if (!signature.publicKey().isEmpty())
            throw new InvalidSignatureException(
                    "the signature carries a public key: it is not a " + NAME + " signature");
        byte[] rs = rs(signature.r().unsafeArray(), signature.s().unsafeArray());
        String problem = checkRecoverable(rs, signature.recoveryId(), false);
        if (problem != null)
            throw new InvalidSignatureException(problem);
        byte[] pub = backend.recover(messageHash, rs, signature.recoveryId());
        if (pub == null)
            throw new InvalidSignatureException("no public key recovers from this signature");
        return pub;
    }

    private static String checkRecoverable(byte[] rs, int recoveryId, boolean allowHighS) {
        if (recoveryId != 0 && recoveryId != 1)
            return "recovery id must be 0 or 1, got " + recoveryId;
        if (!Secp256k1Curve.isValidScalar(rs, 0))
            return "r must be in [1, n-1]";
        if (!Secp256k1Curve.isValidScalar(rs, 32))
            return "s must be in [1, n-1]";
        if (!allowHighS && !Secp256k1Curve.isLowS(rs, 32))
            return "s must not exceed n/2 (EIP-2)";
        return null;
    }

    private static Address addressOf(byte[] uncompressed) {
        return Address.wrap(Arrays.copyOfRange(Keccak256.hash(uncompressed, 1, 64), 12, 32));
    }

    private static byte[] rs(byte[] r, byte[] s) {
        if (r.length != 32 || s.length != 32)
            throw new IllegalArgumentException("r and s are 32 bytes each, got " + r.length + " and " + s.length);
        byte[] rs = new byte[64];
        System.arraycopy(r, 0, rs, 0, 32);
        System.arraycopy(s, 0, rs, 32, 32);
        return rs;
    }

    private static byte[] uncompressed(PublicKey key) {
        byte[] out = new byte[65];
        out[0] = 0x04;
        System.arraycopy(key.xy().unsafeArray(), 0, out, 1, 64);
        return out;
    }

    private static void requireHash(byte[] messageHash) {
        if (messageHash.length != 32)
            throw new IllegalArgumentException("a message hash is 32 bytes, got " + messageHash.length);
    }

    /** Loaded on first use only, so that the pure-Java suite never touches the native loader. */
    private static final class Native {
        static final Secp256k1Backend BACKEND;
        static final Throwable FAILURE;
        static {
            Secp256k1Backend loaded = null;
            Throwable failure = null;
            try {
                loaded = NativeSecp256k1Backend.load();
            } catch (Throwable t) { // UnsatisfiedLinkError, NoClassDefFoundError, IllegalStateException...
                failure = t;
            }
            BACKEND = loaded;
            FAILURE = failure;
        }
        static final Secp256k1KeccakSuite SUITE = BACKEND == null ? null : new Secp256k1KeccakSuite(BACKEND);
    }

    private static final class PureJava {
        static final Secp256k1KeccakSuite SUITE = new Secp256k1KeccakSuite(BouncyCastleSecp256k1Backend.INSTANCE);
    }

    private static final class Default {
        static final Secp256k1KeccakSuite SUITE = choose();

        private static Secp256k1KeccakSuite choose() {
            if (!Boolean.parseBoolean(System.getProperty(NATIVE_PROPERTY, "true"))) {
                log().info("secp256k1: pure-Java backend ({}=false)", NATIVE_PROPERTY);
                return PureJava.SUITE;
            }
            if (Native.BACKEND == null) {
                log().warn("secp256k1: libsecp256k1 did not load, using the slower pure-Java backend: {}",
                        Native.FAILURE);
                return PureJava.SUITE;
            }
            return Native.SUITE;
        }

        /** Asked only when there is something to say, so that a program that never logs needs no logging backend. */
        private static org.slf4j.Logger log() {
            return org.slf4j.LoggerFactory.getLogger(Secp256k1KeccakSuite.class);
        }
    }
}
