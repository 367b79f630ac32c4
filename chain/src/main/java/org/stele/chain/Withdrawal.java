package org.stele.chain;

import java.util.Objects;
import org.stele.common.Address;
import org.stele.common.rlp.RlpReader;
import org.stele.common.rlp.RlpWriter;

/**
 * An EIP-4895 withdrawal: {@code rlp([index, validatorIndex, address, amount])}, the amount in gwei. Stele's
 * consensus does not use beacon-chain withdrawals, but headers and bodies keep the field so Shanghai-and-later
 * blocks encode and hash as Ethereum's do.
 */
public record Withdrawal(long index, long validatorIndex, Address address, long amountGwei) {
    public Withdrawal {
        Objects.requireNonNull(address, "address");
    }

    public byte[] encode() {
        RlpWriter w = new RlpWriter(48);
        writeTo(w);
        return w.toByteArray();
    }

    public void writeTo(RlpWriter w) {
        w.startList().writeUnsignedLong(index).writeUnsignedLong(validatorIndex).writeBytes(address)
                .writeUnsignedLong(amountGwei).endList();
    }

    public static Withdrawal readFrom(RlpReader r) {
        RlpReader l = r.readList();
        Withdrawal w = new Withdrawal(l.readUnsignedLong(), l.readUnsignedLong(), l.readAddress(),
                l.readUnsignedLong());
        l.requireEnd();
        return w;
    }
}
