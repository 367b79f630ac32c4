package org.stele.apps.points;

import org.stele.sdk.contracts.ContractError;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stele.apps.points.PointsEvent.Position;
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
 * PointsToken and its forwarder deployed on a {@link TestChain}, in Stele's own EVM. Each transaction is first run on
 * the head state to read its revert data (a receipt does not keep it), then mined when it succeeds, so a test sees
 * either the events or the custom error. Only the admin and the relayer hold native coin: holders never need any.
 */
final class PointsChain {
    static final BigInteger ETHER = BigInteger.TEN.pow(18);
    static final KeyPair ADMIN = TestKeys.named("points-admin");
    static final KeyPair ISSUER = TestKeys.named("points-issuer");
    static final KeyPair MERCHANT = TestKeys.named("points-merchant");
    static final KeyPair RELAYER = TestKeys.named("points-relayer");
    static final KeyPair ALICE = TestKeys.named("points-alice");
    static final KeyPair BOB = TestKeys.named("points-bob");
    static final KeyPair STRANGER = TestKeys.named("points-stranger");
    private static final List<KeyPair> FUNDED = List.of(ADMIN, ISSUER, MERCHANT, RELAYER, STRANGER);

    /** What a transaction did: its events when mined, or the error it was refused with (then it is not mined). */
    record Outcome(String transaction, List<PointsEvent> events, Optional<ContractError> refusal,
            String created) {
        boolean succeeded() {
            return refusal.isEmpty();
        }
    }

    private final TestSenders senders;
    final String forwarder;
    final String token;

    PointsChain() {
        senders = new TestSenders(new TestChain(TestSenders.funded(FUNDED, ETHER.multiply(BigInteger.valueOf(1000)))));
        forwarder = send(ADMIN, null, PointsCalls.deployForwarder()).created();
        token = send(ADMIN, null, PointsCalls.deployToken("Paw Points", "PAW", forwarder)).created();
    }

    static String address(KeyPair key) {
        return TestKeys.address(key).toHex();
    }

    static ECKeyPair web3Key(KeyPair key) {
        return ECKeyPair.create(key.privateKey().toArray());
    }

    long chainId() {
        return TestChainSpec.CHAIN_ID;
    }

    /** Sends from {@code from}; {@code to} null creates a contract. */
    Outcome send(KeyPair from, String to, String data) {
        TestSenders.Sent sent = senders.send(from, Optional.ofNullable(to).map(Address::fromHex), Bytes.fromHex(data),
                BigInteger.ZERO, 5_000_000);
        if (!sent.succeeded()) {
            String output = sent.revert().orElseThrow().toHex();
            return new Outcome(sent.hash(), List.of(), Optional.of(PointsContracts.ERRORS.decode(output)
                    .orElseThrow(() -> new AssertionError("reverted without a known error: " + output))), null);
        }
        List<PointsEvent> events = new ArrayList<>();
        long index = 0;
        for (Log log : sent.logs()) {
            Position at = new Position(sent.block(), index++, sent.hash());
            PointsEvents.decode(at, log.topics().stream().map(t -> t.toHex()).toList(), log.data().toHex())
                    .ifPresent(events::add);
        }
        return new Outcome(sent.hash(), events, Optional.empty(), sent.created().map(Address::toHex).orElse(null));
    }

    Outcome token(KeyPair from, String data) {
        return send(from, token, data);
    }

    /** A request from {@code holder} to call {@code data} on the token, with its current forwarder nonce. */
    ForwardRequest.Signed request(KeyPair holder, String data, long deadline) {
        BigInteger nonce = uint(call(forwarder, ForwardRequest.nonces(address(holder))));
        return new ForwardRequest(address(holder), token, BigInteger.ZERO, BigInteger.valueOf(200_000), nonce, deadline,
                data).sign(web3Key(holder), chainId(), forwarder);
    }

    /** The relayer submits the holder's signed request through the forwarder, paying the gas. */
    Outcome relay(ForwardRequest.Signed request) {
        return send(RELAYER, forwarder, ForwardRequest.execute(request));
    }

    /** Runs a read-only call on the head state and answers its output. */
    String call(String to, String data) {
        return senders.call(STRANGER, Address.fromHex(to), Bytes.fromHex(data)).toHex();
    }

    static BigInteger uint(String output) {
        return new BigInteger(output.substring(2), 16);
    }

    BigInteger points(KeyPair holder) {
        return uint(call(token, PointsCalls.balanceOf(address(holder))));
    }

    BigInteger coins(KeyPair account) {
        var info = senders.world().account(TestKeys.address(account));
        return info == null ? BigInteger.ZERO : info.balance();
    }

    long now() {
        return senders.chain().head().timestamp();
    }

    /** Mines empty blocks until the head's timestamp is at least {@code timestamp} (each block is one second on). */
    void advanceTo(long timestamp) {
        senders.advanceTo(timestamp);
    }
}
