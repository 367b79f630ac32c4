package org.stele.apps.charity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stele.apps.charity.CharityChain.BENEFICIARY_A;
import static org.stele.apps.charity.CharityChain.BENEFICIARY_B;
import static org.stele.apps.charity.CharityChain.DONOR_1;
import static org.stele.apps.charity.CharityChain.DONOR_2;
import static org.stele.apps.charity.CharityChain.OPERATOR;
import static org.stele.apps.charity.CharityChain.ORG_ADMIN;
import static org.stele.apps.charity.CharityChain.STRANGER;
import static org.stele.apps.charity.CharityChain.address;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stele.apps.charity.CharityCalls.Beneficiary;
import org.stele.apps.charity.CharityChain.Outcome;

/** Every rule of Charity.sol and each of its custom errors, in Stele's EVM. */
class CharityContractTest {
    private static final String EVIDENCE = "0x" + "ab".repeat(32);
    private static final String NO_HASH = "0x" + "00".repeat(32);
    private final CharityChain chain = new CharityChain();

    private static BigInteger n(long v) {
        return BigInteger.valueOf(v);
    }

    private static List<Beneficiary> twoBeneficiaries() {
        return List.of(new Beneficiary(address(BENEFICIARY_A), "Clinic A"),
                new Beneficiary(address(BENEFICIARY_B), "School B"));
    }

    private long organisation() {
        Outcome o = chain.charity(OPERATOR, CharityCalls.registerOrganisation(address(ORG_ADMIN), "Relief Org"));
        return ((CharityEvent.OrganisationRegistered) o.events().get(0)).organisation();
    }

    private long campaign(long org, String token, long goal) {
        Outcome o = chain.charity(ORG_ADMIN, CharityCalls.createCampaign(n(org), "Flood relief", token, n(goal),
                chain.now() + 50, twoBeneficiaries()));
        assertThat(o.refusal()).isEmpty();
        return ((CharityEvent.CampaignCreated) o.events().get(0)).campaign();
    }

    private long fundedCampaign() {
        long c = campaign(organisation(), null, 100);
        chain.charity(DONOR_1, CharityCalls.donate(n(c)), n(70));
        chain.charity(DONOR_2, CharityCalls.donate(n(c)), n(50));
        return c;
    }

    private static void assertRefused(Outcome o, String error, String... args) {
        assertThat(o.refusal()).as("refusal").isPresent();
        assertThat(o.refusal().get().name()).isEqualTo(error);
        if (args.length > 0) assertThat(o.refusal().get().arguments()).containsExactly(args);
    }

    @Test
    void anOperatorRegistersAnOrganisationAndTheEventNamesItsAdmin() {
        Outcome o = chain.charity(OPERATOR, CharityCalls.registerOrganisation(address(ORG_ADMIN), "Relief Org"));

        assertThat(o.events()).singleElement().isInstanceOfSatisfying(CharityEvent.OrganisationRegistered.class,
                e -> {
                    assertThat(e.organisation()).isEqualTo(1);
                    assertThat(e.admin()).isEqualTo(address(ORG_ADMIN));
                    assertThat(e.name()).isEqualTo("Relief Org");
                });
    }

    @Test
    void onlyAnOperatorRegistersOrganisations() {
        assertRefused(chain.charity(STRANGER, CharityCalls.registerOrganisation(address(STRANGER), "Mine")),
                "AccessControlUnauthorizedAccount");
    }

    @Test
    void anOrganisationNeedsAnAdminAndAName() {
        assertRefused(chain.charity(OPERATOR, CharityCalls.registerOrganisation(
                "0x0000000000000000000000000000000000000000", "Nobody")), "ZeroAddress");
        assertRefused(chain.charity(OPERATOR, CharityCalls.registerOrganisation(address(ORG_ADMIN), "")),
                "EmptyName");
    }

