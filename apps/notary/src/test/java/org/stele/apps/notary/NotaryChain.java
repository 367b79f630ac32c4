package org.stele.apps.notary;

import org.stele.sdk.contracts.ContractError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stele.apps.notary.NotaryEvent.Position;
import org.stele.chain.Log;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.crypto.KeyPair;
import org.stele.testchain.TestChain;
import org.stele.testkit.TestChainSpec;
import org.stele.testkit.TestKeys;
import org.web3j.crypto.ECKeyPair;
import org.stele.testchain.TestSenders;

/**
 * Notary deployed on a {@link TestChain}, in Stele's own EVM. Each transaction is first run on the head state to read
 * its revert data (a receipt does not keep it), then mined when it succeeds, so a test sees either the events or the
 * custom error.
 */
final class NotaryChain {
    static final BigInteger ETHER = BigInteger.TEN.pow(18);
    static final KeyPair OWNER = TestKeys.named("notary-owner");
    static final KeyPair ALICE = TestKeys.named("notary-alice");
    static final KeyPair BOB = TestKeys.named("notary-bob");
    static final KeyPair CAROL = TestKeys.named("notary-carol");
    static final KeyPair STRANGER = TestKeys.named("notary-stranger");
    private static final List<KeyPair> FUNDED = List.of(OWNER, ALICE, BOB, CAROL, STRANGER);

    /** What a transaction did: its events when mined, or the error it was refused with (then it is not mined). */
    record Outcome(String transaction, List<NotaryEvent> events, Optional<ContractError> refusal,
            String created) {}

    private final TestSenders senders;
    final String notary;

    NotaryChain() {
        senders = new TestSenders(new TestChain(TestSenders.funded(FUNDED, ETHER.multiply(BigInteger.valueOf(1000)))));
        notary = send(OWNER, null, NotaryContracts.NOTARY.bytecode()).created();
    }

    static String address(KeyPair key) {
        return TestKeys.address(key).toHex();
    }

    static ECKeyPair web3jKey(KeyPair key) {
        return ECKeyPair.create(key.privateKey().unsafeArray());
    }

    static long chainId() {
        return TestChainSpec.CHAIN_ID;
    }

    /** Sends from {@code from}; {@code to} null creates a contract. */
    Outcome send(KeyPair from, String to, String data) {
        TestSenders.Sent sent = senders.send(from, Optional.ofNullable(to).map(Address::fromHex), Bytes.fromHex(data),
                BigInteger.ZERO, 8_000_000);
        if (!sent.succeeded()) {
            String output = sent.revert().orElseThrow().toHex();
            return new Outcome(sent.hash(), List.of(), Optional.of(NotaryContracts.ERRORS.decode(output)
                    .orElseThrow(() -> new AssertionError("reverted without a known error: " + output))), null);
        }
        List<NotaryEvent> events = new ArrayList<>();
        long index = 0;
        for (Log log : sent.logs()) {
            Position at = new Position(sent.block(), index++, sent.hash());
            NotaryEvents.decode(at, log.topics().stream().map(t -> t.toHex()).toList(), log.data().toHex())
                    .ifPresent(events::add);
        }
        return new Outcome(sent.hash(), events, Optional.empty(), sent.created().map(Address::toHex).orElse(null));
    }

    Outcome notary(KeyPair from, String data) {
        return send(from, notary, data);
    }

    /** Runs a read-only call on the head state and answers its output. */
    String call(String data) {
        return senders.call(STRANGER, Address.fromHex(notary), Bytes.fromHex(data)).toHex();
    }

    long head() {
        return senders.chain().head().number();
    }
}
