package org.stele.consensus.qbft.message;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.stele.testkit.TestKeys;

/**
 * A message exactly at the size limit is read (and here refused for what it holds); one byte more is refused unread.
 */
class MessageSizeLimitTest {
    private static final MessageCodec CODEC = new MessageCodec(TestKeys.SUITE);

    @Test
    void aWireMessageOfExactlyTheLimitIsReadAndOneByteMoreIsNot() {
        byte[] atLimit = new byte[MessageCodec.MAX_MESSAGE_SIZE];
        atLimit[0] = MessageCodes.PREPARE;
        assertThatThrownBy(() -> CODEC.fromWire(atLimit)).isInstanceOf(MessageDecodingException.class)
                .hasMessageContaining("malformed");

        byte[] over = new byte[MessageCodec.MAX_MESSAGE_SIZE + 1];
        over[0] = MessageCodes.PREPARE;
        assertThatThrownBy(() -> CODEC.fromWire(over)).isInstanceOf(MessageDecodingException.class)
                .hasMessageContaining("exceeds");
    }

    @Test
    void anRlpBodyOfExactlyTheLimitIsReadAndOneByteMoreIsNot() {
        assertThatThrownBy(() -> CODEC.decode(MessageCodes.PREPARE, new byte[MessageCodec.MAX_MESSAGE_SIZE]))
                .isInstanceOf(MessageDecodingException.class).hasMessageContaining("malformed");
        assertThatThrownBy(() -> CODEC.decode(MessageCodes.PREPARE, new byte[MessageCodec.MAX_MESSAGE_SIZE + 1]))
                .isInstanceOf(MessageDecodingException.class).hasMessageContaining("exceeds");
    }
}
