package org.stele.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stele.governance.Abi.address;
import static org.stele.governance.Abi.uint;

import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stele.chain.Log;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.KeyPair;
import org.stele.testkit.TestKeys;
import org.web3j.abi.datatypes.DynamicBytes;

/**
 * The committee's rules on the real EVM, through the real block importer: governors A, B and C with weights 3, 2 and
 * 1 (total 6), a participation threshold of 50% (3 of 6) and a win threshold of 50% of the weight taking part.
 */
class CommitteeTest {
    private static final KeyPair A = TestKeys.named("gov-a");
    private static final KeyPair B = TestKeys.named("gov-b");
    private static final KeyPair C = TestKeys.named("gov-c");
    private static final KeyPair OUTSIDER = TestKeys.named("outsider");
    private static final Address NEW_VALIDATOR = TestKeys.address(TestKeys.named("validator-5"));
    private static final Address COMMITTEE = SystemContract.COMMITTEE.address();
    private static final long VOTING_PERIOD = 5;

    private final GovChain chain = new GovChain(new GovernanceGenesis(
            List.of(new Governor(a(A), 3), new Governor(a(B), 2), new Governor(a(C), 1)), 50, 50, VOTING_PERIOD,
            List.of(a(A), a(B), a(C)), List.of(a(A), a(B), a(C)), ChainParameters.UNSET),
            List.of(A, B, C, OUTSIDER));

    private static Address a(KeyPair k) {
        return TestKeys.address(k);
    }

    private long proposeAddValidator() {
        GovChain.Sent sent = chain.send(A, COMMITTEE, GovernanceCalls.propose(SystemContract.VALIDATORS.address(),
                GovernanceCalls.addValidator(NEW_VALIDATOR), "add validator 5"));
        assertThat(sent.success()).isTrue();
        return Abi.uint(sent.output()).longValueExact();
    }

    private GovChain.Sent vote(KeyPair governor, long id, boolean support) {
        return chain.send(governor, COMMITTEE, GovernanceCalls.vote(id, support));
    }

    private List<Address> validators() {
        return chain.governance().validators();
    }

    @Test
    void aProposalExecutesWhenTheWeightTakingPartReachesTheParticipationThresholdExactly() {
        long id = proposeAddValidator();

        GovChain.Sent vote = vote(A, id, true); // 3 of 6 = 50%: exactly the threshold

        assertThat(vote.success()).isTrue();
        assertThat(Abi.bool(vote.output())).as("executed by this vote").isTrue();
        assertThat(validators()).containsExactly(a(A), a(B), a(C), NEW_VALIDATOR);
    }

    @Test
    void aProposalOneWeightBelowTheParticipationThresholdDoesNotExecute() {
        long id = proposeAddValidator();

        GovChain.Sent vote = vote(B, id, true); // 2 of 6: one below 3

        assertThat(Abi.bool(vote.output())).isFalse();
        assertThat(validators()).doesNotContain(NEW_VALIDATOR);
        assertThat(vote(C, id, true).output()).as("3 of 6 now take part").isEqualTo(Bytes.fromHex(
                "0x0000000000000000000000000000000000000000000000000000000000000001"));
        assertThat(validators()).contains(NEW_VALIDATOR);
    }

    @Test
    void aProposalExecutesWhenTheYesWeightIsExactlyTheWinThresholdOfThoseTakingPart() {
        long id = proposeAddValidator();
        vote(A, id, false);
        assertThat(Abi.bool(vote(C, id, true).output())).as("yes 1 of 4 taking part").isFalse();

        GovChain.Sent last = vote(B, id, true); // yes 3 of 6 taking part: exactly 50%

        assertThat(Abi.bool(last.output())).isTrue();
        assertThat(validators()).contains(NEW_VALIDATOR);
    }

    @Test
    void aProposalWhoseYesWeightIsOneBelowTheWinThresholdDoesNotExecute() {
        long id = proposeAddValidator();
        vote(A, id, false);
        vote(C, id, false);

        GovChain.Sent last = vote(B, id, true); // yes 2 of 6 taking part: one below 3

        assertThat(Abi.bool(last.output())).isFalse();
        assertThat(validators()).doesNotContain(NEW_VALIDATOR);
        assertThat(Abi.bool(chain.call(COMMITTEE, Abi.call("isVotable", uint(id))))).as("still open").isTrue();
    }

    @Test
    void aVoteAtTheDeadlineCountsAndOneBlockLaterIsRefusedAsExpired() {
        long id = proposeAddValidator();
        long deadline = chain.head().number() + VOTING_PERIOD;
        chain.skip((int) (deadline - chain.head().number() - 2));
        vote(B, id, true); // block deadline - 1
        assertThat(chain.head().number()).isEqualTo(deadline - 1);
        chain.skip(1);

        GovChain.Sent late = vote(C, id, true); // block deadline + 1

        assertThat(late.success()).isFalse();
        assertThat(late.output()).isEqualTo(Abi.error("ProposalExpired(uint256,uint256)", uint(id), uint(deadline)));
        assertThat(validators()).doesNotContain(NEW_VALIDATOR);
    }

