package org.stele.execution.importer;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.stele.chain.Block;

/**
 * A file of blocks as geth's {@code export} writes it: each block's RLP, one after the other, nothing between. Reading
 * takes one RLP list at a time from the stream, so a file of any length is read in constant memory; a block above
 * {@link Block#DEFAULT_MAX_ENCODED_SIZE} or a truncated one is an error naming its offset.
 */
public final class BlockFile {
    private final InputStream in;
    private long offset;

    public BlockFile(InputStream in) {
        this.in = in;
    }

    public static void write(OutputStream out, Block block) throws IOException {
        out.write(block.encode());
    }

    /** Offset in the file of the next block. */
    public long offset() {
        return offset;
    }

    /** The next block's encoding, or null at the end of the file. */
    public byte[] next() throws IOException {
        int first = in.read();
        if (first < 0)
            return null;
        if (first < 0xc0)
            throw new IOException("at offset " + offset + ": a block is an RLP list, found byte 0x"
                    + Integer.toHexString(first));
        int lengthOfLength = first > 0xf7 ? first - 0xf7 : 0;
        byte[] prefix = new byte[1 + lengthOfLength];
        prefix[0] = (byte) first;
        readFully(prefix, 1, lengthOfLength);
        long payload = first <= 0xf7 ? first - 0xc0 : 0;
        for (int i = 1; i <= lengthOfLength; i++)
            payload = (payload << 8) | (prefix[i] & 0xff);
        long total = prefix.length + payload;
        if (payload < 0 || total > Block.DEFAULT_MAX_ENCODED_SIZE)
            throw new IOException("at offset " + offset + ": a block of " + total + " bytes is above the limit of "
                    + Block.DEFAULT_MAX_ENCODED_SIZE);
        byte[] block = new byte[(int) total];
        System.arraycopy(prefix, 0, block, 0, prefix.length);
        readFully(block, prefix.length, (int) payload);
        offset += total;
        return block;
    }

    private void readFully(byte[] into, int from, int length) throws IOException {
        int done = 0;
        while (done < length) {
            int n = in.read(into, from + done, length - done);
            if (n < 0)
                throw new EOFException("at offset " + offset + ": the file ends inside a block");
            done += n;
        }
    }
}
