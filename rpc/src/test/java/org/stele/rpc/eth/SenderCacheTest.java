package org.stele.rpc.eth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import java.security.SecureRandom;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.stele.chain.tx.InvalidTransactionException;
import org.stele.chain.tx.Transaction;
import org.stele.chain.tx.TransactionSignature;
import org.stele.common.Address;
import org.stele.common.crypto.CryptoSuite;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.PublicKey;
import org.stele.common.crypto.Secp256k1KeccakSuite;
import org.stele.common.crypto.Signature;
import org.stele.testkit.TestKeys;
import org.stele.testkit.TxBuilder;

class SenderCacheTest {
    private static final Secp256k1KeccakSuite REAL = Secp256k1KeccakSuite.instance();
    private static final KeyPair KEY = TestKeys.DEV_0;
    private static final Address SENDER = REAL.address(KEY.publicKey());

    /** The real suite, counting how often a public key is recovered. */
    private static final class CountingSuite implements CryptoSuite {
        final AtomicInteger recoveries = new AtomicInteger();

        @Override
        public String name() {
            return REAL.name();
        }

        @Override
        public byte[] hash(byte[] data) {
            return REAL.hash(data);
        }

        @Override
        public KeyPair generateKeyPair(SecureRandom random) {
            return REAL.generateKeyPair(random);
        }

        @Override
        public KeyPair keyPair(byte[] privateKey) {
            return REAL.keyPair(privateKey);
        }

        @Override
        public Signature sign(byte[] messageHash, KeyPair key) {
            return REAL.sign(messageHash, key);
        }

        @Override
        public boolean verify(byte[] messageHash, Signature signature, PublicKey publicKey) {
            return REAL.verify(messageHash, signature, publicKey);
        }

        @Override
        public PublicKey recover(byte[] messageHash, Signature signature) {
            recoveries.incrementAndGet();
            return REAL.recover(messageHash, signature);
        }

        @Override
        public Address address(PublicKey publicKey) {
            return REAL.address(publicKey);
        }
    }

    private static Transaction unsigned(long nonce) {
        return TxBuilder.feeMarket().nonce(nonce).to(SENDER).value(1).unsigned();
    }

    @Test
    void aTransactionsSenderIsRecoveredOnceAndThenServedFromTheCache() {
        CountingSuite suite = new CountingSuite();
        SenderCache cache = new SenderCache();
        Transaction tx = unsigned(0).sign(KEY, REAL);

        assertThat(cache.sender(tx, tx.hash(suite), suite)).isEqualTo(SENDER);
        assertThat(cache.sender(tx, tx.hash(suite), suite)).isEqualTo(SENDER);
        assertThat(suite.recoveries).hasValue(1);
    }

    @Test
    void aSenderRememberedOnAdmissionIsNeverRecovered() {
        CountingSuite suite = new CountingSuite();
        SenderCache cache = new SenderCache();
        Transaction tx = unsigned(1).sign(KEY, REAL);

        cache.remember(tx.hash(suite), SENDER);

        assertThat(cache.sender(tx, tx.hash(suite), suite)).isEqualTo(SENDER);
        assertThat(suite.recoveries).hasValue(0);
    }

    @Test
    void aSignatureThatYieldsNoSenderFailsEveryTimeAndIsNotCached() {
        CountingSuite suite = new CountingSuite();
        SenderCache cache = new SenderCache();
        // r = s = 0 is no signature: nothing can be recovered from it.
        Transaction tx = unsigned(2).withSignature(new TransactionSignature(0, BigInteger.ZERO, BigInteger.ZERO));

        for (int i = 0; i < 2; i++)
            assertThatThrownBy(() -> cache.sender(tx, tx.hash(suite), suite))
                    .isInstanceOf(InvalidTransactionException.class);
        assertThat(suite.recoveries).hasValue(2);
    }

    @Test
    void theNodesJsonSharesOneCacheAcrossRequests() {
        CountingSuite suite = new CountingSuite();
        SenderCache cache = new SenderCache();
        Transaction tx = unsigned(3).sign(KEY, REAL);

        assertThat(new EthJson(suite, cache).transaction(tx, Optional.empty(), 0).get("from").asText())
                .isEqualTo(SENDER.toHex());
        assertThat(new EthJson(suite, cache).transaction(tx, Optional.empty(), 0).get("from").asText())
                .isEqualTo(SENDER.toHex());
        assertThat(suite.recoveries).hasValue(1);
    }
}
