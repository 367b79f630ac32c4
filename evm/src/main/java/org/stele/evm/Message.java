package org.stele.evm;

import java.math.BigInteger;
import java.util.Objects;
import org.stele.common.Address;
import org.stele.common.Bytes;

/**
 * What a transaction asks the EVM to do at depth 0.
 *
 * <p>
 * For {@link Kind#CALL}, {@code to} is the callee and {@code input} the call data. For {@link Kind#CREATE},
 * {@code to} is the address of the new contract, which the transaction processor derives with
 * {@link Evm#createAddress(Address, long)} from the sender and the transaction's nonce, and {@code input} is the init
 * code. {@link Evm#execute} moves {@code value} from caller to {@code to} inside its own checkpoint, so a failed call
 * gives it back.
 */
public record Message(Kind kind, Address caller, Address to, BigInteger value, Bytes input, long gas,
        boolean isStatic) {
    public enum Kind {
        CALL, CREATE
    }

    public Message {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(input, "input");
        if (gas < 0)
            throw new IllegalArgumentException("negative gas");
        if (value.signum() < 0 || value.bitLength() > 256)
            throw new IllegalArgumentException("value out of range");
    }

    public static Message call(Address caller, Address to, BigInteger value, Bytes input, long gas) {
        return new Message(Kind.CALL, caller, to, value, input, gas, false);
    }

    public static Message create(Address caller, Address newAddress, BigInteger value, Bytes initCode, long gas) {
        return new Message(Kind.CREATE, caller, newAddress, value, initCode, gas, false);
    }
}