    @Test
    void theOrganisationsAdminCreatesACampaignWithItsNamedBeneficiaries() {
        long org = organisation();
        long deadline = chain.now() + 50;

        Outcome o = chain.charity(ORG_ADMIN, CharityCalls.createCampaign(n(org), "Flood relief", null, n(100),
                deadline, twoBeneficiaries()));

        assertThat(o.events()).hasSize(3);
        assertThat(o.events().get(0)).isEqualTo(new CharityEvent.CampaignCreated(o.events().get(0).position(), 1,
                org, null, n(100), deadline, "Flood relief"));
        assertThat(o.events().subList(1, 3)).extracting(e -> ((CharityEvent.BeneficiaryAdded) e).name())
                .containsExactly("Clinic A", "School B");
    }

    @Test
    void aCampaignIsRefusedForAnUnknownOrganisationOrAnotherAdmin() {
        long org = organisation();
        long deadline = chain.now() + 50;
        assertRefused(chain.charity(ORG_ADMIN, CharityCalls.createCampaign(n(9), "T", null, n(1), deadline,
                twoBeneficiaries())), "UnknownOrganisation", "9");
        assertRefused(chain.charity(STRANGER, CharityCalls.createCampaign(n(org), "T", null, n(1), deadline,
                twoBeneficiaries())), "NotOrganisationAdmin", "1", address(STRANGER));
    }

    @Test
    void aCampaignNeedsATitleAGoalAFutureDeadlineAndBeneficiaries() {
        long org = organisation();
        long deadline = chain.now() + 50;
        assertRefused(chain.charity(ORG_ADMIN, CharityCalls.createCampaign(n(org), "", null, n(1), deadline,
                twoBeneficiaries())), "EmptyName");
        assertRefused(chain.charity(ORG_ADMIN, CharityCalls.createCampaign(n(org), "T", null, n(0), deadline,
                twoBeneficiaries())), "GoalIsZero");
        assertRefused(chain.charity(ORG_ADMIN, CharityCalls.createCampaign(n(org), "T", null, n(1), chain.now() + 1,
                twoBeneficiaries())), "DeadlineNotInFuture");
        assertRefused(chain.charity(ORG_ADMIN, CharityCalls.createCampaign(n(org), "T", null, n(1), deadline,
                List.of())), "NoBeneficiaries");
    }

    @Test
    void beneficiariesAreDistinctNamedAndNotTheZeroAddress() {
        long org = organisation();
        long deadline = chain.now() + 50;
        Beneficiary a = new Beneficiary(address(BENEFICIARY_A), "Clinic A");
        assertRefused(chain.charity(ORG_ADMIN, CharityCalls.createCampaign(n(org), "T", null, n(1), deadline,
                List.of(a, a))), "DuplicateBeneficiary", address(BENEFICIARY_A));
        assertRefused(chain.charity(ORG_ADMIN, CharityCalls.createCampaign(n(org), "T", null, n(1), deadline,
                List.of(new Beneficiary(address(BENEFICIARY_A), "")))), "EmptyName");
        assertRefused(chain.charity(ORG_ADMIN, CharityCalls.createCampaign(n(org), "T", null, n(1), deadline,
                List.of(new Beneficiary("0x0000000000000000000000000000000000000000", "Void")))), "ZeroAddress");
    }

    @Test
    void beneficiariesAndTheirNamesMustPairUp() {
        long id = organisation();
        String data = org.web3j.abi.FunctionEncoder.encode(new org.web3j.abi.datatypes.Function("createCampaign",
                List.of(new org.web3j.abi.datatypes.generated.Uint256(id),
                        new org.web3j.abi.datatypes.Utf8String("T"),
                        new org.web3j.abi.datatypes.Address("0x0000000000000000000000000000000000000000"),
                        new org.web3j.abi.datatypes.generated.Uint256(1),
                        new org.web3j.abi.datatypes.generated.Uint64(chain.now() + 50),
                        new org.web3j.abi.datatypes.DynamicArray<>(org.web3j.abi.datatypes.Address.class,
                                List.of(new org.web3j.abi.datatypes.Address(address(BENEFICIARY_A)))),
                        new org.web3j.abi.datatypes.DynamicArray<>(org.web3j.abi.datatypes.Utf8String.class,
                                List.of())),
                List.of()));
        assertRefused(chain.charity(ORG_ADMIN, data), "BeneficiaryNamesMismatch", "1", "0");
    }

