package org.stele.apps.notary;

import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.Utf8String;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.utils.Numeric;

/** The Notary contract's calls, ABI-encoded as 0x-hex call data. Hashes are 0x and 64 hex digits. */
public final class NotaryCalls {
    private NotaryCalls() {
    }

    public static String stamp(String hash) {
        return encode("stamp", word(hash));
    }

    public static String stampBatch(String root, long size) {
        return encode("stampBatch", word(root), new Uint256(size));
    }

    public static String createDocument(String document, List<String> parties, int threshold) {
        return encode("createDocument", word(document), addresses(parties), new Uint8(threshold));
    }

    public static String sign(String document) {
        return encode("sign", word(document));
    }

    public static String signFor(String document, String signer, byte[] signature) {
        return encode("signFor", word(document), new Address(signer), new DynamicBytes(signature));
    }

    public static String revoke(String document, String reason) {
        return encode("revoke", word(document), new Utf8String(reason));
    }

    public static String supersede(String document, String newVersion, List<String> parties, int threshold) {
        return encode("supersede", word(document), word(newVersion), addresses(parties), new Uint8(threshold));
    }

    public static String documentOf(String document) {
        return encode("documentOf", word(document));
    }

    public static String stampOf(String hash) {
        return encode("stampOf", word(hash));
    }

    public static String signatureDigest(String document) {
        return encode("signatureDigest", word(document));
    }

    static Bytes32 word(String hash) {
        if (hash == null || !hash.matches("0x[0-9a-fA-F]{64}"))
            throw new IllegalArgumentException("\"" + hash + "\" is not a hash (0x and 64 hex digits)");
        return new Bytes32(Numeric.hexStringToByteArray(hash));
    }

    private static DynamicArray<Address> addresses(List<String> parties) {
        for (String p : parties)
            if (p == null || !p.matches("0x[0-9a-fA-F]{40}"))
                throw new IllegalArgumentException("\"" + p + "\" is not an address (0x and 40 hex digits)");
        return new DynamicArray<>(Address.class, parties.stream().map(Address::new).toList());
    }

    private static String encode(String name, Type<?>... arguments) {
        return FunctionEncoder.encode(new Function(name, List.of(arguments), List.of()));
    }
}
