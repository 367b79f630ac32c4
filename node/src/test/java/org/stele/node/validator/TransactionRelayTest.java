package org.stele.node.validator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.stele.common.Address;
import org.stele.common.Bytes32;

class TransactionRelayTest {
    private final AtomicLong now = new AtomicLong(1_000);
    private final TransactionRelay relay = new TransactionRelay(now::get);

    private static Bytes32 hash(int i) {
        byte[] b = new byte[32];
        b[31] = (byte) i;
        return Bytes32.wrap(b);
    }

    @Test
    void aTransactionFromAValidatorHasReachedEveryValidatorAndOneFromAMemberHasNot() {
        Address v1 = Address.fromHex("0x00000000000000000000000000000000000000a1");
        Address v2 = Address.fromHex("0x00000000000000000000000000000000000000a2");
        Address member = Address.fromHex("0x00000000000000000000000000000000000000b1");
        List<Address> validators = List.of(v1, v2);
        assertThat(TransactionRelay.reachedEveryValidator(v2, validators)).isTrue();
        assertThat(TransactionRelay.reachedEveryValidator(member, validators)).isFalse();
        assertThat(TransactionRelay.reachedEveryValidator(v1, List.of(v2))).as("no longer a validator").isFalse();
    }

    @Test
    void aHashAnnouncedByThreePeersIsAskedForOnceUntilTheAnswerIsOverdue() {
        assertThat(relay.shouldRequest(hash(1))).isTrue();
        now.addAndGet(TransactionRelay.RETRY_MILLIS - 1);
        assertThat(relay.shouldRequest(hash(1))).isFalse();
        assertThat(relay.shouldRequest(hash(1))).isFalse();
        now.addAndGet(1);
        assertThat(relay.shouldRequest(hash(1))).as("the first announcer did not answer in time").isTrue();
        assertThat(relay.shouldRequest(hash(2))).isTrue();
    }

    @Test
    void aTransactionThatArrivedInFullIsNeverAskedForWhateverThePoolDidWithIt() {
        relay.received(hash(3));
        now.addAndGet(10 * TransactionRelay.RETRY_MILLIS);
        assertThat(relay.shouldRequest(hash(3))).isFalse();
        assertThat(relay.shouldRequest(hash(1))).isTrue();
        relay.received(hash(1));
        now.addAndGet(10 * TransactionRelay.RETRY_MILLIS);
        assertThat(relay.shouldRequest(hash(1))).isFalse();
    }

    @Test
    void onlyTheMostRecentHashesAreRemembered() {
        relay.received(hash(0));
        for (int i = 0; i < TransactionRelay.CAPACITY; i++) {
            byte[] b = new byte[32];
            b[0] = 1;
            b[28] = (byte) (i >>> 24);
            b[29] = (byte) (i >>> 16);
            b[30] = (byte) (i >>> 8);
            b[31] = (byte) i;
            relay.received(Bytes32.wrap(b));
        }
        assertThat(relay.shouldRequest(hash(0))).isTrue();
    }
}
