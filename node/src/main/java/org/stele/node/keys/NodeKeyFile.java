package org.stele.node.keys;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import org.stele.common.Hex;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;

/**
 * A node's secp256k1 key on disk. Two forms, told apart by their first character: plain {@code 0x}-prefixed hex of
 * the 32-byte private key (as Besu's {@code key} file), or a web3 v3 keystore (JSON, starting with <code>{</code>),
 * which needs the passphrase. Files are created with mode 0600 and never overwritten.
 */
public final class NodeKeyFile {
    private static final long MAX_FILE_SIZE = 64 * 1024;

    private NodeKeyFile() {
    }

    /** Reads a key file; {@code passphrase} is needed only for a keystore. */
    public static KeyPair load(Path file, Optional<String> passphrase) throws KeyFileException {
        String text = readSmallText(file, "key file");
        String trimmed = text.strip();
        byte[] privateKey;
        if (trimmed.startsWith("{")) {
            if (passphrase.isEmpty())
                throw new KeyFileException(file + " is an encrypted keystore: give its passphrase (--passphrase-file)");
            privateKey = Web3Keystore.decrypt(trimmed, passphrase.get());
        } else {
            try {
                privateKey = Hex.decodeStrict(trimmed);
            } catch (IllegalArgumentException e) {
                throw new KeyFileException(file + " is neither a hex private key nor a JSON keystore");
            }
            if (privateKey.length != 32)
                throw new KeyFileException(file + ": a private key is 32 bytes of hex, found " + privateKey.length);
        }
        try {
            return Secp256k1KeccakSuite.instance().keyPair(privateKey);
        } catch (IllegalArgumentException e) {
            throw new KeyFileException(file + ": not a valid secp256k1 private key (zero or not below the order)");
        }
    }

    /** Reads a key file with the passphrase in {@code passphraseFile} (null: none), as --passphrase-file gives it. */
    public static KeyPair loadWithPassphraseFile(Path file, Path passphraseFile) throws KeyFileException {
        return load(file, passphraseFile == null ? Optional.empty() : Optional.of(readPassphrase(passphraseFile)));
    }

    /** Writes {@code key} to a new file with mode 0600: plain hex, or a keystore when a passphrase is given. */
    public static void write(Path file, KeyPair key, Optional<String> passphrase, Web3Keystore.Params params,
            SecureRandom random) throws KeyFileException {
        byte[] privateKey = key.privateKey().toArray();
        String content = passphrase.isPresent()
                ? Web3Keystore.encrypt(privateKey, Secp256k1KeccakSuite.instance().address(key.publicKey()),
                        passphrase.get(), params, random) + "\n"
                : Hex.encode(privateKey) + "\n";
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null)
                Files.createDirectories(parent);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        } catch (FileAlreadyExistsException e) {
            throw new KeyFileException(file + " already exists; refusing to overwrite a key");
        } catch (UnsupportedOperationException e) {
            throw new KeyFileException(file + ": the file system cannot restrict the file to its owner (mode 0600)");
        } catch (IOException e) {
            throw new KeyFileException("cannot write " + file + ": " + e.getMessage());
        }
    }

    /** A passphrase file's first line, without its line end (trailing spaces are part of the passphrase). */
    public static String readPassphrase(Path file) throws KeyFileException {
        String text = readSmallText(file, "passphrase file");
        int end = text.indexOf('\n');
        String line = end < 0 ? text : text.substring(0, end);
        if (line.endsWith("\r"))
            line = line.substring(0, line.length() - 1);
        if (line.isEmpty())
            throw new KeyFileException(file + ": the passphrase file is empty");
        return line;
    }

    private static String readSmallText(Path file, String what) throws KeyFileException {
        try {
            if (Files.size(file) > MAX_FILE_SIZE)
                throw new KeyFileException(file + ": too large for a " + what);
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new KeyFileException(what + " not found: " + file);
        } catch (AccessDeniedException e) {
            throw new KeyFileException("cannot read " + what + " " + file + ": permission denied");
        } catch (IOException e) {
            throw new KeyFileException("cannot read " + what + " " + file + ": " + e.getMessage());
        }
    }
}
