package org.stele.state;

import java.math.BigInteger;
import java.util.Objects;
import org.stele.common.Bytes32;
import org.stele.common.rlp.RlpException;
import org.stele.common.rlp.RlpReader;
import org.stele.common.rlp.RlpWriter;

/**
 * An account as the world-state trie stores it: {@code rlp([nonce, balance, storageRoot, codeHash])} under
 * keccak(address).
 *
 * @param nonce
 *            the bits of an unsigned 64-bit integer (EIP-2681 caps nonces at 2^64 - 1)
 * @param balance
 *            0 to 2^256 - 1
 */
public record StateAccount(long nonce, BigInteger balance, Bytes32 storageRoot, Bytes32 codeHash) {
    /** keccak(rlp("")): the root of a trie with nothing in it. */
    public static final Bytes32 EMPTY_TRIE_ROOT = Bytes32
            .fromHex("0x56e81f171bcc55a6ff8345e692c0f86e5b48e01b996cadc001622fb5e363b421");
    /** keccak(""): the code hash of an account without code. */
    public static final Bytes32 EMPTY_CODE_HASH = Bytes32
            .fromHex("0xc5d2460186f7233c927e7db2dcc703c0e500b653ca82273b7bfad8045d85a470");
    /** An encoded account is at most 4 + 9 + 33 + 33 + 33 bytes; anything longer is corrupt. */
    public static final int MAX_ENCODED_SIZE = 128;

    public StateAccount {
        Objects.requireNonNull(balance, "balance");
        Objects.requireNonNull(storageRoot, "storageRoot");
        Objects.requireNonNull(codeHash, "codeHash");
        if (balance.signum() < 0 || balance.bitLength() > 256)
            throw new IllegalArgumentException("balance out of range: " + balance);
    }

    public byte[] encode() {
        return new RlpWriter(MAX_ENCODED_SIZE).startList().writeUnsignedLong(nonce).writeBigInteger(balance)
                .writeBytes(storageRoot).writeBytes(codeHash).endList().toByteArray();
    }

    /** @throws RlpException when the bytes are not exactly one canonical account encoding */
    public static StateAccount decode(byte[] encoded) {
        if (encoded.length > MAX_ENCODED_SIZE)
            throw new RlpException("account encoding of " + encoded.length + " bytes is too long", 0);
        RlpReader r = RlpReader.list(encoded);
        StateAccount a = new StateAccount(r.readUnsignedLong(), r.readUInt256(), r.readBytes32(), r.readBytes32());
        r.requireEnd();
        return a;
    }

    /** EIP-161: no code, nonce zero and balance zero. */
    public boolean isEmpty() {
        return nonce == 0 && balance.signum() == 0 && codeHash.equals(EMPTY_CODE_HASH);
    }
}