    @Test
    void donationsAreNumberedPerCampaignAndHeldByTheContract() {
        long c = campaign(organisation(), null, 100);

        Outcome first = chain.charity(DONOR_1, CharityCalls.donate(n(c)), n(70));
        Outcome second = chain.charity(DONOR_2, CharityCalls.donate(n(c)), n(50));

        assertThat(first.events()).singleElement().isEqualTo(
                new CharityEvent.Donated(first.events().get(0).position(), c, address(DONOR_1), 1, n(70)));
        assertThat(((CharityEvent.Donated) second.events().get(0)).donation()).isEqualTo(2);
        assertThat(chain.balance(chain.charity)).isEqualTo(n(120));
    }

    @Test
    void aDonationNeedsAKnownOpenCampaignAndAnAmount() {
        long c = campaign(organisation(), null, 100);
        assertRefused(chain.charity(DONOR_1, CharityCalls.donate(n(7)), n(1)), "UnknownCampaign", "7");
        assertRefused(chain.charity(DONOR_1, CharityCalls.donate(n(c)), n(0)), "ZeroAmount");
        chain.advanceTo(chain.now() + 50);
        assertRefused(chain.charity(DONOR_1, CharityCalls.donate(n(c)), n(1)), "CampaignClosed");
    }

    @Test
    void aDonationIsInTheCampaignsCurrency() {
        long org = organisation();
        String token = chain.send(OPERATOR, null, CharityCalls.deployDemoToken("Relief", "RLF"), n(0)).created();
        long native_ = campaign(org, null, 100);
        long inToken = campaign(org, token, 100);
        assertRefused(chain.charity(DONOR_1, CharityCalls.donate(n(inToken)), n(5)), "WrongCurrency");
        assertRefused(chain.charity(DONOR_1, CharityCalls.donateToken(n(native_), n(5))), "WrongCurrency");
    }

    @Test
    void tokenDonationsArriveAndTokenDisbursementsPayTheBeneficiary() {
        long org = organisation();
        String token = chain.send(OPERATOR, null, CharityCalls.deployDemoToken("Relief", "RLF"), n(0)).created();
        long c = campaign(org, token, 100);
        chain.send(OPERATOR, token, CharityCalls.mint(address(DONOR_1), n(500)), n(0));
        chain.send(DONOR_1, token, CharityCalls.approve(chain.charity, n(150)), n(0));

        Outcome gave = chain.charity(DONOR_1, CharityCalls.donateToken(n(c), n(150)));
        Outcome paid = chain.charity(ORG_ADMIN, CharityCalls.disburse(n(c), address(BENEFICIARY_A), n(90), EVIDENCE,
                "ipfs://invoice"));

        assertThat(gave.events()).singleElement().isInstanceOf(CharityEvent.Donated.class);
        assertThat(paid.succeeded()).isTrue();
        assertThat(tokenBalance(token, chain.charity)).isEqualTo(n(60));
        assertThat(tokenBalance(token, address(BENEFICIARY_A))).isEqualTo(n(90));
    }

    @Test
    void aTokenDonationBeyondTheAllowanceIsRefusedByTheToken() {
        long org = organisation();
        String token = chain.send(OPERATOR, null, CharityCalls.deployDemoToken("Relief", "RLF"), n(0)).created();
        long c = campaign(org, token, 100);
        chain.send(OPERATOR, token, CharityCalls.mint(address(DONOR_1), n(500)), n(0));
        assertRefused(chain.charity(DONOR_1, CharityCalls.donateToken(n(c), n(10))), "ERC20InsufficientAllowance");
    }

