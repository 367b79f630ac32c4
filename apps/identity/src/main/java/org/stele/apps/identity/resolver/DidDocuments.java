package org.stele.apps.identity.resolver;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;

/**
 * Builds a did:ethr document from an identity's history exactly as ethr-did-resolver 11.0.4's
 * {@code wrapDidDocument} does: the same verification methods in the same order and with the same ids
 * ({@code #controller}, {@code #controllerKey}, {@code #delegate-N}, {@code #service-N}), where N counts every delegate
 * or key event seen, valid or not, so that ids do not move when an earlier delegate expires. An entry is keyed by its
 * event's kind, type or name, and delegate or value, as there: setting it again keeps its place, revoking it removes
 * it.
 */
final class DidDocuments {
    /** The verification method type of addresses (the controller, delegates). */
    static final String RECOVERY_2020 = "EcdsaSecp256k1RecoveryMethod2020";
    private static final Pattern ATTRIBUTE = Pattern.compile("^did/(pub|svc)/(\\w+)(/(\\w+))?(/(\\w+))?$");
    private static final Map<String, String> LEGACY_ATTR_TYPES = Map.of("sigAuth", "SignatureAuthentication2018",
            "veriKey", "VerificationKey2018", "enc", "KeyAgreementKey2019");
    private static final Map<String, String> LEGACY_ALGO_MAP = Map.of(
            "Secp256k1VerificationKey2018", "EcdsaSecp256k1VerificationKey2019",
            "Ed25519SignatureAuthentication2018", "Ed25519VerificationKey2018",
            "Secp256k1SignatureAuthentication2018", "EcdsaSecp256k1VerificationKey2019",
            "RSAVerificationKey2018", "RSAVerificationKey2018",
            "Ed25519VerificationKey2018", "Ed25519VerificationKey2018",
            "X25519KeyAgreementKey2019", "X25519KeyAgreementKey2019");
    private static final String BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /**
     * A document and its version facts; {@code nextVersionId} is {@link Long#MAX_VALUE} when no change follows the
     * version asked for.
     */
    record Built(ObjectNode didDocument, boolean deactivated, long versionId, long nextVersionId) {}

    private DidDocuments() {
    }

    /**
     * @param blockHeight
     *            the version asked for, or -1 for the latest
     * @param now
     *            the time validity is judged at, in seconds: the block's for a version, the clock's for the latest
     */
    static Built build(String did, Address address, String controllerKey, List<DidEvent> history, long chainId,
            long blockHeight, BigInteger now) {
        String controller = address.toChecksumHex();
        long versionId = 0;
        long nextVersionId = Long.MAX_VALUE;
        boolean deactivated = false;
        int delegateCount = 0;
        int serviceCount = 0;
        Map<String, String> auth = new LinkedHashMap<>();
        Map<String, String> keyAgreementRefs = new LinkedHashMap<>();
        Map<String, String> signingRefs = new LinkedHashMap<>();
        Map<String, ObjectNode> pks = new LinkedHashMap<>();
        Map<String, ObjectNode> services = new LinkedHashMap<>();
        for (DidEvent event : history) {
            if (blockHeight != -1 && event.block() > blockHeight) {
                nextVersionId = Math.min(nextVersionId, event.block());
                continue;
            }
            versionId = Math.max(versionId, event.block());
            BigInteger validTo = switch (event) {
                case DidEvent.OwnerChanged o -> BigInteger.ZERO;
                case DidEvent.DelegateChanged d -> d.validTo();
                case DidEvent.AttributeChanged a -> a.validTo();
            };
            String eventIndex = eventIndex(event);
            if (validTo.signum() > 0 && validTo.compareTo(now) >= 0) {
                if (event instanceof DidEvent.DelegateChanged d) {
                    delegateCount++;
                    String id = did + "#delegate-" + delegateCount;
                    String type = text(d.delegateType());
                    if (type.equals("sigAuth") || type.equals("veriKey")) {
                        if (type.equals("sigAuth"))
                            auth.put(eventIndex, id);
                        ObjectNode pk = NODES.objectNode().put("id", id).put("type", RECOVERY_2020)
                                .put("controller", did)
                                .put("blockchainAccountId", "eip155:" + chainId + ":" + d.delegate().toChecksumHex());
                        pks.put(eventIndex, pk);
                        signingRefs.put(eventIndex, id);
                    }
                } else if (event instanceof DidEvent.AttributeChanged a) {
                    Matcher match = ATTRIBUTE.matcher(text(a.name()));
                    if (match.matches()) {
                        String section = match.group(1);
                        String algorithm = match.group(2);
                        if (section.equals("pub")) {
                            delegateCount++;
                            String purpose = match.group(4);
                            String id = did + "#delegate-" + delegateCount;
                            String legacy = purpose == null
                                    ? "undefined"
                                    : LEGACY_ATTR_TYPES.getOrDefault(purpose, purpose);
                            ObjectNode pk = NODES.objectNode().put("id", id)
                                    .put("type", LEGACY_ALGO_MAP.getOrDefault(algorithm + legacy, algorithm))
                                    .put("controller", did);
                            putKey(pk, match.group(6), a.value());
                            pks.put(eventIndex, pk);
                            if ("sigAuth".equals(purpose)) {
                                auth.put(eventIndex, id);
                                signingRefs.put(eventIndex, id);
                            } else if ("enc".equals(purpose)) {
                                keyAgreementRefs.put(eventIndex, id);
                            } else {
                                signingRefs.put(eventIndex, id);
                            }
                        } else {
                            serviceCount++;
                            services.put(eventIndex, NODES.objectNode().put("id", did + "#service-" + serviceCount)
                                    .put("type", algorithm).set("serviceEndpoint", endpoint(a.value())));
                        }
                    }
                }
            } else if (event instanceof DidEvent.OwnerChanged o) {
                controller = o.owner().toChecksumHex();
                if (o.owner().equals(Address.ZERO)) {
                    deactivated = true;
                    break;
                }
            } else {
                if (event instanceof DidEvent.DelegateChanged
                        || event instanceof DidEvent.AttributeChanged a && text(a.name()).startsWith("did/pub/")) {
                    delegateCount++;
                } else if (event instanceof DidEvent.AttributeChanged a && text(a.name()).startsWith("did/svc/")) {
                    serviceCount++;
                }
                auth.remove(eventIndex);
                signingRefs.remove(eventIndex);
                pks.remove(eventIndex);
                services.remove(eventIndex);
            }
        }
        ObjectNode document = NODES.objectNode().put("id", did);
        if (deactivated) {
            document.putArray("verificationMethod");
            document.putArray("authentication");
            document.putArray("assertionMethod");
            return new Built(document, true, versionId, nextVersionId);
        }
        ArrayNode methods = document.putArray("verificationMethod");
        methods.addObject().put("id", did + "#controller").put("type", RECOVERY_2020).put("controller", did)
                .put("blockchainAccountId", "eip155:" + chainId + ":" + controller);
        ArrayNode authentication = NODES.arrayNode().add(did + "#controller");
        ArrayNode assertion = NODES.arrayNode().add(did + "#controller");
        if (controllerKey != null && controller.equals(address.toChecksumHex())) {
            methods.addObject().put("id", did + "#controllerKey").put("type", "EcdsaSecp256k1VerificationKey2019")
                    .put("controller", did).put("publicKeyHex", strip0x(controllerKey));
            authentication.add(did + "#controllerKey");
            assertion.add(did + "#controllerKey");
        }
        pks.values().forEach(methods::add);
        auth.values().forEach(authentication::add);
        signingRefs.values().forEach(assertion::add);
        document.set("authentication", authentication);
        document.set("assertionMethod", assertion);
        if (!services.isEmpty())
            services.values().forEach(document.putArray("service")::add);
        if (!keyAgreementRefs.isEmpty())
            keyAgreementRefs.values().forEach(document.putArray("keyAgreement")::add);
        return new Built(document, false, versionId, nextVersionId);
    }

