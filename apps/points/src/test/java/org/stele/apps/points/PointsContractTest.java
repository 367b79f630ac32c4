package org.stele.apps.points;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stele.apps.points.PointsChain.ADMIN;
import static org.stele.apps.points.PointsChain.ALICE;
import static org.stele.apps.points.PointsChain.BOB;
import static org.stele.apps.points.PointsChain.ISSUER;
import static org.stele.apps.points.PointsChain.MERCHANT;
import static org.stele.apps.points.PointsChain.RELAYER;
import static org.stele.apps.points.PointsChain.STRANGER;
import static org.stele.apps.points.PointsChain.address;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stele.apps.points.PointsChain.Outcome;
import org.stele.apps.points.PointsEvent.ForwardExecuted;
import org.stele.apps.points.PointsEvent.Issued;
import org.stele.apps.points.PointsEvent.Redeemed;
import org.stele.apps.points.PointsEvent.Transfer;

/** Every rule of PointsToken.sol and PointsForwarder.sol and each of their custom errors, in Stele's EVM. */
class PointsContractTest {
    private static final String ZERO = "0x0000000000000000000000000000000000000000";
    private final PointsChain chain = new PointsChain();

    private static BigInteger n(long v) {
        return BigInteger.valueOf(v);
    }

    private static void assertRefused(Outcome o, String error, String... args) {
        assertThat(o.refusal()).as("refusal").isPresent();
        assertThat(o.refusal().get().name()).isEqualTo(error);
        if (args.length > 0) assertThat(o.refusal().get().arguments()).containsExactly(args);
    }

    /** The issuer may mint 1,000 and has given Alice 100. */
    private void aliceHas100() {
        chain.token(ADMIN, PointsCalls.grantRole(PointsCalls.ISSUER_ROLE, address(ISSUER)));
        chain.token(ADMIN, PointsCalls.setIssuerCap(address(ISSUER), n(1000)));
        assertThat(chain.token(ISSUER, PointsCalls.issue(address(ALICE), n(100), "adoption #1")).succeeded())
                .isTrue();
    }

    private void merchantIsARedeemer() {
        chain.token(ADMIN, PointsCalls.grantRole(PointsCalls.REDEEMER_ROLE, address(MERCHANT)));
    }

    private long later() {
        return chain.now() + 3600;
    }

    @Test
    void pointsAreWholeAndTheDeployerHoldsEveryRole() {
        assertThat(PointsChain.uint(chain.call(chain.token, "0x313ce567"))).isZero();
        for (String role : List.of("0x" + "00".repeat(32), PointsCalls.ISSUER_ROLE, PointsCalls.REDEEMER_ROLE,
                PointsCalls.PAUSER_ROLE)) {
            String hasRole = "0x91d14854" + role.substring(2) + "0".repeat(24) + address(ADMIN).substring(2);
            assertThat(PointsChain.uint(chain.call(chain.token, hasRole))).as(role).isEqualTo(BigInteger.ONE);
        }
    }

    @Test
    void aTokenNeedsATrustedForwarder() {
        assertRefused(chain.send(ADMIN, null, PointsCalls.deployToken("P", "P", ZERO)), "ZeroAddress");
    }

    @Test
    void theAdminSetsAnIssuersCapAndTheEventSaysSo() {
        Outcome o = chain.token(ADMIN, PointsCalls.setIssuerCap(address(ISSUER), n(500)));

        assertThat(o.events()).singleElement()
                .isEqualTo(new PointsEvent.IssuerCapSet(o.events().get(0).position(), address(ISSUER), n(500)));
        assertThat(PointsChain.uint(chain.call(chain.token, PointsCalls.issuerCap(address(ISSUER))))).isEqualTo(n(500));
    }

    @Test
    void onlyTheAdminSetsCapsForARealIssuerAndNeverBelowWhatItIssued() {
        assertRefused(chain.token(STRANGER, PointsCalls.setIssuerCap(address(STRANGER), n(5))),
                "AccessControlUnauthorizedAccount", address(STRANGER), "0x" + "00".repeat(32));
        assertRefused(chain.token(ADMIN, PointsCalls.setIssuerCap(ZERO, n(5))), "ZeroAddress");
        aliceHas100();
        assertRefused(chain.token(ADMIN, PointsCalls.setIssuerCap(address(ISSUER), n(99))), "CapBelowIssued",
                address(ISSUER), "99", "100");
        assertThat(chain.token(ADMIN, PointsCalls.setIssuerCap(address(ISSUER), n(100))).succeeded()).isTrue();
    }