    private BigInteger tokenBalance(String token, String account) {
        String data = org.web3j.abi.FunctionEncoder.encode(new org.web3j.abi.datatypes.Function("balanceOf",
                List.of(new org.web3j.abi.datatypes.Address(account)), List.of()));
        return new BigInteger(chain.call(token, data).substring(2), 16);
    }

    @Test
    void aDisbursementPaysTheBeneficiaryAndRecordsItsEvidence() {
        long c = fundedCampaign();
        BigInteger before = chain.balance(address(BENEFICIARY_A));

        Outcome o = chain.charity(ORG_ADMIN, CharityCalls.disburse(n(c), address(BENEFICIARY_A), n(60), EVIDENCE,
                "https://relief.example/invoice-1.pdf"));

        assertThat(o.events()).singleElement().isEqualTo(new CharityEvent.Disbursed(o.events().get(0).position(), c,
                address(BENEFICIARY_A), 1, n(60), EVIDENCE, "https://relief.example/invoice-1.pdf"));
        assertThat(chain.balance(address(BENEFICIARY_A))).isEqualTo(before.add(n(60)));
        assertThat(chain.balance(chain.charity)).isEqualTo(n(60));
    }

    @Test
    void nothingIsDisbursedBeforeTheGoalIsReached() {
        long c = campaign(organisation(), null, 100);
        chain.charity(DONOR_1, CharityCalls.donate(n(c)), n(40));
        assertRefused(chain.charity(ORG_ADMIN, CharityCalls.disburse(n(c), address(BENEFICIARY_A), n(10), EVIDENCE,
                "u")), "GoalNotReached", String.valueOf(c), "40", "100");
    }

    @Test
    void onlyTheAdminDisbursesOnlyToANamedBeneficiaryOnlyWhatIsLeftAndOnlyWithEvidence() {
        long c = fundedCampaign();
        assertRefused(chain.charity(STRANGER, CharityCalls.disburse(n(c), address(BENEFICIARY_A), n(10), EVIDENCE,
                "u")), "NotOrganisationAdmin");
        assertRefused(chain.charity(ORG_ADMIN, CharityCalls.disburse(n(c), address(STRANGER), n(10), EVIDENCE, "u")),
                "NotABeneficiary", String.valueOf(c), address(STRANGER));
        assertRefused(chain.charity(ORG_ADMIN, CharityCalls.disburse(n(c), address(BENEFICIARY_A), n(0), EVIDENCE,
                "u")), "ZeroAmount");
        assertRefused(chain.charity(ORG_ADMIN, CharityCalls.disburse(n(c), address(BENEFICIARY_A), n(121), EVIDENCE,
                "u")), "InsufficientFunds", String.valueOf(c), "120", "121");
        assertRefused(chain.charity(ORG_ADMIN, CharityCalls.disburse(n(c), address(BENEFICIARY_A), n(10), NO_HASH,
                "u")), "NoEvidence");
        assertRefused(chain.charity(ORG_ADMIN, CharityCalls.disburse(n(c), address(BENEFICIARY_A), n(10), EVIDENCE,
                "")), "NoEvidence");
        assertRefused(chain.charity(ORG_ADMIN, CharityCalls.disburse(n(99), address(BENEFICIARY_A), n(10), EVIDENCE,
                "u")), "UnknownCampaign");
    }