    /** ethr-did-resolver's key of an entry: the event's name, its type or name, and its delegate or value. */
    private static String eventIndex(DidEvent event) {
        return switch (event) {
            case DidEvent.OwnerChanged o -> "DIDOwnerChanged-undefined-undefined";
            case DidEvent.DelegateChanged d -> "DIDDelegateChanged-" + orUndefined(text(d.delegateType())) + "-"
                    + d.delegate().toChecksumHex();
            case DidEvent.AttributeChanged a -> "DIDAttributeChanged-" + orUndefined(text(a.name())) + "-"
                    + a.value().toHex();
        };
    }

    private static String orUndefined(String s) {
        return s.isEmpty() ? "undefined" : s;
    }

    private static void putKey(ObjectNode pk, String encoding, Bytes value) {
        if (encoding == null || encoding.equals("hex"))
            pk.put("publicKeyHex", strip0x(value.toHex()));
        else if (encoding.equals("base64"))
            pk.put("publicKeyBase64", Base64.getEncoder().encodeToString(value.unsafeArray()));
        else if (encoding.equals("base58"))
            pk.put("publicKeyBase58", base58(value.unsafeArray()));
        else if (encoding.equals("pem"))
            pk.put("publicKeyPem", new String(value.unsafeArray(), StandardCharsets.UTF_8));
        else
            pk.put("value", strip0x(value.toHex()));
    }

    /** A service's endpoint: the value as JSON when it parses as JSON, otherwise the value as a string. */
    private static JsonNode endpoint(Bytes value) {
        String text = new String(value.unsafeArray(), StandardCharsets.UTF_8);
        try {
            JsonNode parsed = JSON.readTree(text);
            if (parsed != null && !parsed.isMissingNode())
                return parsed;
        } catch (JsonProcessingException e) {
            // not JSON: the endpoint is the string itself, as ethr-did-resolver has it
        }
        return NODES.textNode(text);
    }

    /** A bytes32 as ethers reads it: UTF-8, without its trailing NUL bytes. */
    static String text(Bytes32 word) {
        return new String(word.unsafeArray(), StandardCharsets.UTF_8).replaceAll("\0+$", "");
    }

    static String strip0x(String s) {
        return s.startsWith("0x") ? s.substring(2) : s;
    }

    private static String base58(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        BigInteger value = new BigInteger(1, bytes);
        BigInteger base = BigInteger.valueOf(58);
        while (value.signum() > 0) {
            BigInteger[] qr = value.divideAndRemainder(base);
            out.append(BASE58.charAt(qr[1].intValue()));
            value = qr[0];
        }
        for (int i = 0; i < bytes.length && bytes[i] == 0; i++) out.append('1');
        return out.reverse().toString();
    }
}
