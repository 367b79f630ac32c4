package org.stele.common.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.Hex;

class Secp256k1KeccakSuiteTest {
    static final byte[] KEY = Hex.decode("4c0883a69102937d6231471b5dbb6204fe5129617082792ae468d01a3f362318");
    static final BigInteger N = new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);

    static Stream<Secp256k1KeccakSuite> backends() {
        return Stream.of(Secp256k1KeccakSuite.nativeBacked(), Secp256k1KeccakSuite.pureJava());
    }

    @Test
    void libsecp256k1LoadsOnLinux() {
        assertThat(Secp256k1KeccakSuite.nativeAvailable()).isTrue();
        assertThat(Secp256k1KeccakSuite.instance().backend()).isEqualTo("libsecp256k1");
        assertThat(Secp256k1KeccakSuite.pureJava().backend()).isEqualTo("bouncycastle");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void knownPrivateKeyGivesItsKnownAddress(Secp256k1KeccakSuite suite) {
        KeyPair kp = suite.keyPair(KEY);
        assertThat(suite.address(kp.publicKey()).toChecksumHex())
                .isEqualTo("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23");
    }

    /** web3.js documentation: accounts.sign('Some data', KEY), an Ethereum signed message. */
    @ParameterizedTest
    @MethodSource("backends")
    void signingReproducesTheWeb3Vector(Secp256k1KeccakSuite suite) {
        byte[] prefixed = ("\u0019Ethereum Signed Message:\n9Some data").getBytes(StandardCharsets.UTF_8);
        byte[] hash = suite.hash(prefixed);
        assertThat(Hex.encode(hash)).isEqualTo("0x1da44b586eb0729ff70a73c326926f6ed5a25f5b056e7f47fbc6e58d86871655");

        Signature sig = suite.sign(hash, suite.keyPair(KEY));

        assertThat(sig.r().toHex()).isEqualTo("0xb91467e570a6466aa9e9876cbcd013baba02900b8979d43fe208a4a4f339f5fd");
        assertThat(sig.s().toHex()).isEqualTo("0x6007e74cd82e037b800186422fc2da167c747ef045e5d18a5f5d4300f8e1a029");
        assertThat(sig.recoveryId()).isEqualTo(1); // v = 0x1c
        assertThat(suite.recoverAddress(hash, sig))
                .isEqualTo(Address.fromHex("0x2c7536E3605D9C16a7a3D7b1898e529396a65c23"));
    }

    /** go-ethereum's ecRecover precompile vector "ValidKey" (v = 28). */
    @ParameterizedTest
    @MethodSource("backends")
    void ecrecoverReproducesGethsPrecompileVector(Secp256k1KeccakSuite suite) {
        byte[] hash = Hex.decode("456e9aea5e197a1f1af7a3e85a3212fa4049a3ba34c2289b4c860fc0b0c64ef3");
        byte[] r = Hex.decode("9242685bf161793cc25603c231bc2f568eb630ea16aa137d2664ac8038825608");
        byte[] s = Hex.decode("4f8ae3bd7535248d0bd448298cc2e2071e56992d0774dc340c368ae950852ada");

        assertThat(suite.ecrecover(hash, r, s, 1))
                .contains(Address.fromHex("0x7156526fbd7a3c72969b54f64e42c10fbb768c8a"));
    }

    /** The widely used RFC 6979 secp256k1 vector: key 1, message SHA-256("Satoshi Nakamoto"), low s. */
    @ParameterizedTest
    @MethodSource("backends")
    void signingIsRfc6979WithLowS(Secp256k1KeccakSuite suite) throws Exception {
        byte[] one = new byte[32];
        one[31] = 1;
        byte[] hash = MessageDigest.getInstance("SHA-256")
                .digest("Satoshi Nakamoto".getBytes(StandardCharsets.US_ASCII));

        Signature sig = suite.sign(hash, suite.keyPair(one));

        assertThat(sig.r().toHex()).isEqualTo("0x934b1ea10a4b3c1757e2b0c017d0b6143ce3c9a7e6a4a49860d7a6ab210ee3d8");
        assertThat(sig.s().toHex()).isEqualTo("0x2442ce9d2b916064108014783e923ec36b49743e2ffa1c4496f01a512aafd9e5");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void signatureVerifiesAndRecoversItsSigner(Secp256k1KeccakSuite suite) {
        KeyPair kp = suite.generateKeyPair(new SecureRandom());
        byte[] hash = suite.hash("hello".getBytes(StandardCharsets.US_ASCII));
        Signature sig = suite.sign(hash, kp);

        assertThat(suite.verify(hash, sig, kp.publicKey())).isTrue();
        assertThat(suite.recover(hash, sig)).isEqualTo(kp.publicKey());
        assertThat(suite.recoverAddress(hash, sig.r().unsafeArray(), sig.s().unsafeArray(), sig.recoveryId()))
                .isEqualTo(suite.address(kp.publicKey()));
        assertThat(suite.ecrecover(hash, sig.r().unsafeArray(), sig.s().unsafeArray(), sig.recoveryId()))
                .contains(suite.address(kp.publicKey()));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void tamperedSignatureDoesNotVerifyOrRecoverTheSigner(Secp256k1KeccakSuite suite) {
        KeyPair kp = suite.keyPair(KEY);
        byte[] hash = suite.hash(new byte[]{1, 2, 3});
        Signature sig = suite.sign(hash, kp);
        byte[] otherHash = hash.clone();
        otherHash[0] ^= 1;
        byte[] r = sig.r().toArray();
        r[31] ^= 1;
        Signature tamperedR = Signature.secp256k1(Bytes32.wrap(r), sig.s(), sig.recoveryId());
        Signature flippedId = Signature.secp256k1(sig.r(), sig.s(), sig.recoveryId() ^ 1);

        assertThat(suite.verify(otherHash, sig, kp.publicKey())).isFalse();
        assertThat(suite.verify(hash, tamperedR, kp.publicKey())).isFalse();
        assertThat(suite.verify(hash, sig, suite.keyPair(Hex.decode("01".repeat(32))).publicKey())).isFalse();
        for (Signature bad : List.of(tamperedR, flippedId)) {
            Address recovered;
            try {
                recovered = suite.recoverAddress(hash, bad);
            } catch (InvalidSignatureException e) {
                continue;
            }
            assertThat(recovered).isNotEqualTo(suite.address(kp.publicKey()));
        }
        assertThat(suite.recoverAddress(otherHash, sig)).isNotEqualTo(suite.address(kp.publicKey()));
    }

    @ParameterizedTest
    @MethodSource("backends")
    void highSIsRejectedByEip2PathsButRecoveredByEcrecover(Secp256k1KeccakSuite suite) {
        KeyPair kp = suite.keyPair(KEY);
        byte[] hash = suite.hash(new byte[]{42});
        Signature sig = suite.sign(hash, kp);
        byte[] highS = toWord(N.subtract(new BigInteger(1, sig.s().unsafeArray())));
        int highId = sig.recoveryId() ^ 1;
        Signature high = Signature.secp256k1(sig.r(), Bytes32.wrap(highS), highId);
        Address signer = suite.address(kp.publicKey());

        assertThatThrownBy(() -> suite.recover(hash, high)).isInstanceOf(InvalidSignatureException.class)
                .hasMessageContaining("EIP-2");
        assertThatThrownBy(() -> suite.recoverAddress(hash, sig.r().unsafeArray(), highS, highId))
                .isInstanceOf(InvalidSignatureException.class);
        assertThat(suite.verify(hash, high, kp.publicKey())).isFalse();
        assertThat(suite.recoverAddress(hash, sig.r().unsafeArray(), highS, highId, true)).isEqualTo(signer);
        assertThat(suite.ecrecover(hash, sig.r().unsafeArray(), highS, highId)).contains(signer);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void outOfRangeValuesAreRejectedEverywhere(Secp256k1KeccakSuite suite) {
        KeyPair kp = suite.keyPair(KEY);
        byte[] hash = suite.hash(new byte[0]);
        Signature good = suite.sign(hash, kp);
        byte[] zero = new byte[32];
        byte[] n = toWord(N);
        byte[] nPlusOne = toWord(N.add(BigInteger.ONE));
        byte[] max = Hex.decode("ff".repeat(32));
        for (byte[] bad : List.of(zero, n, nPlusOne, max)) {
            for (boolean badR : new boolean[]{true, false}) {
                byte[] r = badR ? bad : good.r().toArray();
                byte[] s = badR ? good.s().toArray() : bad;
                Signature sig = Signature.secp256k1(Bytes32.wrap(r.clone()), Bytes32.wrap(s.clone()),
                        good.recoveryId());
                assertThatThrownBy(() -> suite.recover(hash, sig)).isInstanceOf(InvalidSignatureException.class);
                assertThatThrownBy(() -> suite.recoverAddress(hash, r, s, good.recoveryId(), true))
                        .isInstanceOf(InvalidSignatureException.class).hasMessageContaining("[1, n-1]");
                assertThat(suite.ecrecover(hash, r, s, good.recoveryId())).isEmpty();
                assertThat(suite.verify(hash, sig, kp.publicKey())).isFalse();
            }
        }
        for (int recoveryId : new int[]{-1, 2, 3, 4}) { // like geth: Ethereum's v and yParity only express 0 and 1
            assertThat(suite.ecrecover(hash, good.r().toArray(), good.s().toArray(), recoveryId)).isEmpty();
            assertThatThrownBy(() -> suite.recoverAddress(hash, good.r().toArray(), good.s().toArray(), recoveryId))
                    .isInstanceOf(InvalidSignatureException.class).hasMessageContaining("recovery id must be 0 or 1");
        }
    }

    @ParameterizedTest
    @MethodSource("backends")
    void signatureCarryingAPublicKeyIsNotASecp256k1Signature(Secp256k1KeccakSuite suite) {
        KeyPair kp = suite.keyPair(KEY);
        byte[] hash = suite.hash(new byte[]{7});
        Signature sig = suite.sign(hash, kp);
        Signature sm2Shaped = new Signature(sig.r(), sig.s(), sig.recoveryId(), kp.publicKey().xy());

        assertThat(suite.verify(hash, sm2Shaped, kp.publicKey())).isFalse();
        assertThatThrownBy(() -> suite.recover(hash, sm2Shaped)).isInstanceOf(InvalidSignatureException.class)
                .hasMessageContaining("not a secp256k1-keccak signature");
    }

    @ParameterizedTest
    @MethodSource("backends")
    void privateKeysOutsideOneToNMinusOneAreRejected(Secp256k1KeccakSuite suite) {
        assertThatThrownBy(() -> suite.keyPair(new byte[32])).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> suite.keyPair(toWord(N))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> suite.keyPair(new byte[31])).isInstanceOf(IllegalArgumentException.class);
        assertThat(suite.keyPair(toWord(N.subtract(BigInteger.ONE))).publicKey().xy().size()).isEqualTo(64);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void signingWithAMismatchedKeyPairFails(Secp256k1KeccakSuite suite) {
        KeyPair a = suite.keyPair(KEY);
        KeyPair b = suite.keyPair(Hex.decode("02".repeat(32)));
        KeyPair mixed = new KeyPair(a.privateKey(), b.publicKey());
        assertThatThrownBy(() -> suite.sign(new byte[32], mixed)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void offCurvePublicKeyNeverVerifies(Secp256k1KeccakSuite suite) {
        byte[] hash = suite.hash(new byte[]{9});
        Signature sig = suite.sign(hash, suite.keyPair(KEY));
        assertThat(suite.verify(hash, sig, new PublicKey(Bytes.wrap(new byte[64])))).isFalse();
    }

    /** Sender recovery runs on a verification pool, so both backends must be safe to share between threads. */
    @ParameterizedTest
    @MethodSource("backends")
    void recoveryGivesTheSameAnswersFromManyThreads(Secp256k1KeccakSuite suite) throws Exception {
        int signers = 16;
        byte[][] hashes = new byte[signers][];
        Signature[] sigs = new Signature[signers];
        Address[] expected = new Address[signers];
        for (int i = 0; i < signers; i++) {
            KeyPair kp = suite.keyPair(toWord(BigInteger.valueOf(1000 + i)));
            hashes[i] = suite.hash(new byte[]{(byte) i});
            sigs[i] = suite.sign(hashes[i], kp);
            expected[i] = suite.address(kp.publicKey());
        }
        try (var pool = Executors.newFixedThreadPool(4)) {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 10; round++)
                        for (int i = 0; i < signers; i++)
                            if (!suite.recoverAddress(hashes[i], sigs[i]).equals(expected[i]))
                                return false;
                    return true;
                }));
            }
            for (var r : results)
                assertThat(r.get()).isTrue();
        }
    }

    static byte[] toWord(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[32];
        int len = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - len, out, 32 - len, len);
        return out;
    }

    @ParameterizedTest
    @MethodSource("backends")
    void everyRecoveryRefusesAMessageHashThatIsNot32Bytes(Secp256k1KeccakSuite suite) {
        byte[] hash = suite.hash("message".getBytes(StandardCharsets.UTF_8));
        Signature sig = suite.sign(hash, suite.keyPair(KEY));
        byte[] r = sig.r().toArray();
        byte[] s = sig.s().toArray();
        for (byte[] wrong : List.of(java.util.Arrays.copyOf(hash, 31), java.util.Arrays.copyOf(hash, 33))) {
            assertThatThrownBy(() -> suite.recoverAddress(wrong, sig)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("a message hash is 32 bytes, got " + wrong.length);
            assertThatThrownBy(() -> suite.recover(wrong, sig)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("a message hash is 32 bytes");
            assertThatThrownBy(() -> suite.recoverAddress(wrong, r, s, sig.recoveryId()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a message hash is 32 bytes");
            assertThatThrownBy(() -> suite.ecrecover(wrong, r, s, sig.recoveryId()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a message hash is 32 bytes");
        }
        assertThat(suite.ecrecover(hash, r, s, sig.recoveryId())).contains(suite.address(suite.keyPair(KEY)
                .publicKey()));
        assertThat(suite.name()).isEqualTo("secp256k1-keccak").isEqualTo(Secp256k1KeccakSuite.NAME);
    }

    @ParameterizedTest
    @MethodSource("backends")
    void signingAndVerifyingRefuseAMessageHashThatIsNot32Bytes(Secp256k1KeccakSuite suite) {
        KeyPair key = suite.keyPair(KEY);
        byte[] hash = suite.hash("message".getBytes(StandardCharsets.UTF_8));
        Signature sig = suite.sign(hash, key);
        byte[] shortHash = java.util.Arrays.copyOf(hash, 31);
        assertThatThrownBy(() -> suite.sign(shortHash, key)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("a message hash is 32 bytes, got 31");
        assertThatThrownBy(() -> suite.verify(shortHash, sig, key.publicKey()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("a message hash is 32 bytes");
        assertThat(suite.verify(hash, sig, key.publicKey())).isTrue();
        assertThat(suite.toString()).isEqualTo("secp256k1-keccak[" + suite.backend() + "]");
    }
}