    @Test
    void anIssuerIssuesWithinItsCapAndTheEventsNameIssuerHolderAndReference() {
        chain.token(ADMIN, PointsCalls.grantRole(PointsCalls.ISSUER_ROLE, address(ISSUER)));
        chain.token(ADMIN, PointsCalls.setIssuerCap(address(ISSUER), n(150)));

        Outcome o = chain.token(ISSUER, PointsCalls.issue(address(ALICE), n(100), "adoption #1"));

        assertThat(o.events()).hasSize(2);
        assertThat(o.events().get(0))
                .isEqualTo(new Transfer(o.events().get(0).position(), ZERO, address(ALICE), n(100)));
        assertThat(o.events().get(1))
                .isEqualTo(new Issued(o.events().get(1).position(), address(ISSUER), address(ALICE), n(100),
                        "adoption #1"));
        assertThat(chain.points(ALICE)).isEqualTo(n(100));
        assertRefused(chain.token(ISSUER, PointsCalls.issue(address(BOB), n(51), "too many")), "IssuerCapExceeded",
                address(ISSUER), "150", "100", "51");
        assertThat(chain.token(ISSUER, PointsCalls.issue(address(BOB), n(50), "the rest")).succeeded()).isTrue();
    }

    @Test
    void capsArePerIssuerAndOnlyIssuersIssuePositiveAmounts() {
        aliceHas100();
        // The admin holds ISSUER_ROLE but no cap of its own: the issuer's cap is not shared.
        assertRefused(chain.token(ADMIN, PointsCalls.issue(address(ALICE), n(1), "x")), "IssuerCapExceeded",
                address(ADMIN), "0", "0", "1");
        assertRefused(chain.token(STRANGER, PointsCalls.issue(address(STRANGER), n(1), "x")),
                "AccessControlUnauthorizedAccount", address(STRANGER), PointsCalls.ISSUER_ROLE);
        assertRefused(chain.token(ISSUER, PointsCalls.issue(address(ALICE), n(0), "x")), "ZeroAmount");
        assertRefused(chain.token(ISSUER, PointsCalls.issue(ZERO, n(1), "x")), "ERC20InvalidReceiver", ZERO);
    }

    @Test
    void aHolderWithoutCoinSendsPointsThroughTheForwarderAndTheRelayerPaysTheGas() {
        aliceHas100();
        BigInteger relayerBefore = chain.coins(RELAYER);

        Outcome o = chain.relay(chain.request(ALICE, PointsCalls.transfer(address(BOB), n(30)), later()));

        assertThat(o.events()).hasSize(2);
        assertThat(o.events().get(0))
                .isEqualTo(new Transfer(o.events().get(0).position(), address(ALICE), address(BOB), n(30)));
        assertThat(o.events().get(1))
                .isEqualTo(new ForwardExecuted(o.events().get(1).position(), address(ALICE), n(0), true));
        assertThat(chain.points(ALICE)).isEqualTo(n(70));
        assertThat(chain.points(BOB)).isEqualTo(n(30));
        assertThat(chain.coins(ALICE)).isZero();
        assertThat(chain.coins(RELAYER)).isLessThan(relayerBefore);
    }

    @Test
    void aForwardedCallThatTheTokenRefusesRevertsTheWholeExecute() {
        aliceHas100();
        assertRefused(chain.relay(chain.request(ALICE, PointsCalls.transfer(address(BOB), n(101)), later())),
                "FailedCall");
        assertRefused(chain.token(STRANGER, PointsCalls.transfer(address(BOB), n(1))), "ERC20InsufficientBalance",
                address(STRANGER), "0", "1");
        assertThat(chain.points(ALICE)).isEqualTo(n(100));
    }

    @Test
    void theForwarderRefusesATamperedAnExpiredAReplayedOrAnUntrustedRequest() {
        aliceHas100();
        ForwardRequest.Signed good = chain.request(ALICE, PointsCalls.transfer(address(BOB), n(10)), later());
        ForwardRequest r = good.request();
        ForwardRequest tampered = new ForwardRequest(r.from(), r.to(), r.value(), r.gas(), r.nonce(), r.deadline(),
                PointsCalls.transfer(address(STRANGER), n(10)));
        Outcome forged = chain.relay(new ForwardRequest.Signed(tampered, good.signature()));
        assertRefused(forged, "ERC2771ForwarderInvalidSigner");
        assertThat(forged.refusal().get().arguments().get(1)).isEqualTo(address(ALICE));

        ForwardRequest.Signed expiring = chain.request(ALICE, PointsCalls.transfer(address(BOB), n(10)),
                chain.now() + 2);
        chain.advanceTo(chain.now() + 5);
        assertRefused(chain.relay(expiring), "ERC2771ForwarderExpiredRequest",
                String.valueOf(expiring.request().deadline()));

        ForwardRequest.Signed fresh = chain.request(ALICE, PointsCalls.transfer(address(BOB), n(10)), later());
        assertThat(chain.relay(fresh).succeeded()).isTrue();
        assertRefused(chain.relay(fresh), "ERC2771ForwarderInvalidSigner");

        String otherForwarder = chain.send(ADMIN, null, PointsCalls.deployForwarder()).created();
        String otherToken = chain.send(ADMIN, null, PointsCalls.deployToken("Other", "O", otherForwarder)).created();
        ForwardRequest elsewhere = new ForwardRequest(address(ALICE), otherToken, BigInteger.ZERO, n(100_000),
                n(1), later(), PointsCalls.transfer(address(BOB), n(1)));
        assertRefused(chain.relay(elsewhere.sign(PointsChain.web3Key(ALICE), chain.chainId(), chain.forwarder)),
                "ERC2771UntrustfulTarget", otherToken, chain.forwarder);
        assertThat(chain.points(BOB)).isEqualTo(n(10));
    }