    @Test
    void aVoteInTheDeadlineBlockItselfStillCounts() {
        long id = proposeAddValidator();
        long deadline = chain.head().number() + VOTING_PERIOD;
        chain.skip((int) (deadline - chain.head().number() - 1));

        GovChain.Sent vote = vote(A, id, true); // mined in the deadline block

        assertThat(chain.head().number()).isEqualTo(deadline);
        assertThat(Abi.bool(vote.output())).isTrue();
    }

    @Test
    void aGovernorCannotVoteTwiceOnOneProposal() {
        long id = proposeAddValidator();
        vote(C, id, true);

        GovChain.Sent again = vote(C, id, false);

        assertThat(again.success()).isFalse();
        assertThat(again.output()).isEqualTo(Abi.error("AlreadyVoted(uint256,address)", uint(id), address(a(C))));
    }

    @Test
    void anAccountWithoutWeightCannotProposeOrVote() {
        long id = proposeAddValidator();

        GovChain.Sent propose = chain.send(OUTSIDER, COMMITTEE, GovernanceCalls.propose(
                SystemContract.FREEZES.address(), GovernanceCalls.freeze(a(A), "x"), "freeze A"));
        GovChain.Sent vote = vote(OUTSIDER, id, true);

        Bytes notGovernor = Abi.error("NotGovernor(address)", address(a(OUTSIDER)));
        assertThat(propose.output()).isEqualTo(notGovernor);
        assertThat(vote.output()).isEqualTo(notGovernor);
        assertThat(propose.success() || vote.success()).isFalse();
    }

    @Test
    void anExecutedProposalCannotBeVotedOnAgainAndAnUnknownOneIsNamed() {
        long id = proposeAddValidator();
        vote(A, id, true);

        assertThat(vote(B, id, true).output()).isEqualTo(Abi.error("ProposalNotOpen(uint256)", uint(id)));
        assertThat(vote(B, 99, true).output()).isEqualTo(Abi.error("UnknownProposal(uint256)", uint(99)));
    }

    @Test
    void theSystemContractsRefuseAnyCallerButTheCommittee() {
        GovChain.Sent direct = chain.send(A, SystemContract.VALIDATORS.address(),
                GovernanceCalls.addValidator(NEW_VALIDATOR));
        GovChain.Sent self = chain.send(A, COMMITTEE, GovernanceCalls.addGovernor(a(OUTSIDER), 5));

        assertThat(direct.output()).isEqualTo(Abi.error("NotCommittee(address)", address(a(A))));
        assertThat(self.output()).isEqualTo(Abi.error("OnlyByProposal(address)", address(a(A))));
        assertThat(validators()).doesNotContain(NEW_VALIDATOR);
    }

    @Test
    void aProposalMayCallOnlyTheSystemContracts() {
        GovChain.Sent sent = chain.send(A, COMMITTEE,
                GovernanceCalls.propose(a(OUTSIDER), Bytes.EMPTY, "pay the outsider"));

        assertThat(sent.output()).isEqualTo(Abi.error("UnknownTarget(address)", address(a(OUTSIDER))));
    }

    @Test
    void aProposalMayCallTheIdentityTrustRegistry() {
        Address registry = Address.fromHex("0x0000000000000000000000000000000000005101");

        GovChain.Sent sent = chain.send(A, COMMITTEE, GovernanceCalls.propose(registry, Bytes.EMPTY, "admit issuers"));

        assertThat(sent.success()).isTrue();
        assertThat(Abi.uint(sent.output())).isPositive();
        assertThat(Abi.uint(chain.call(COMMITTEE, Abi.call("isSystemContract", address(registry))))).isOne();
    }

    @Test
    void aPassingProposalWhoseCallRevertsFailsWithTheReasonAndStaysOpen() {
        GovChain.Sent proposed = chain.send(A, COMMITTEE, GovernanceCalls.propose(COMMITTEE,
                GovernanceCalls.setThresholds(0, 50), "no participation at all"));
        long id = Abi.uint(proposed.output()).longValueExact();

        GovChain.Sent vote = vote(A, id, true);

        Bytes inner = Abi.error("InvalidThreshold(uint256,uint256)", uint(0), uint(50));
        assertThat(vote.output()).isEqualTo(
                Abi.error("ExecutionFailed(uint256,bytes)", uint(id), new DynamicBytes(inner.toArray())));
        assertThat(Abi.bool(chain.call(COMMITTEE, Abi.call("isVotable", uint(id))))).isTrue();
    }

