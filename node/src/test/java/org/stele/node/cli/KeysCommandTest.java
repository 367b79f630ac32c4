package org.stele.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code stele keys} as a user runs it. */
class KeysCommandTest {
    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @Test
    void keysNewWritesAnOwnerOnlyKeyAndPrintsTheIdentityThatKeysShowReadsBack(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("node1/key");
        CliRun created = run("keys", "new", "--out", key.toString());
        assertThat(created.status()).isZero();
        assertThat(created.out()).containsPattern("address    0x[0-9a-fA-F]{40}").containsPattern(
                "public key 0x[0-9a-f]{128}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        CliRun shown = run("keys", "show", "--key", key.toString());
        assertThat(shown.status()).isZero();
        assertThat(created.out()).startsWith(shown.out());
    }

    @Test
    void anEncryptedKeyNeedsItsPassphraseAndAWrongOneIsOneLine(@TempDir Path dir) throws Exception {
        Path key = dir.resolve("key.json");
        Path pass = Files.writeString(dir.resolve("pass"), "s3cret\n");
        Path wrong = Files.writeString(dir.resolve("wrong"), "guess\n");
        assertThat(run("keys", "new", "--out", key.toString(), "--passphrase-file", pass.toString(), "--kdf",
                "PBKDF2").status()).isZero();
        assertThat(Files.readString(key)).contains("\"kdf\" : \"pbkdf2\"", "\"version\" : 3");
        assertThat(run("keys", "show", "--key", key.toString(), "--passphrase-file", pass.toString()).status())
                .isZero();
        CliRun bad = run("keys", "show", "--key", key.toString(), "--passphrase-file", wrong.toString());
        assertThat(bad.status()).isEqualTo(2);
        assertThat(bad.err().strip()).startsWith("stele keys show: wrong passphrase").doesNotContain("\n");
    }

    @Test
    void keysNewRefusesToOverwriteAnExistingFile(@TempDir Path dir) throws Exception {
        Path key = Files.writeString(dir.resolve("key"), "keep me");
        CliRun r = run("keys", "new", "--out", key.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("already exists");
        assertThat(Files.readString(key)).isEqualTo("keep me");
    }
}
