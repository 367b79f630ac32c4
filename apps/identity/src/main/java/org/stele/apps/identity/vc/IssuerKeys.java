package org.stele.apps.identity.vc;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.sec.SECNamedCurves;
import org.bouncycastle.math.ec.ECCurve;
import org.stele.apps.identity.resolver.DidResolution;
import org.stele.apps.identity.resolver.DidResolver;
import org.stele.common.Address;
import org.stele.common.crypto.Keccak256;

/**
 * The keys that may sign credentials for a did:ethr issuer as of a credential's issuance: the {@code assertionMethod}
 * of the issuer's DID document at the last block at or before that time, from {@link DidResolver#resolveAt} (the
 * document ethr-did-resolver gives for that {@code versionId}, with validity judged at the issuance time itself).
 * That is the owner at that block ({@code #controller}), the {@code veriKey} and {@code sigAuth} delegates valid at
 * the issuance time, and the secp256k1 keys published as
 * {@code did/pub/Secp256k1/veriKey|sigAuth/…} attributes ({@code #delegate-N}). Each reduces to the address its key
 * recovers to, which is how an ES256K signature is matched: a later owner change, revocation or expiry does not undo a
 * credential issued before it, and a key removed before issuance cannot sign one.
 */
public final class IssuerKeys {
    private static final ECCurve SECP256K1 = SECNamedCurves.getByName("secp256k1").getCurve();
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    /** A verification method of the issuer (its id in the document) and the address its key signs as. */
    public record Key(String id, Address address) {}

    /**
     * The issuer's signing keys as of a time, or why there are none; {@code block} is the version resolved, -1 when
     * resolution failed.
     */
    public record AsOf(List<Key> keys, long block, Optional<String> refusal) {
        /** The key of {@code address}, if it is one. */
        public Optional<Key> of(Address address) {
            return keys.stream().filter(k -> k.address().equals(address)).findFirst();
        }
    }

    private final DidResolver resolver;

    public IssuerKeys(DidResolver resolver) {
        this.resolver = resolver;
    }

    /** The keys of {@code issuer}'s {@code assertionMethod} at the last block at or before {@code issued}. */
    public AsOf asOf(DidEthr issuer, Instant issued) {
        DidResolution r = resolver.resolveAt(issuer.toString(), issued);
        JsonNode result = r.result();
        if (r.outcome() == DidResolution.Outcome.UNAVAILABLE)
            throw new VcException(result.at("/didResolutionMetadata/message").asText());
        if (r.outcome() != DidResolution.Outcome.RESOLVED && r.outcome() != DidResolution.Outcome.DEACTIVATED)
            return new AsOf(List.of(), -1, Optional.of("cannot resolve " + issuer + " as of " + issued + ": "
                    + result.at("/didResolutionMetadata/message").asText()));
        long block = result.at("/didDocumentMetadata/versionId").asLong(0);
        if (r.outcome() == DidResolution.Outcome.DEACTIVATED)
            return new AsOf(List.of(), block, Optional.of(issuer + " was deactivated before " + issued));
        JsonNode document = result.get("didDocument");
        List<Key> keys = new ArrayList<>();
        for (JsonNode ref : document.path("assertionMethod")) {
            for (JsonNode method : document.path("verificationMethod")) {
                if (method.path("id").asText().equals(ref.asText()))
                    address(method).ifPresent(a -> keys.add(new Key(ref.asText(), a)));
            }
        }
        return new AsOf(List.copyOf(keys), block, Optional.empty());
    }

    /**
     * The address a verification method's secp256k1 key signs as: its {@code blockchainAccountId}, or the address of
     * its public key (hex, base64 or base58; compressed or not). Empty for a key of another curve.
     */
    static Optional<Address> address(JsonNode method) {
        String type = method.path("type").asText();
        if (method.hasNonNull("blockchainAccountId")) {
            String account = method.get("blockchainAccountId").asText();
            try {
                return Optional.of(Address.fromHex(account.substring(account.lastIndexOf(':') + 1)));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (!type.startsWith("EcdsaSecp256k1") && !type.startsWith("Secp256k1")) return Optional.empty();
        byte[] key;
        try {
            if (method.hasNonNull("publicKeyHex")) key = HexFormat.of().parseHex(method.get("publicKeyHex").asText());
            else if (method.hasNonNull("publicKeyBase64"))
                key = Base64.getDecoder().decode(method.get("publicKeyBase64").asText());
            else if (method.hasNonNull("publicKeyBase58")) key = base58(method.get("publicKeyBase58").asText());
            else
                return Optional.empty();
            if (key.length == 64) key = concat(new byte[]{4}, key);
            byte[] point = SECP256K1.decodePoint(key).getEncoded(false);
            byte[] hash = Keccak256.hash(point, 1, 64);
            return Optional.of(Address.wrap(Arrays.copyOfRange(hash, 12, 32)));
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // not a point on secp256k1: a key that signs nothing here
        }
    }

    private static byte[] base58(String text) {
        BigInteger value = BigInteger.ZERO;
        for (char c : text.toCharArray()) {
            int digit = BASE58.indexOf(c);
            if (digit < 0) throw new IllegalArgumentException("not base58");
            value = value.multiply(BigInteger.valueOf(58)).add(BigInteger.valueOf(digit));
        }
        byte[] raw = value.toByteArray();
        if (raw.length > 1 && raw[0] == 0) raw = Arrays.copyOfRange(raw, 1, raw.length);
        int zeros = 0;
        while (zeros < text.length() && text.charAt(zeros) == '1') zeros++;
        return concat(new byte[zeros], value.signum() == 0 ? new byte[0] : raw);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
