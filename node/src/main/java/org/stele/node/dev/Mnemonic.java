package org.stele.node.dev;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * A BIP-39 mnemonic in the English word list: checked (word count, known words, checksum) when it is made, so a
 * typo is reported instead of silently producing other accounts.
 */
public final class Mnemonic {
    /** The mnemonic anvil, Hardhat and Foundry use by default. */
    public static final String DEFAULT = "test test test test test test test test test test test junk";

    private static final Map<String, Integer> WORDS = loadWords();
    private final String phrase;

    private Mnemonic(String phrase) {
        this.phrase = phrase;
    }

    public static Mnemonic parse(String text) {
        List<String> words = List.of(Normalizer.normalize(text.trim(), Normalizer.Form.NFKD).split("\\s+"));
        if (!List.of(12, 15, 18, 21, 24).contains(words.size())) {
            throw new IllegalArgumentException("a mnemonic has 12, 15, 18, 21 or 24 words, got " + words.size());
        }
        int bits = words.size() * 11;
        byte[] packed = new byte[(bits + 7) / 8];
        for (int w = 0; w < words.size(); w++) {
            Integer index = WORDS.get(words.get(w));
            if (index == null)
                throw new IllegalArgumentException(
                        "word " + (w + 1) + " '" + words.get(w) + "' is not in the BIP-39 English word list");
            for (int b = 0; b < 11; b++) {
                if ((index >> (10 - b) & 1) != 0) {
                    int bit = w * 11 + b;
                    packed[bit / 8] |= (byte) (0x80 >>> (bit % 8));
                }
            }
        }
        int checksumBits = bits / 33;
        int entropyBytes = (bits - checksumBits) / 8;
        byte[] hash = sha256(java.util.Arrays.copyOf(packed, entropyBytes));
        for (int b = 0; b < checksumBits; b++) {
            int bit = entropyBytes * 8 + b;
            boolean have = (packed[bit / 8] & (0x80 >>> (bit % 8))) != 0;
            boolean want = (hash[b / 8] & (0x80 >>> (b % 8))) != 0;
            if (have != want)
                throw new IllegalArgumentException(
                        "the mnemonic's checksum does not match: a word is wrong or out of order");
        }
        return new Mnemonic(String.join(" ", words));
    }

    /** The 64-byte BIP-39 seed: PBKDF2-HMAC-SHA512, 2048 rounds, salt "mnemonic" + passphrase. */
    public byte[] seed(String passphrase) {
        try {
            String salt = "mnemonic" + Normalizer.normalize(passphrase, Normalizer.Form.NFKD);
            var spec = new PBEKeySpec(phrase.toCharArray(), salt.getBytes(StandardCharsets.UTF_8), 2048, 512);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA512 is part of every JDK", e);
        }
    }

    public String phrase() {
        return phrase;
    }

    @Override
    public String toString() {
        return phrase;
    }

    private static byte[] sha256(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    private static Map<String, Integer> loadWords() {
        try (InputStream in = Mnemonic.class.getResourceAsStream("bip39-english.txt")) {
            if (in == null) throw new IllegalStateException("bip39-english.txt is missing from the distribution");
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            Map<String, Integer> words = new HashMap<>();
            for (int i = 0; i < lines.length; i++) words.put(lines[i].trim(), i);
            if (words.size() != 2048)
                throw new IllegalStateException("the BIP-39 word list has " + words.size() + " words, not 2048");
            return Map.copyOf(words);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the BIP-39 word list", e);
        }
    }
}
