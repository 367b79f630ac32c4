package org.stele.node.wiring;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.p2p.P2pListener;
import org.stele.p2p.message.Message;

class PeerHeadsTest {
    private static final Address PEER = Address.fromHex("0x00000000000000000000000000000000000000aa");

    /** What reached the listener behind the tracking one. */
    private static final class Behind implements P2pListener {
        final List<Message> messages = new ArrayList<>();
        final List<List<Bytes32>> hashes = new ArrayList<>();

        @Override
        public void onMessage(Address peer, Message message) {
            messages.add(message);
        }

        @Override
        public void onTransactions(Address peer, Message.Transactions batch, List<Bytes32> given) {
            hashes.add(given);
        }
    }

    @Test
    void aBatchOfTransactionsReachesTheNextListenerWithTheHashesTheTransportComputed() {
        Behind behind = new Behind();
        Message.Transactions batch = new Message.Transactions(List.of(Bytes.wrap(new byte[]{1}),
                Bytes.wrap(new byte[]{2})));
        List<Bytes32> hashes = List.of(Bytes32.wrap(new byte[32]), Bytes32.wrap(filled(7)));

        new PeerHeads().tracking(behind).onTransactions(PEER, batch, hashes);

        assertThat(behind.hashes).containsExactly(hashes);
        assertThat(behind.messages).isEmpty();
    }

    @Test
    void aNewBlockAnnouncementMovesThePeersHeadAndStillReachesTheNextListener() {
        Behind behind = new Behind();
        PeerHeads heads = new PeerHeads();
        Message.NewBlock announced = new Message.NewBlock(12, Bytes32.wrap(filled(3)));

        heads.tracking(behind).onMessage(PEER, announced);

        assertThat(heads.of(PEER)).contains(new PeerHeads.Head(12, Bytes32.wrap(filled(3))));
        assertThat(behind.messages).containsExactly(announced);
    }

    private static byte[] filled(int b) {
        byte[] a = new byte[32];
        java.util.Arrays.fill(a, (byte) b);
        return a;
    }
}
