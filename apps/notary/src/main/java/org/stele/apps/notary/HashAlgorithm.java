package org.stele.apps.notary;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import org.bouncycastle.crypto.digests.SM3Digest;

/**
 * The hash a document is known by, and the hash of the batch Merkle tree over such hashes: SHA-256 (FIPS 180-4, the
 * default, which browsers compute with crypto.subtle) or SM3 (GB/T 32905, BouncyCastle's digest, as in the chain's
 * sm2-sm3 suite). Both give 32 bytes, which is what the contract anchors.
 */
public enum HashAlgorithm {
    SHA_256("sha-256"), SM3("sm3");

    private final String id;

    HashAlgorithm(String id) {
        this.id = id;
    }

    /** The name in proof files and on the command line. */
    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException naming the known algorithms */
    public static HashAlgorithm of(String id) {
        for (HashAlgorithm a : values())
            if (a.id.equals(id.toLowerCase(Locale.ROOT))) return a;
        throw new IllegalArgumentException("unknown hash algorithm \"" + id + "\" (sha-256 or sm3)");
    }

    /** A streaming digest: one per thread, reused after {@link Digest#finish}. */
    public Digest digest() {
        return switch (this) {
            case SHA_256 -> new Sha256();
            case SM3 -> new Sm3();
        };
    }

    public byte[] hash(byte[] data) {
        Digest d = digest();
        d.update(data, 0, data.length);
        return d.finish();
    }

    /** Hashes a file without holding it in memory. */
    public byte[] hash(Path file) throws IOException {
        Digest d = digest();
        byte[] buffer = new byte[1 << 16];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0;)
                d.update(buffer, 0, n);
        }
        return d.finish();
    }

    /** A running hash. */
    public sealed interface Digest {
        void update(byte[] data, int offset, int length);

        /** The 32-byte hash of what was given; the digest starts afresh. */
        byte[] finish();
    }

    private static final class Sha256 implements Digest {
        private final MessageDigest md;

        Sha256() {
            try {
                md = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every JVM has SHA-256", e);
            }
        }

        @Override
        public void update(byte[] data, int offset, int length) {
            md.update(data, offset, length);
        }

        @Override
        public byte[] finish() {
            return md.digest();
        }
    }

    private static final class Sm3 implements Digest {
        private final SM3Digest sm3 = new SM3Digest();

        @Override
        public void update(byte[] data, int offset, int length) {
            sm3.update(data, offset, length);
        }

        @Override
        public byte[] finish() {
            byte[] out = new byte[32];
            sm3.doFinal(out, 0);
            return out;
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
