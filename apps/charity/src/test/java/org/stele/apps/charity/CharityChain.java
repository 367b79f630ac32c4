package org.stele.apps.charity;

import org.stele.sdk.contracts.ContractError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stele.apps.charity.CharityEvent.Position;
import org.stele.chain.Log;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.crypto.KeyPair;
import org.stele.testchain.TestChain;
import org.stele.testkit.TestKeys;
import org.stele.testchain.TestSenders;

/**
 * Charity deployed on a {@link TestChain}, in Stele's own EVM. Each transaction is first run on the head state to read
 * its revert data (a receipt does not keep it), then mined when it succeeds, so a test sees either the events or the
 * custom error.
 */
final class CharityChain {
    static final BigInteger ETHER = BigInteger.TEN.pow(18);
    static final KeyPair OPERATOR = TestKeys.named("charity-operator");
    static final KeyPair ORG_ADMIN = TestKeys.named("charity-org-admin");
    static final KeyPair DONOR_1 = TestKeys.named("charity-donor-1");
    static final KeyPair DONOR_2 = TestKeys.named("charity-donor-2");
    static final KeyPair BENEFICIARY_A = TestKeys.named("charity-beneficiary-a");
    static final KeyPair BENEFICIARY_B = TestKeys.named("charity-beneficiary-b");
    static final KeyPair STRANGER = TestKeys.named("charity-stranger");
    private static final List<KeyPair> FUNDED = List.of(OPERATOR, ORG_ADMIN, DONOR_1, DONOR_2, BENEFICIARY_A,
            BENEFICIARY_B, STRANGER);

    /** What a transaction did: its events when mined, or the error it was refused with (then it is not mined). */
    record Outcome(String transaction, List<CharityEvent> events, Optional<ContractError> refusal,
            String created) {
        boolean succeeded() {
            return refusal.isEmpty();
        }
    }

    private final TestSenders senders;
    private final List<CharityEvent> history = new ArrayList<>();
    final String charity;

    CharityChain() {
        senders = new TestSenders(new TestChain(TestSenders.funded(FUNDED, ETHER.multiply(BigInteger.valueOf(1000)))));
        charity = send(OPERATOR, null, CharityContracts.CHARITY.bytecode(), BigInteger.ZERO).created();
    }

    static String address(KeyPair key) {
        return TestKeys.address(key).toHex();
    }

    /** Sends from {@code from}; {@code to} null creates a contract. */
    Outcome send(KeyPair from, String to, String data, BigInteger value) {
        TestSenders.Sent sent = senders.send(from, Optional.ofNullable(to).map(Address::fromHex), Bytes.fromHex(data),
                value, 3_000_000);
        if (!sent.succeeded()) {
            String output = sent.revert().orElseThrow().toHex();
            return new Outcome(sent.hash(), List.of(), Optional.of(CharityContracts.ERRORS.decode(output)
                    .orElseThrow(() -> new AssertionError("reverted without a known error: " + output))), null);
        }
        List<CharityEvent> events = new ArrayList<>();
        long index = 0;
        for (Log log : sent.logs()) {
            Position at = new Position(sent.block(), index++, sent.hash());
            if (charity == null || log.address().toHex().equals(charity)) {
                CharityEvents.decode(at, log.topics().stream().map(t -> t.toHex()).toList(), log.data().toHex())
                        .ifPresent(events::add);
            }
        }
        history.addAll(events);
        return new Outcome(sent.hash(), events, Optional.empty(), sent.created().map(Address::toHex).orElse(null));
    }

    Outcome charity(KeyPair from, String data) {
        return send(from, charity, data, BigInteger.ZERO);
    }

    Outcome charity(KeyPair from, String data, BigInteger value) {
        return send(from, charity, data, value);
    }

    /** Runs a read-only call on the head state and answers its output. */
    String call(String to, String data) {
        return senders.call(STRANGER, Address.fromHex(to), Bytes.fromHex(data)).toHex();
    }

    BigInteger balance(String account) {
        return senders.world().account(Address.fromHex(account)).balance();
    }

    /** Mines empty blocks until the head's timestamp is at least {@code timestamp} (each block is one second on). */
    void advanceTo(long timestamp) {
        senders.advanceTo(timestamp);
    }

    /** Every Charity event mined so far, in chain order. */
    List<CharityEvent> events() {
        return List.copyOf(history);
    }

    long now() {
        return senders.chain().head().timestamp();
    }
}