    @Test
    void aBatchRunsSeveralHoldersRequestsInOneTransaction() {
        aliceHas100();
        chain.token(ISSUER, PointsCalls.issue(address(BOB), n(50), "adoption #2"));
        ForwardRequest.Signed fromAlice = chain.request(ALICE, PointsCalls.transfer(address(BOB), n(5)), later());
        ForwardRequest.Signed fromBob = chain.request(BOB, PointsCalls.transfer(address(ALICE), n(7)), later());

        Outcome o = chain.send(RELAYER, chain.forwarder,
                ForwardRequest.executeBatch(List.of(fromAlice, fromBob), address(RELAYER)));

        assertThat(o.events()).filteredOn(ForwardExecuted.class::isInstance)
                .extracting(e -> ((ForwardExecuted) e).success())
                .containsExactly(true, true);
        assertThat(chain.points(ALICE)).isEqualTo(n(102));
        assertThat(chain.points(BOB)).isEqualTo(n(48));
    }

    @Test
    void aHolderRedeemsAtAMerchantWhichBurnsThePoints() {
        aliceHas100();
        merchantIsARedeemer();

        Outcome o = chain.relay(chain.request(ALICE, PointsCalls.redeem(address(MERCHANT), n(40), "order 7"), later()));

        assertThat(o.events()).filteredOn(Redeemed.class::isInstance).singleElement()
                .isEqualTo(new Redeemed(o.events().get(1).position(), address(MERCHANT), address(ALICE), n(40),
                        "order 7"));
        assertThat(o.events().get(0))
                .isEqualTo(new Transfer(o.events().get(0).position(), address(ALICE), ZERO, n(40)));
        assertThat(chain.points(ALICE)).isEqualTo(n(60));
        assertThat(PointsChain.uint(chain.call(chain.token, PointsCalls.totalSupply()))).isEqualTo(n(60));
        assertThat(chain.points(MERCHANT)).isZero();
    }

    @Test
    void pointsAreRedeemedOnlyAtAMerchantForAPositiveAmountTheHolderHas() {
        aliceHas100();
        merchantIsARedeemer();
        chain.token(ISSUER, PointsCalls.issue(address(STRANGER), n(10), "x"));
        assertRefused(chain.token(STRANGER, PointsCalls.redeem(address(BOB), n(1), "x")), "NotAMerchant", address(BOB));
        assertRefused(chain.token(STRANGER, PointsCalls.redeem(address(MERCHANT), n(0), "x")), "ZeroAmount");
        assertRefused(chain.token(STRANGER, PointsCalls.redeem(address(MERCHANT), n(11), "x")),
                "ERC20InsufficientBalance", address(STRANGER), "10", "11");
    }

    @Test
    void aMerchantRedeemsWithTheHoldersPermitAndTheHolderPaysNothing() {
        aliceHas100();
        merchantIsARedeemer();
        Permit permit = new Permit(address(ALICE), address(MERCHANT), n(25), n(0), later());
        String signature = permit.sign(PointsChain.web3Key(ALICE), "Paw Points", chain.chainId(), chain.token);

        Outcome approved = chain.token(MERCHANT, PointsCalls.permit(address(ALICE), address(MERCHANT), n(25),
                permit.deadline(), signature));
        assertThat(approved.events()).singleElement().isInstanceOf(PointsEvent.Approval.class);
        Outcome o = chain.token(MERCHANT, PointsCalls.redeemFrom(address(ALICE), n(25), "till 3"));

        assertThat(o.events()).filteredOn(Redeemed.class::isInstance).singleElement()
                .extracting(e -> ((Redeemed) e).ref())
                .isEqualTo("till 3");
        assertThat(chain.points(ALICE)).isEqualTo(n(75));
        assertThat(chain.coins(ALICE)).isZero();
        assertRefused(chain.token(MERCHANT, PointsCalls.redeemFrom(address(ALICE), n(1), "again")),
                "ERC20InsufficientAllowance", address(MERCHANT), "0", "1");
    }

