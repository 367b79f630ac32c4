package org.stele.apps.identity.relay;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.crypto.Keccak256;

/**
 * A call of one of the registry's five {@code *Signed} functions, as a relayer receives it: the function, the identity
 * it changes (its first argument) and the whole call data. Anything else is not relayed: the operator pays only for
 * changes their owners signed.
 */
public record SignedChange(String function, Address identity, Bytes data) {
    /** The functions relayed, with the argument types after {@code (address identity, uint8, bytes32, bytes32)}. */
    static final List<String> FUNCTIONS = List.of("changeOwnerSigned(address,uint8,bytes32,bytes32,address)",
            "addDelegateSigned(address,uint8,bytes32,bytes32,bytes32,address,uint256)",
            "revokeDelegateSigned(address,uint8,bytes32,bytes32,bytes32,address)",
            "setAttributeSigned(address,uint8,bytes32,bytes32,bytes32,bytes,uint256)",
            "revokeAttributeSigned(address,uint8,bytes32,bytes32,bytes32,bytes)");

    /** Reads call data; the refusal says in one line why it is not a signed change. */
    public static SignedChange parse(Bytes data) {
        Optional<String> function = data.size() < 4
                ? Optional.empty()
                : FUNCTIONS.stream().filter(f -> selector(f).equals(data.slice(0, 4))).findFirst();
        if (function.isEmpty())
            throw new RelayRefusal(RelayRefusal.Code.NOT_SIGNED_CHANGE, "the call's selector "
                    + (data.size() < 4 ? "is missing" : data.slice(0, 4).toHex())
                    + ": it is none of the registry's changeOwnerSigned, addDelegateSigned, revokeDelegateSigned,"
                    + " setAttributeSigned, revokeAttributeSigned");
        if (data.size() < 4 + 4 * 32)
            throw new RelayRefusal(RelayRefusal.Code.NOT_SIGNED_CHANGE, "the call data is " + data.size()
                    + " bytes: a *Signed call of the registry has at least four arguments");
        byte[] word = data.slice(4, 32).toArray();
        for (int i = 0; i < 12; i++)
            if (word[i] != 0)
                throw new RelayRefusal(RelayRefusal.Code.NOT_SIGNED_CHANGE, "the identity argument is not an address");
        String f = function.get();
        return new SignedChange(f.substring(0, f.indexOf('(')), Address.wrap(Arrays.copyOfRange(word, 12, 32)), data);
    }

    static Bytes selector(String signature) {
        return Bytes.wrap(Arrays.copyOf(Keccak256.hash(signature.getBytes(StandardCharsets.US_ASCII)), 4));
    }
}
