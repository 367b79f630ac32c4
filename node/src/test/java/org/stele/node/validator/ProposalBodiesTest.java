package org.stele.node.validator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.stele.chain.Block;
import org.stele.chain.BlockBody;
import org.stele.chain.BlockHeader;
import org.stele.chain.tx.Transaction;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.rlp.RlpException;
import org.stele.consensus.qbft.QbftBlock;
import org.junit.jupiter.api.Test;
import org.stele.testkit.TestChainSpec;
import org.stele.testkit.TestKeys;
import org.stele.testkit.TxBuilder;

/** The chain's block for a consensus block, with a body met before taken as it was decoded then. */
class ProposalBodiesTest {
    private static Block block(int txs, long number, String extra) {
        List<Transaction> list = new ArrayList<>();
        for (int n = 0; n < txs; n++)
            list.add(TxBuilder.feeMarket().chainId(TestChainSpec.CHAIN_ID).nonce(n).fees(10_000_000_000L, 1)
                    .gasLimit(21_000).to(Address.fromHex("0x00000000000000000000000000000000000000aa")).value(1)
                    .signedBy(TestKeys.DEV_0));
        BlockHeader header = BlockHeader.builder().number(number).gasLimit(30_000_000).timestamp(number)
                .extraData(Bytes.fromHex(extra)).build();
        return new Block(header, new BlockBody(list, List.of(), Optional.empty()));
    }

    @Test
    void aBlockIsTheOneItsEncodingDecodesTo() {
        Block b = block(3, 1, "0x01");
        assertThat(new ProposalBodies().toBlock(QbftBlocks.toQbft(b))).isEqualTo(b);
    }

    @Test
    void theDecidedBlockTakesTheProposalsDecodedBodyUnderItsOwnHeader() {
        ProposalBodies bodies = new ProposalBodies();
        Block proposal = bodies.toBlock(QbftBlocks.toQbft(block(3, 1, "0x01")));
        // the decided block: the same body under a header whose extra data now carries the seals
        QbftBlock sealed = QbftBlocks.toQbft(block(3, 1, "0x0102"));
        Block decided = bodies.toBlock(sealed);
        assertThat(decided).isEqualTo(Block.decode(sealed.encode()));
        assertThat(decided.header().extraData()).isEqualTo(Bytes.fromHex("0x0102"));
        assertThat(decided.body()).isSameAs(proposal.body());
    }

    @Test
    void aBodyKeptForAProposalBuiltHereIsTakenWhenItComesBack() {
        ProposalBodies bodies = new ProposalBodies();
        Block built = block(2, 1, "0x01");
        QbftBlock proposal = QbftBlocks.toQbft(built);
        bodies.remember(proposal.body(), built.body());
        assertThat(bodies.toBlock(proposal).body()).isSameAs(built.body());
    }

    @Test
    void anotherBodyIsDecodedAndOnlyTheLastFewAreKept() {
        ProposalBodies bodies = new ProposalBodies();
        Block first = bodies.toBlock(QbftBlocks.toQbft(block(1, 1, "0x01")));
        for (int i = 2; i <= ProposalBodies.KEPT + 1; i++)
            assertThat(bodies.toBlock(QbftBlocks.toQbft(block(i, i, "0x01"))).body().transactions()).hasSize(i);
        Block again = bodies.toBlock(QbftBlocks.toQbft(block(1, 1, "0x01")));
        assertThat(again).isEqualTo(first);
        assertThat(again.body()).isNotSameAs(first.body());
    }

    @Test
    void aBodyThatIsNotABlockBodyIsRefused() {
        QbftBlock garbage = new QbftBlock(block(0, 1, "0x01").header(), Bytes.fromHex("0x01"));
        assertThatThrownBy(() -> new ProposalBodies().toBlock(garbage)).isInstanceOf(RlpException.class);
    }
}