    @Test
    void aPermitIsRefusedWhenExpiredOrSignedByAnother() {
        aliceHas100();
        merchantIsARedeemer();
        long deadline = chain.now() + 2;
        Permit permit = new Permit(address(ALICE), address(MERCHANT), n(5), n(0), deadline);
        String byBob = permit.sign(PointsChain.web3Key(BOB), "Paw Points", chain.chainId(), chain.token);
        Outcome forged = chain.token(MERCHANT,
                PointsCalls.permit(address(ALICE), address(MERCHANT), n(5), deadline, byBob));
        assertRefused(forged, "ERC2612InvalidSigner");
        assertThat(forged.refusal().get().arguments()).containsExactly(address(BOB), address(ALICE));
        String byAlice = permit.sign(PointsChain.web3Key(ALICE), "Paw Points", chain.chainId(), chain.token);
        chain.advanceTo(deadline + 1);
        assertRefused(
                chain.token(MERCHANT, PointsCalls.permit(address(ALICE), address(MERCHANT), n(5), deadline, byAlice)),
                "ERC2612ExpiredSignature", String.valueOf(deadline));
    }

    @Test
    void onlyAMerchantRedeemsFromAnAllowance() {
        aliceHas100();
        chain.relay(chain.request(ALICE, PointsCalls.approve(address(STRANGER), n(10)), later()));
        assertRefused(chain.token(STRANGER, PointsCalls.redeemFrom(address(ALICE), n(10), "x")), "NotAMerchant",
                address(STRANGER));
    }

    @Test
    void aPauserStopsEveryMovementUntilItResumes() {
        aliceHas100();
        merchantIsARedeemer();
        assertRefused(chain.token(STRANGER, PointsCalls.pause()), "AccessControlUnauthorizedAccount", address(STRANGER),
                PointsCalls.PAUSER_ROLE);

        Outcome paused = chain.token(ADMIN, PointsCalls.pause());
        assertThat(paused.events()).singleElement()
                .isEqualTo(new PointsEvent.PauseChanged(paused.events().get(0).position(), address(ADMIN), true));
        assertRefused(chain.token(ISSUER, PointsCalls.issue(address(ALICE), n(1), "x")), "EnforcedPause");
        assertRefused(chain.relay(chain.request(ALICE, PointsCalls.transfer(address(BOB), n(1)), later())),
                "FailedCall");
        assertRefused(chain.token(MERCHANT, PointsCalls.redeemFrom(address(ALICE), n(0), "x")), "ZeroAmount");
        assertRefused(chain.token(ADMIN, PointsCalls.pause()), "EnforcedPause");

        Outcome resumed = chain.token(ADMIN, PointsCalls.unpause());
        assertThat(resumed.events()).singleElement().isInstanceOfSatisfying(PointsEvent.PauseChanged.class,
                e -> assertThat(e.paused()).isFalse());
        assertRefused(chain.token(ADMIN, PointsCalls.unpause()), "ExpectedPause");
        assertThat(chain.relay(chain.request(ALICE, PointsCalls.transfer(address(BOB), n(1)), later())).succeeded())
                .isTrue();
    }

    @Test
    void theAdminGrantsAndRevokesRolesAndEachChangeIsAnEvent() {
        Outcome granted = chain.token(ADMIN, PointsCalls.grantRole(PointsCalls.REDEEMER_ROLE, address(MERCHANT)));
        assertThat(granted.events()).singleElement().isEqualTo(new PointsEvent.RoleChanged(
                granted.events().get(0).position(), "REDEEMER_ROLE", address(MERCHANT), address(ADMIN), true));
        assertRefused(chain.token(MERCHANT, PointsCalls.grantRole(PointsCalls.ISSUER_ROLE, address(MERCHANT))),
                "AccessControlUnauthorizedAccount", address(MERCHANT), "0x" + "00".repeat(32));
        Outcome revoked = chain.token(ADMIN, PointsCalls.revokeRole(PointsCalls.REDEEMER_ROLE, address(MERCHANT)));
        assertThat(revoked.events()).singleElement().isInstanceOfSatisfying(PointsEvent.RoleChanged.class,
                e -> assertThat(e.granted()).isFalse());
        aliceHas100();
        assertRefused(chain.token(STRANGER, PointsCalls.redeem(address(MERCHANT), n(1), "x")), "NotAMerchant",
                address(MERCHANT));
    }
}
