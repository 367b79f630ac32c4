package org.stele.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The automatic fallback, tested the only honest way: in a fresh JVM whose class path lacks the libsecp256k1 JNI jars,
 * and in one where the native backend is switched off by property. Either way the default suite must run on
 * BouncyCastle and still derive the right address.
 */
class Secp256k1FallbackTest {
    static final String KNOWN_ADDRESS = "0x2c7536E3605D9C16a7a3D7b1898e529396a65c23";

    @Test
    void defaultSuiteFallsBackToPureJavaWhenTheNativeJarsAreMissing() throws Exception {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.contains("secp256k1-kmp-jni")).collect(Collectors.joining(File.pathSeparator));

        assertThat(runChild(classPath)).isEqualTo("bouncycastle " + KNOWN_ADDRESS);
    }

    @Test
    void defaultSuiteRunsPureJavaWhenNativeIsSwitchedOff() throws Exception {
        assertThat(
                runChild(System.getProperty("java.class.path"), "-D" + Secp256k1KeccakSuite.NATIVE_PROPERTY + "=false"))
                .isEqualTo("bouncycastle " + KNOWN_ADDRESS);
    }

    @Test
    void defaultSuiteRunsNativeWhenTheJarsArePresent() throws Exception {
        assertThat(runChild(System.getProperty("java.class.path"))).isEqualTo("libsecp256k1 " + KNOWN_ADDRESS);
    }

    private static String runChild(String classPath, String... jvmArgs) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of(jvmArgs));
        command.addAll(List.of("-cp", classPath, Child.class.getName()));
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    /** Prints the default backend and the address of a known key, after a sign/recover round trip. */
    public static final class Child {
        public static void main(String[] args) {
            CryptoSuite suite = CryptoSuites.byName("secp256k1-keccak");
            KeyPair key = suite.keyPair(Secp256k1KeccakSuiteTest.KEY);
            byte[] hash = suite.hash(new byte[]{1});
            Signature sig = suite.sign(hash, key);
            System.out.println(((Secp256k1KeccakSuite) suite).backend() + " " + suite.recoverAddress(hash, sig));
        }
    }
}
