package org.stele.node.keys;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.stele.common.Address;
import org.stele.common.Hex;
import org.stele.common.crypto.Keccak256;

/**
 * The web3 secret-storage definition, version 3: the key derived from the passphrase by scrypt or PBKDF2-HMAC-SHA256,
 * the private key encrypted with AES-128-CTR under its first 16 bytes, and a MAC of Keccak-256(derived[16..32] ||
 * ciphertext) that tells a wrong passphrase from a damaged file before anything is decrypted.
 */
public final class Web3Keystore {
    /** The KDF a new keystore uses. */
    public enum Kdf {
        SCRYPT, PBKDF2
    }

    /** Work factors of a new keystore; geth's "standard" scrypt parameters by default. */
    public record Params(Kdf kdf, int scryptN, int scryptR, int scryptP, int pbkdf2Iterations) {
        public static final Params STANDARD = new Params(Kdf.SCRYPT, 1 << 18, 8, 1, 262_144);
        /** geth's "light" scrypt parameters, for tests and tools that write many keys. */
        public static final Params LIGHT = new Params(Kdf.SCRYPT, 1 << 12, 8, 6, 262_144);
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Bounds on what a file may ask of us, so that a hostile keystore cannot exhaust memory or time. */
    private static final long MAX_SCRYPT_MEMORY = 1L << 30;
    private static final int MAX_PBKDF2_ITERATIONS = 10_000_000;

    private Web3Keystore() {
    }

    /** The keystore JSON for a 32-byte private key whose account is {@code address}. */
    public static String encrypt(byte[] privateKey, Address address, String passphrase, Params params,
            SecureRandom random) {
        byte[] salt = new byte[32], iv = new byte[16];
        random.nextBytes(salt);
        random.nextBytes(iv);
        ObjectNode kdfParams = JSON.createObjectNode();
        kdfParams.put("dklen", 32);
        byte[] derived;
        if (params.kdf() == Kdf.SCRYPT) {
            kdfParams.put("n", params.scryptN()).put("r", params.scryptR()).put("p", params.scryptP());
            derived = Scrypt.derive(utf8(passphrase), salt, params.scryptN(), params.scryptR(), params.scryptP(), 32);
        } else {
            kdfParams.put("c", params.pbkdf2Iterations()).put("prf", "hmac-sha256");
            derived = pbkdf2(passphrase, salt, params.pbkdf2Iterations(), 32);
        }
        kdfParams.put("salt", Hex.encodeNoPrefix(salt));
        byte[] ciphertext = aesCtr(derived, iv, privateKey);
        ObjectNode crypto = JSON.createObjectNode();
        crypto.put("cipher", "aes-128-ctr");
        crypto.putObject("cipherparams").put("iv", Hex.encodeNoPrefix(iv));
        crypto.put("ciphertext", Hex.encodeNoPrefix(ciphertext));
        crypto.put("kdf", params.kdf() == Kdf.SCRYPT ? "scrypt" : "pbkdf2");
        crypto.set("kdfparams", kdfParams);
        crypto.put("mac", Hex.encodeNoPrefix(mac(derived, ciphertext)));
        ObjectNode root = JSON.createObjectNode();
        root.put("address", Hex.encodeNoPrefix(address.toArray()));
        root.set("crypto", crypto);
        byte[] uuid = new byte[16];
        random.nextBytes(uuid);
        uuid[6] = (byte) ((uuid[6] & 0x0f) | 0x40); // version 4 (random)
        uuid[8] = (byte) ((uuid[8] & 0x3f) | 0x80);
        var bits = java.nio.ByteBuffer.wrap(uuid);
        root.put("id", new UUID(bits.getLong(), bits.getLong()).toString());
        root.put("version", 3);
        return root.toPrettyString();
    }