    @Test
    void governorsWeightsAndThresholdsChangeByProposal() {
        Address d = a(OUTSIDER);
        passed(COMMITTEE, GovernanceCalls.addGovernor(d, 4));
        passed(COMMITTEE, GovernanceCalls.setWeight(a(C), 2));
        passed(COMMITTEE, GovernanceCalls.setThresholds(100, 100));
        passed(COMMITTEE, GovernanceCalls.removeGovernor(a(B)));

        assertThat(Abi.addresses(chain.call(COMMITTEE, Abi.call("getGovernors")))).containsExactlyInAnyOrder(a(A),
                a(C), d);
        assertThat(chain.governance().weight(d)).isEqualTo(BigInteger.valueOf(4));
        assertThat(chain.governance().weight(a(C))).isEqualTo(BigInteger.TWO);
        assertThat(chain.governance().weight(a(B))).isZero();
        assertThat(Abi.uint(chain.call(COMMITTEE, Abi.call("participationThreshold")))).isEqualTo(100);
        assertThat(chain.governance().participationThreshold()).isEqualTo(100);
        assertThat(chain.governance().winThreshold()).isEqualTo(100);
        long id = proposeAddValidator();
        assertThat(Abi.bool(vote(A, id, true).output())).as("3 of 9 under 100%").isFalse();
        assertThat(Abi.bool(vote(OUTSIDER, id, true).output())).isFalse();
        assertThat(Abi.bool(vote(C, id, true).output())).isTrue();
    }

    @Test
    void everyStepOfAProposalEmitsItsEvent() {
        GovChain.Sent proposed = chain.send(A, COMMITTEE, GovernanceCalls.propose(SystemContract.VALIDATORS.address(),
                GovernanceCalls.addValidator(NEW_VALIDATOR), "add validator 5"));
        long id = Abi.uint(proposed.output()).longValueExact();
        GovChain.Sent vote = vote(A, id, true);

        assertThat(topics(proposed.logs())).containsExactly(
                Abi.topic("ProposalCreated(uint256,address,address,bytes,uint256,string)"));
        assertThat(proposed.logs().getFirst().topics().get(1)).isEqualTo(StorageSlots.word(BigInteger.valueOf(id)));
        assertThat(topics(vote.logs())).containsExactly(Abi.topic("Voted(uint256,address,bool,uint256)"),
                Abi.topic("ValidatorAdded(address)"), Abi.topic("ProposalExecuted(uint256,address)"));
        assertThat(vote.logs().get(1).address()).isEqualTo(SystemContract.VALIDATORS.address());
        assertThat(vote.logs().get(1).topics().get(1)).isEqualTo(StorageSlots.word(NEW_VALIDATOR));
        assertThat(vote.receipt().logs()).hasSize(3);
    }

    @Test
    void freezesAndTheirEventsComeFromProposals() {
        Decided freeze = decide(SystemContract.FREEZES.address(), GovernanceCalls.freeze(a(OUTSIDER), "fraud"));
        assertThat(freeze.vote().success()).isTrue();
        assertThat(chain.governance().isFrozen(a(OUTSIDER))).isTrue();
        assertThat(topics(freeze.vote().logs())).contains(Abi.topic("Frozen(address,string)"));

        Decided again = decide(SystemContract.FREEZES.address(), GovernanceCalls.freeze(a(OUTSIDER), "x"));
        assertThat(again.vote().output()).isEqualTo(failed(again.id(),
                Abi.error("AlreadyFrozen(address)", address(a(OUTSIDER)))));

        assertThat(decide(SystemContract.FREEZES.address(), GovernanceCalls.unfreeze(a(OUTSIDER))).vote().success())
                .isTrue();
        assertThat(chain.governance().isFrozen(a(OUTSIDER))).isFalse();
        Decided system = decide(SystemContract.FREEZES.address(), GovernanceCalls.freeze(COMMITTEE, "x"));
        assertThat(system.vote().output())
                .isEqualTo(failed(system.id(), Abi.error("SystemContract(address)", address(COMMITTEE))));
    }

    private static Bytes failed(long id, Bytes inner) {
        return Abi.error("ExecutionFailed(uint256,bytes)", uint(id), new DynamicBytes(inner.toArray()));
    }

    private record Decided(long id, GovChain.Sent vote) {}

    /** Proposes {@code data} to {@code target}; the call must succeed once enough governors voted yes. */
    private GovChain.Sent passed(Address target, Bytes data) {
        GovChain.Sent vote = decide(target, data).vote();
        assertThat(vote.success()).as("the proposal's call, reverting with %s", vote.output()).isTrue();
        return vote;
    }

    /**
     * Proposes {@code data} to {@code target} and has every governor vote yes, in the order A, B, C, outsider, until a
     * vote executes it or fails executing it; answers that last vote.
     */
    private Decided decide(Address target, Bytes data) {
        GovChain.Sent proposed = chain.send(A, COMMITTEE, GovernanceCalls.propose(target, data, "test"));
        assertThat(proposed.success()).isTrue();
        long id = Abi.uint(proposed.output()).longValueExact();
        GovChain.Sent vote = null;
        for (KeyPair k : List.of(A, B, C, OUTSIDER)) {
            if (chain.governance().weight(a(k)).signum() == 0)
                continue;
            vote = vote(k, id, true);
            if (!vote.success() || Abi.bool(vote.output()))
                break;
        }
        return new Decided(id, vote);
    }

    private static List<Bytes32> topics(List<Log> logs) {
        return logs.stream().map(l -> l.topics().getFirst()).toList();
    }
}
