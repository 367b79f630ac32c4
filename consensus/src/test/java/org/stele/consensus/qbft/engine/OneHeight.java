package org.stele.consensus.qbft.engine;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stele.chain.BlockHeader;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.consensus.qbft.ProposerSelector;
import org.stele.consensus.qbft.QbftBlock;
import org.stele.consensus.qbft.QbftHashing;
import org.stele.consensus.qbft.TestValidators;
import org.stele.consensus.qbft.ValidatorProvider;
import org.stele.consensus.qbft.message.Commit;
import org.stele.consensus.qbft.message.MessageFactory;
import org.stele.consensus.qbft.message.Prepare;
import org.stele.consensus.qbft.message.PreparePayload;
import org.stele.consensus.qbft.message.PreparedRound;
import org.stele.consensus.qbft.message.Proposal;
import org.stele.consensus.qbft.message.QbftMessage;
import org.stele.consensus.qbft.message.RoundChange;
import org.stele.consensus.qbft.message.RoundChangePayload;
import org.stele.consensus.qbft.message.SignedPayload;
import org.stele.consensus.qbft.wal.InMemoryWal;
import org.stele.testkit.TestKeys;

/**
 * Height 1 of a chain of {@code n} validators, seen by one engine under test: every other validator's messages are
 * forged here with its real key, so that a test can drive one QBFT rule at a time through the engine's events.
 */
final class OneHeight {
    final TestValidators chain;
    final BlockHeader genesis;
    final ValidatorProvider provider;
    final int quorum;
    final int faulty;

    OneHeight(int n) {
        chain = new TestValidators(n);
        genesis = chain.genesis();
        provider = ValidatorProvider.fixed(chain.validators);
        quorum = (2 * n + 2) / 3;
        faulty = (n - 1) / 3;
    }

    List<Address> validators() {
        return chain.validators;
    }

    Address proposer(int round) {
        return ProposerSelector.proposer(chain.validators, genesis.coinbase(), round);
    }

    /** A validator that proposes none of the given rounds. */
    Address nonProposer(int... rounds) {
        return chain.validators.stream().filter(a -> {
            for (int r : rounds)
                if (a.equals(proposer(r)))
                    return false;
            return true;
        }).findFirst().orElseThrow();
    }

    /** The first {@code count} validators other than {@code except}, in address order. */
    List<Address> others(Address except, int count) {
        List<Address> all = chain.validators.stream().filter(a -> !a.equals(except)).limit(count).toList();
        if (all.size() < count)
            throw new IllegalArgumentException("only " + all.size() + " other validators");
        return all;
    }

    MessageFactory as(Address who) {
        return new MessageFactory(chain.keyOf(who), TestKeys.SUITE);
    }

    QbftEngine engine(Address who) {
        return engine(who, EngineConfig.defaults());
    }

    QbftEngine engine(Address who, EngineConfig config) {
        return new QbftEngine(config, chain.keyOf(who), TestKeys.SUITE, provider, new InMemoryWal());
    }

    /** A block for height 1 built by the proposer of {@code round}; {@code salt} tells blocks apart. */
    QbftBlock block(int round, long salt) {
        return chain.block(genesis, round, proposer(round), salt);
    }

    /**
     * The round-0 block of the height after {@code parent}, built by its proposer: the validator after the parent's,
     * which for a parent built in round 0 of height 1 is {@code proposer(1)}.
     */
    QbftBlock nextBlock(QbftBlock parent) {
        return chain.block(parent.header(), 0,
                ProposerSelector.proposer(chain.validators, parent.header().coinbase(), 0), 1);
    }

    Bytes32 digest(QbftBlock b) {
        return chain.hashing.blockHash(b.header());
    }

    Proposal proposal(int round, QbftBlock b, List<SignedPayload<RoundChangePayload>> rcs,
            List<SignedPayload<PreparePayload>> prepares) {
        return as(proposer(round)).proposal(1, round, b, rcs, prepares);
    }

    List<SignedPayload<PreparePayload>> prepares(int round, Bytes32 digest, List<Address> authors) {
        return authors.stream().map(a -> as(a).prepare(1, round, digest).signed()).toList();
    }

    RoundChange roundChange(Address from, int round) {
        return as(from).roundChange(1, round, Optional.empty(), Optional.empty(), List.of());
    }

    /** A ROUND-CHANGE reporting {@code block} as prepared in {@code preparedRound}, proven by {@code prepares}. */
    RoundChange roundChange(Address from, int round, int preparedRound, QbftBlock block,
            List<SignedPayload<PreparePayload>> prepares) {
        return as(from).roundChange(1, round, Optional.of(new PreparedRound(preparedRound, digest(block))),
                Optional.of(block), prepares);
    }

    /** {@code block} as re-proposed in a later round: the same block hash, the round in its extra data. */
    static QbftBlock inRound(QbftBlock block, int round) {
        return block.withHeader(QbftHashing.withRound(block.header(), round));
    }

    Commit commit(Address from, int round, QbftBlock b) {
        MessageFactory f = as(from);
        return f.commit(1, round, digest(b), f.commitSeal(b.header()));
    }

    static List<Action> receive(QbftEngine e, QbftMessage... messages) {
        List<Action> out = new ArrayList<>();
        for (QbftMessage m : messages)
            out.addAll(feed(e, new Event.MessageReceived(m)));
        return out;
    }

    static List<Action> receive(QbftEngine e, List<? extends QbftMessage> messages) {
        return receive(e, messages.toArray(QbftMessage[]::new));
    }

    /** Feeds an event and answers every validation request with "valid", as an honest chain would. */
    static List<Action> feed(QbftEngine e, Event ev) {
        List<Action> out = new ArrayList<>();
        ArrayDeque<Event> todo = new ArrayDeque<>(List.of(ev));
        while (!todo.isEmpty()) {
            for (Action a : e.handle(todo.poll())) {
                out.add(a);
                if (a instanceof Action.ValidateBlock v)
                    todo.add(new Event.ProposalValidated(v.height(), v.digest(), true));
            }
        }
        return out;
    }

    static <M extends QbftMessage> List<M> sent(List<Action> actions, Class<M> kind) {
        return actions.stream().filter(a -> a instanceof Action.Broadcast b && kind.isInstance(b.message()))
                .map(a -> kind.cast(((Action.Broadcast) a).message())).toList();
    }

    static List<Action.ImportBlock> imports(List<Action> actions) {
        return actions.stream().filter(Action.ImportBlock.class::isInstance).map(Action.ImportBlock.class::cast)
                .toList();
    }

    static List<Action.CreateBlock> creations(List<Action> actions) {
        return actions.stream().filter(Action.CreateBlock.class::isInstance).map(Action.CreateBlock.class::cast)
                .toList();
    }

    static List<Action.ScheduleTimer> timers(List<Action> actions) {
        return actions.stream().filter(Action.ScheduleTimer.class::isInstance)
                .map(Action.ScheduleTimer.class::cast).toList();
    }

    static List<Prepare> prepareMessages(List<Action> actions) {
        return sent(actions, Prepare.class);
    }
}
