package org.stele.p2p;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.EncoderException;
import io.netty.handler.codec.MessageToMessageCodec;
import java.util.List;
import org.stele.p2p.message.Message;
import org.stele.p2p.message.MessageCodec;

/**
 * Frame payloads to messages and back. Sits behind Netty's length-field framing (a 4-byte big-endian length before
 * each payload); a payload that does not decode fails the pipeline with a {@code MalformedMessageException} cause.
 */
final class FrameCodec extends MessageToMessageCodec<ByteBuf, Message> {
    private final int maxFrameBytes;

    FrameCodec(int maxFrameBytes) {
        this.maxFrameBytes = maxFrameBytes;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, Message msg, List<Object> out) {
        byte[] payload = MessageCodec.encode(msg);
        if (payload.length > maxFrameBytes)
            throw new EncoderException("message of " + payload.length + " bytes exceeds the frame limit of "
                    + maxFrameBytes);
        out.add(ctx.alloc().buffer(payload.length).writeBytes(payload));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf frame, List<Object> out) throws Exception {
        out.add(MessageCodec.decode(ByteBufUtil.getBytes(frame)));
    }
}
