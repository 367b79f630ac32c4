package org.stele.governance;

import java.math.BigInteger;
import java.util.List;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.crypto.Keccak256;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;

/** Decoding of the contracts' answers, custom errors and events in tests. */
final class Abi {
    private Abi() {
    }

    static BigInteger uint(Bytes output) {
        return new BigInteger(1, output.toArray());
    }

    static boolean bool(Bytes output) {
        return uint(output).signum() != 0;
    }

    @SuppressWarnings("unchecked")
    static List<Address> addresses(Bytes output) {
        List<Type> decoded = FunctionReturnDecoder.decode(output.toHex(),
                List.of((TypeReference<Type>) (TypeReference<?>) new TypeReference<DynamicArray<org.web3j.abi.datatypes.Address>>() {
                }));
        List<org.web3j.abi.datatypes.Address> list = ((DynamicArray<org.web3j.abi.datatypes.Address>) decoded
                .getFirst()).getValue();
        return list.stream().map(a -> Address.fromHex(a.getValue())).toList();
    }

    static Bytes call(String function, Type<?>... arguments) {
        return GovernanceCalls.encode(function, arguments);
    }

    static org.web3j.abi.datatypes.Address address(Address a) {
        return new org.web3j.abi.datatypes.Address(a.toHex());
    }

    static Uint256 uint(long v) {
        return new Uint256(BigInteger.valueOf(v));
    }

    /** The revert data of custom error {@code signature} with these ABI-encoded arguments. */
    static Bytes error(String signature, Type<?>... arguments) {
        String name = signature.substring(0, signature.indexOf('('));
        Bytes encoded = GovernanceCalls.encode(name, arguments);
        return Bytes.concat(GovernanceCalls.selector(signature), encoded.slice(4, encoded.size() - 4));
    }

    /** The first topic of event {@code signature}. */
    static org.stele.common.Bytes32 topic(String signature) {
        return org.stele.common.Bytes32
                .wrap(Keccak256.hash(signature.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }
}
