package org.stele.node.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.stele.common.Hex;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Secp256k1KeccakSuite;

/** Key files as the node reads them, against the web3 secret-storage test vectors that geth and web3j pass. */
class NodeKeyFileTest {
    private static final String VECTOR_KEY = "7a28b5ba57c53603b0b07b56bba752f7784bf506fa95edc395f5cf6c7514fe9d";
    private static final String VECTOR_ADDRESS = "0x008aeeda4d805471df9b2a5b0f38a0c3bcba786b";

    /** The PBKDF2-SHA-256 vector of the Web3 Secret Storage Definition. */
    static final String PBKDF2_VECTOR = """
            {"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"6087dab2f9fdbbfaddc31a909735c1e6"},
             "ciphertext":"5318b4d5bcd28de64ee5559e671353e16f075ecae9f99c7a79a38af5f869aa46","kdf":"pbkdf2",
             "kdfparams":{"c":262144,"dklen":32,"prf":"hmac-sha256",
             "salt":"ae3cd4e7013836a3df6bd7241b12db061dbe2c6785853cce422d148a624ce0bd"},
             "mac":"517ead924a9d0dc3124507e3393d175ce3ff7c1e96529c6c555ce9e51205e9b2"},
             "id":"3198bc9c-6672-5ab3-d995-4942343ae5b6","version":3}
            """;

    /** The scrypt vector of the same definition. */
    static final String SCRYPT_VECTOR = """
            {"crypto":{"cipher":"aes-128-ctr","cipherparams":{"iv":"83dbcc02d8ccb40e466191a123791e0e"},
             "ciphertext":"d172bf743a674da9cdad04534d56926ef8358534d458fffccd4e6ad2fbde479c","kdf":"scrypt",
             "kdfparams":{"dklen":32,"n":262144,"r":1,"p":8,
             "salt":"ab0c7876052600dd703518d6fc3fe8984592145b591fc8fb5c6d43190334ba19"},
             "mac":"2103ac29920d71da29f15d75b4a16dbe95cfd7ff8faea1056c33131d846e3097"},
             "id":"3198bc9c-6672-5ab3-d995-4942343ae5b6","version":3}
            """;

    @Test
    void thePbkdf2KeystoreVectorDecryptsToItsKnownKeyAndAddress(@TempDir Path dir) throws Exception {
        Path file = Files.writeString(dir.resolve("ks.json"), PBKDF2_VECTOR);
        KeyPair key = NodeKeyFile.load(file, Optional.of("testpassword"));
        assertThat(key.privateKey().toHex()).isEqualTo("0x" + VECTOR_KEY);
        assertThat(Secp256k1KeccakSuite.instance().address(key.publicKey()).toHex()).isEqualTo(VECTOR_ADDRESS);
    }

    @Test
    void theScryptKeystoreVectorDecryptsToItsKnownKey() throws Exception {
        assertThat(Hex.encodeNoPrefix(Web3Keystore.decrypt(SCRYPT_VECTOR, "testpassword"))).isEqualTo(VECTOR_KEY);
    }

    @Test
    void aWrongPassphraseIsOneClearLine() {
        assertThatThrownBy(() -> Web3Keystore.decrypt(PBKDF2_VECTOR, "wrong")).isInstanceOf(KeyFileException.class)
                .hasMessageStartingWith("wrong passphrase").hasMessageNotContaining("\n");
    }

    @Test
    void malformedKeystoresAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Web3Keystore.decrypt("{\"version\":3", "x")).hasMessageStartingWith("not a JSON");
        assertThatThrownBy(() -> Web3Keystore.decrypt(PBKDF2_VECTOR.replace("aes-128-ctr", "aes-128-cbc"), "x"))
                .hasMessageContaining("cipher");
        assertThatThrownBy(() -> Web3Keystore.decrypt(PBKDF2_VECTOR.replace("6087dab2", "zz87dab2"), "x"))
                .hasMessageContaining("\"iv\" is not hex");
        assertThatThrownBy(() -> Web3Keystore.decrypt(SCRYPT_VECTOR.replace("\"n\":262144", "\"n\":1073741824"), "x"))
                .hasMessageContaining("1 GiB");
        assertThatThrownBy(() -> Web3Keystore.decrypt(PBKDF2_VECTOR.replace("\"version\":3", "\"version\":1"), "x"))
                .hasMessageContaining("version");
    }

    @Test
    void anEncryptedKeyRoundTripsWithBothKdfsAndItsFileIsOwnerOnly(@TempDir Path dir) throws Exception {
        SecureRandom random = new SecureRandom();
        KeyPair key = Secp256k1KeccakSuite.instance().generateKeyPair(random);
        for (var kdf : Web3Keystore.Kdf.values()) {
            var params = new Web3Keystore.Params(kdf, 1 << 10, 8, 1, 1000);
            Path file = dir.resolve(kdf + ".json");
            NodeKeyFile.write(file, key, Optional.of("correct horse"), params, random);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
            assertThat(NodeKeyFile.load(file, Optional.of("correct horse"))).isEqualTo(key);
            assertThatThrownBy(() -> NodeKeyFile.load(file, Optional.empty())).isInstanceOf(KeyFileException.class)
                    .hasMessageContaining("passphrase");
        }
    }

    @Test
    void aPlainKeyRoundTripsAndIsNeverOverwritten(@TempDir Path dir) throws Exception {
        KeyPair key = Secp256k1KeccakSuite.instance().generateKeyPair(new SecureRandom());
        Path file = dir.resolve("key");
        NodeKeyFile.write(file, key, Optional.empty(), Web3Keystore.Params.LIGHT, new SecureRandom());
        assertThat(NodeKeyFile.load(file, Optional.empty())).isEqualTo(key);
        assertThatThrownBy(() -> NodeKeyFile.write(file, key, Optional.empty(), Web3Keystore.Params.LIGHT,
                new SecureRandom())).hasMessageContaining("already exists");
    }

    @Test
    void garbageAndMissingKeyFilesAreRefusedWithTheirName(@TempDir Path dir) throws Exception {
        Path garbage = Files.writeString(dir.resolve("garbage"), "hello");
        assertThatThrownBy(() -> NodeKeyFile.load(garbage, Optional.empty()))
                .hasMessageContaining("neither a hex private key nor a JSON keystore");
        Path zero = Files.writeString(dir.resolve("zero"), "0x" + "00".repeat(32));
        assertThatThrownBy(() -> NodeKeyFile.load(zero, Optional.empty())).hasMessageContaining("not a valid");
        assertThatThrownBy(() -> NodeKeyFile.load(dir.resolve("nope"), Optional.empty()))
                .hasMessageContaining("not found");
    }
}