    /** The 32-byte private key in a keystore, or a one-line reason why it cannot be had. */
    public static byte[] decrypt(String json, String passphrase) throws KeyFileException {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new KeyFileException("not a JSON keystore: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject())
            throw new KeyFileException("not a JSON keystore: expected an object");
        if (root.path("version").asInt(-1) != 3)
            throw new KeyFileException("unsupported keystore version " + root.path("version") + " (only 3 is read)");
        JsonNode crypto = root.has("crypto") ? root.get("crypto") : root.get("Crypto"); // geth once wrote "Crypto"
        if (crypto == null || !crypto.isObject())
            throw new KeyFileException("malformed keystore: no \"crypto\" object");
        String cipher = text(crypto, "cipher");
        if (!"aes-128-ctr".equals(cipher))
            throw new KeyFileException("unsupported keystore cipher '" + cipher + "' (only aes-128-ctr is read)");
        byte[] iv = hex(crypto.path("cipherparams"), "iv", 16);
        byte[] ciphertext = hex(crypto, "ciphertext", -1);
        byte[] expectedMac = hex(crypto, "mac", 32);
        JsonNode kp = crypto.path("kdfparams");
        int dklen = positive(kp, "dklen", 64);
        if (dklen < 32)
            throw new KeyFileException("malformed keystore: kdfparams.dklen must be at least 32");
        byte[] salt = hex(kp, "salt", -1);
        String kdf = text(crypto, "kdf");
        byte[] derived = switch (kdf) {
            case "scrypt" -> {
                int n = positive(kp, "n", Integer.MAX_VALUE), r = positive(kp, "r", 1024), p = positive(kp, "p", 1024);
                if (Integer.bitCount(n) != 1 || n < 2)
                    throw new KeyFileException("malformed keystore: scrypt n must be a power of two above 1");
                if (128L * r * n > MAX_SCRYPT_MEMORY || (long) r * p >= 1 << 30)
                    throw new KeyFileException("keystore asks for scrypt work beyond 1 GiB of memory; refused");
                yield Scrypt.derive(utf8(passphrase), salt, n, r, p, dklen);
            }
            case "pbkdf2" -> {
                if (!"hmac-sha256".equals(text(kp, "prf")))
                    throw new KeyFileException("unsupported pbkdf2 prf '" + text(kp, "prf") + "' (only hmac-sha256)");
                yield pbkdf2(passphrase, salt, positive(kp, "c", MAX_PBKDF2_ITERATIONS), dklen);
            }
            default -> throw new KeyFileException("unsupported keystore kdf '" + kdf + "' (scrypt or pbkdf2)");
        };
        if (!MessageDigest.isEqual(expectedMac, mac(derived, ciphertext)))
            throw new KeyFileException("wrong passphrase (or a damaged keystore: its MAC does not match)");
        return aesCtr(derived, iv, ciphertext);
    }

    private static byte[] mac(byte[] derived, byte[] ciphertext) {
        return Keccak256.hasher().update(derived, 16, 16).update(ciphertext).digest();
    }

    private static byte[] aesCtr(byte[] derived, byte[] iv, byte[] input) {
        try {
            Cipher c = Cipher.getInstance("AES/CTR/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(Arrays.copyOf(derived, 16), "AES"), new IvParameterSpec(iv));
            return c.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-128-CTR is a required JDK algorithm", e);
        }
    }

    private static byte[] pbkdf2(String passphrase, byte[] salt, int iterations, int dklen) {
        return Scrypt.pbkdf2Sha256(utf8(passphrase), salt, iterations, dklen);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String text(JsonNode node, String field) throws KeyFileException {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual())
            throw new KeyFileException("malformed keystore: missing text field \"" + field + "\"");
        return v.asText();
    }

    private static byte[] hex(JsonNode node, String field, int size) throws KeyFileException {
        byte[] b;
        try {
            b = Hex.decodeStrict(text(node, field));
        } catch (IllegalArgumentException e) {
            throw new KeyFileException("malformed keystore: \"" + field + "\" is not hex");
        }
        if (size >= 0 && b.length != size)
            throw new KeyFileException("malformed keystore: \"" + field + "\" must be " + size + " bytes");
        return b;
    }

    private static int positive(JsonNode node, String field, int max) throws KeyFileException {
        JsonNode v = node.get(field);
        if (v == null || !v.canConvertToInt() || v.asInt() < 1 || v.asInt() > max)
            throw new KeyFileException("malformed keystore: kdfparams." + field + " must be an integer in [1, " + max
                    + "]");
        return v.asInt();
    }
}