    @Test
    void theBeneficiaryConfirmsDeliveryOnce() {
        long c = fundedCampaign();
        chain.charity(ORG_ADMIN, CharityCalls.disburse(n(c), address(BENEFICIARY_A), n(60), EVIDENCE, "u"));

        assertRefused(chain.charity(BENEFICIARY_B, CharityCalls.confirmDelivery(n(1))), "NotTheBeneficiary", "1",
                address(BENEFICIARY_B));
        assertRefused(chain.charity(BENEFICIARY_A, CharityCalls.confirmDelivery(n(2))), "UnknownDisbursement", "2");
        Outcome o = chain.charity(BENEFICIARY_A, CharityCalls.confirmDelivery(n(1)));
        assertThat(o.events()).singleElement().isEqualTo(new CharityEvent.DeliveryConfirmed(
                o.events().get(0).position(), c, address(BENEFICIARY_A), 1));
        assertRefused(chain.charity(BENEFICIARY_A, CharityCalls.confirmDelivery(n(1))), "AlreadyConfirmed", "1");
    }

    @Test
    void aFailedCampaignRefundsEachDonorWhatTheyGaveOnce() {
        long c = campaign(organisation(), null, 100);
        chain.charity(DONOR_1, CharityCalls.donate(n(c)), n(30));
        chain.charity(DONOR_1, CharityCalls.donate(n(c)), n(10));
        assertRefused(chain.charity(DONOR_1, CharityCalls.refund(n(c))), "CampaignNotFailed");
        chain.advanceTo(chain.now() + 50);
        BigInteger before = chain.balance(address(DONOR_1));

        Outcome o = chain.charity(DONOR_1, CharityCalls.refund(n(c)));

        assertThat(o.events()).singleElement().isEqualTo(
                new CharityEvent.Refunded(o.events().get(0).position(), c, address(DONOR_1), n(40)));
        assertThat(chain.balance(address(DONOR_1))).isLessThan(before.add(n(40)))
                .isGreaterThan(before.subtract(CharityChain.ETHER));
        assertThat(chain.balance(chain.charity)).isZero();
        assertRefused(chain.charity(DONOR_1, CharityCalls.refund(n(c))), "NothingToRefund");
        assertRefused(chain.charity(DONOR_2, CharityCalls.refund(n(c))), "NothingToRefund", String.valueOf(c),
                address(DONOR_2));
    }

    @Test
    void aCampaignThatReachedItsGoalRefundsNothingEvenAfterItsDeadline() {
        long c = fundedCampaign();
        chain.advanceTo(chain.now() + 50);
        assertRefused(chain.charity(DONOR_1, CharityCalls.refund(n(c))), "CampaignNotFailed", String.valueOf(c));
        assertRefused(chain.charity(DONOR_1, CharityCalls.refund(n(42))), "UnknownCampaign", "42");
    }

    @Test
    void theChainsOwnEventsTraceEachDonationFirstInFirstOut() {
        long c = fundedCampaign();
        chain.charity(ORG_ADMIN, CharityCalls.disburse(n(c), address(BENEFICIARY_A), n(40), EVIDENCE, "u"));
        chain.charity(ORG_ADMIN, CharityCalls.disburse(n(c), address(BENEFICIARY_B), n(50), EVIDENCE, "u"));
        Outcome confirmed = chain.charity(BENEFICIARY_A, CharityCalls.confirmDelivery(n(1)));

        FifoTrace trace = FifoTrace.of(chain.events());

        var donor1 = trace.of(address(DONOR_1)).get(0);
        assertThat(donor1.parts()).extracting(FifoTrace.Part::beneficiary, FifoTrace.Part::amount,
                FifoTrace.Part::delivered).containsExactly(
                        org.assertj.core.groups.Tuple.tuple(address(BENEFICIARY_A), n(40), true),
                        org.assertj.core.groups.Tuple.tuple(address(BENEFICIARY_B), n(30), false));
        assertThat(donor1.parts().get(0).confirmed().orElseThrow().transaction()).isEqualTo(confirmed.transaction());
        var donor2 = trace.of(address(DONOR_2)).get(0);
        assertThat(donor2.parts()).extracting(FifoTrace.Part::amount).containsExactly(n(20));
        assertThat(donor2.held()).isEqualTo(n(30));
    }
}
