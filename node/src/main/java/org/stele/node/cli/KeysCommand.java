package org.stele.node.cli;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.node.keys.KeyFileException;
import org.stele.node.keys.NodeKeyFile;
import org.stele.node.keys.Web3Keystore;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code stele keys}: node keys. */
@Command(name = "keys", description = "Node keys: create and inspect secp256k1 key files.", subcommands = {
        KeysCommand.New.class, KeysCommand.Show.class})
public final class KeysCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** {@code stele keys new}: a fresh key, written with mode 0600; prints its address and public key. */
    @Command(name = "new", mixinStandardHelpOptions = true, description = "Create a secp256k1 node key (file mode 0600), optionally encrypted as a web3 v3 keystore.")
    public static final class New implements Callable<Integer> {
        @Option(names = "--out", description = "Key file to create (default: ${DEFAULT-VALUE}); never overwritten.")
        Path out = Path.of("key");

        @Option(names = "--passphrase-file", description = "Encrypt as a web3 v3 keystore with the first line of this file as passphrase.")
        Path passphraseFile;

        @Option(names = "--kdf", description = "Keystore KDF: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
        Web3Keystore.Kdf kdf = Web3Keystore.Kdf.SCRYPT;

        @Override
        public Integer call() {
            try {
                Optional<String> passphrase = passphrase(passphraseFile);
                SecureRandom random = new SecureRandom();
                KeyPair key = Secp256k1KeccakSuite.instance().generateKeyPair(random);
                var standard = Web3Keystore.Params.STANDARD;
                var params = new Web3Keystore.Params(kdf, standard.scryptN(), standard.scryptR(), standard.scryptP(),
                        standard.pbkdf2Iterations());
                NodeKeyFile.write(out, key, passphrase, params, random);
                printIdentity(key);
                System.out.println("file       " + out + (passphrase.isPresent() ? " (encrypted keystore)" : ""));
                return 0;
            } catch (KeyFileException e) {
                System.err.println("stele keys new: " + e.getMessage());
                return 2;
            }
        }
    }

    /** {@code stele keys show}: the address and public key of an existing key file. */
    @Command(name = "show", mixinStandardHelpOptions = true, description = "Print the address and public key of a key file.")
    public static final class Show implements Callable<Integer> {
        @Option(names = "--key", required = true, description = "Key file (hex or web3 v3 keystore).")
        Path key;

        @Option(names = "--passphrase-file", description = "Passphrase file, for a keystore.")
        Path passphraseFile;

        @Override
        public Integer call() {
            try {
                printIdentity(NodeKeyFile.load(key, passphrase(passphraseFile)));
                return 0;
            } catch (KeyFileException e) {
                System.err.println("stele keys show: " + e.getMessage());
                return 2;
            }
        }
    }

    private static Optional<String> passphrase(Path file) throws KeyFileException {
        return file == null ? Optional.empty() : Optional.of(NodeKeyFile.readPassphrase(file));
    }

    private static void printIdentity(KeyPair key) {
        System.out.println("address    " + Secp256k1KeccakSuite.instance().address(key.publicKey()).toChecksumHex());
        System.out.println("public key " + key.publicKey().xy().toHex());
    }
}
