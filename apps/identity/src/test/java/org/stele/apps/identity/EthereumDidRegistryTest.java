package org.stele.apps.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stele.chain.Log;
import org.stele.chain.Receipt;
import org.stele.common.Bytes;
import org.stele.common.Bytes32;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Keccak256;
import org.stele.common.crypto.Signature;
import org.stele.evm.Status;
import org.stele.execution.TransactionResult;
import org.stele.testkit.TestKeys;
import org.web3j.abi.EventEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicBytes;
import org.web3j.abi.datatypes.Event;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/**
 * The ERC-1056 registry's rules, run on the real EVM from the committed build: owners, delegates and attributes, the
 * events that link each change to the previous one, the signed (relayed) variants and their one nonce rule, and
 * deactivation that lasts.
 */
class EthereumDidRegistryTest {
    private static final KeyPair ALICE = TestKeys.named("alice");
    private static final KeyPair BOB = TestKeys.named("bob");
    private static final KeyPair RELAYER = TestKeys.named("relayer");
    private static final org.web3j.abi.datatypes.generated.Bytes32 VERI_KEY = name("veriKey");
    private static final org.web3j.abi.datatypes.generated.Bytes32 SERVICE = name("did/svc/HubService");
    private static final Address ZERO = new Address(BigInteger.ZERO);

    private static final Event OWNER_CHANGED = new Event("DIDOwnerChanged", List.of(
            new TypeReference<Address>(true) {
            }, new TypeReference<Address>() {
            }, new TypeReference<Uint256>() {
            }));
    private static final Event DELEGATE_CHANGED = new Event("DIDDelegateChanged",
            List.of(new TypeReference<Address>(true) {
            },
                    new TypeReference<org.web3j.abi.datatypes.generated.Bytes32>() {
                    },
                    new TypeReference<Address>() {
                    }, new TypeReference<Uint256>() {
                    }, new TypeReference<Uint256>() {
                    }));
    private static final Event ATTRIBUTE_CHANGED = new Event("DIDAttributeChanged",
            List.of(new TypeReference<Address>(true) {
            },
                    new TypeReference<org.web3j.abi.datatypes.generated.Bytes32>() {
                    },
                    new TypeReference<DynamicBytes>() {
                    }, new TypeReference<Uint256>() {
                    },
                    new TypeReference<Uint256>() {
                    }));

    private final RegistryChain registry = new RegistryChain(List.of(ALICE, BOB, RELAYER));

    @Test
    void anIdentityOwnsItselfUntilItsOwnerIsChanged() {
        assertThat(owner(ALICE)).isEqualTo(address(ALICE));

        Receipt r = registry.send(ALICE, fn("changeOwner", address(ALICE), address(BOB)));

        assertThat(r.success()).isTrue();
        assertThat(owner(ALICE)).isEqualTo(address(BOB));
        List<Type> event = event(r, OWNER_CHANGED);
        assertThat(event.get(0)).isEqualTo(address(BOB));
        assertThat(event.get(1)).as("previousChange of a first change").isEqualTo(new Uint256(0));
        assertThat(changed(ALICE)).isEqualTo(registry.headNumber());
    }

    @Test
    void onlyTheCurrentOwnerMayChangeAnIdentity() {
        assertRefused(BOB, fn("changeOwner", address(ALICE), address(BOB)), "NotIdentityOwner(address,address)");
        registry.send(ALICE, fn("changeOwner", address(ALICE), address(BOB)));

        assertRefused(ALICE, fn("setAttribute", address(ALICE), SERVICE, bytes("https://hub"), new Uint256(60)),
                "NotIdentityOwner(address,address)");
        assertThat(registry.send(BOB, fn("setAttribute", address(ALICE), SERVICE, bytes("https://hub"),
                new Uint256(60))).success()).as("the new owner").isTrue();
    }

    @Test
    void everyChangeNamesTheBlockOfThePreviousOneSoThatResolversCanWalkBack() {
        Receipt first = registry.send(ALICE, fn("setAttribute", address(ALICE), SERVICE, bytes("a"), new Uint256(60)));
        long firstBlock = registry.headNumber();
        Receipt second = registry.send(ALICE, fn("addDelegate", address(ALICE), VERI_KEY, address(BOB),
                new Uint256(60)));
        long secondBlock = registry.headNumber();
        Receipt third = registry.send(ALICE, fn("changeOwner", address(ALICE), address(BOB)));

        assertThat(event(first, ATTRIBUTE_CHANGED).get(3)).isEqualTo(new Uint256(0));
        assertThat(event(second, DELEGATE_CHANGED).get(3)).isEqualTo(new Uint256(firstBlock));
        assertThat(event(third, OWNER_CHANGED).get(1)).isEqualTo(new Uint256(secondBlock));
        assertThat(changed(ALICE)).isEqualTo(registry.headNumber());
    }

    @Test
    void aDelegateIsValidUntilItsValidityEndsOrItIsRevoked() {
        Receipt added = registry.send(ALICE, fn("addDelegate", address(ALICE), VERI_KEY, address(BOB), new Uint256(3)));
        long addedAt = registry.headTimestamp();
        assertThat(event(added, DELEGATE_CHANGED).get(2)).as("validTo").isEqualTo(new Uint256(addedAt + 3));
        // Calls run in the next block's context: head timestamp + 1.
        assertThat(validDelegate(ALICE, VERI_KEY, BOB)).isTrue();
        assertThat(validDelegate(ALICE, name("sigAuth"), BOB)).as("another delegate type").isFalse();
        registry.send(RELAYER, fn("nonce", address(RELAYER))); // one block: timestamp + 1
        assertThat(validDelegate(ALICE, VERI_KEY, BOB)).as("at validTo - 1").isTrue();
        registry.send(RELAYER, fn("nonce", address(RELAYER)));
        assertThat(validDelegate(ALICE, VERI_KEY, BOB)).as("at validTo").isFalse();

        registry.send(ALICE, fn("addDelegate", address(ALICE), VERI_KEY, address(BOB), new Uint256(3600)));
        assertThat(validDelegate(ALICE, VERI_KEY, BOB)).isTrue();
        Receipt revoked = registry.send(ALICE, fn("revokeDelegate", address(ALICE), VERI_KEY, address(BOB)));
        assertThat(event(revoked, DELEGATE_CHANGED).get(2)).isEqualTo(new Uint256(registry.headTimestamp()));
        assertThat(validDelegate(ALICE, VERI_KEY, BOB)).isFalse();
    }

    @Test
    void aValidityOfForEverDoesNotOverflow() {
        BigInteger max = BigInteger.TWO.pow(256).subtract(BigInteger.ONE);
        Receipt r = registry.send(ALICE, fn("addDelegate", address(ALICE), VERI_KEY, address(BOB), new Uint256(max)));
        assertThat(r.success()).isTrue();
        assertThat(event(r, DELEGATE_CHANGED).get(2)).isEqualTo(new Uint256(max));
        assertThat(validDelegate(ALICE, VERI_KEY, BOB)).isTrue();
    }

    @Test
    void attributesLiveInEventsAndARevocationHasValidityZero() {
        Receipt set = registry.send(ALICE, fn("setAttribute", address(ALICE), SERVICE, bytes("https://hub.example"),
                new Uint256(86_400)));
        List<Type> e = event(set, ATTRIBUTE_CHANGED);
        assertThat(e.get(0)).isEqualTo(SERVICE);
        assertThat(e.get(1)).isEqualTo(bytes("https://hub.example"));
        assertThat(e.get(2)).isEqualTo(new Uint256(registry.headTimestamp() + 86_400));

        Receipt revoked = registry.send(ALICE, fn("revokeAttribute", address(ALICE), SERVICE,
                bytes("https://hub.example")));
        assertThat(event(revoked, ATTRIBUTE_CHANGED).get(2)).isEqualTo(new Uint256(0));
    }

    @Test
    void aDeactivatedIdentityStaysDeactivatedAndIsNeverReportedAsItsOwnOwnerAgain() {
        Receipt r = registry.send(ALICE, fn("changeOwner", address(ALICE), ZERO));
        assertThat(event(r, OWNER_CHANGED).get(0)).isEqualTo(ZERO);

        assertThat(owner(ALICE)).as("the deployed registry answers the identity itself here").isEqualTo(ZERO);
        assertThat(registry.call(fn("deactivated", List.of(new TypeReference<Bool>() {
        }), address(ALICE))).getFirst())
                .isEqualTo(new Bool(true));
        assertRefused(ALICE, fn("changeOwner", address(ALICE), address(ALICE)), "IdentityDeactivated(address)");
        assertRefused(ALICE, fn("setAttribute", address(ALICE), SERVICE, bytes("x"), new Uint256(1)),
                "IdentityDeactivated(address)");
        assertRefused(ALICE, fn("addDelegate", address(ALICE), VERI_KEY, address(BOB), new Uint256(1)),
                "IdentityDeactivated(address)");
        Signature s = sign(ALICE, packed(ALICE, 0, "changeOwner", address(ALICE).toString()));
        assertRefused(RELAYER, signedChangeOwner(ALICE, s, address(ALICE)), "IdentityDeactivated(address)");
    }

    @Test
    void anOwnerCanSignAChangeThatAnyoneRelaysOnceOnly() {
        Signature s = sign(ALICE, packed(ALICE, 0, "changeOwner", address(BOB).toString()));
        Function relayed = signedChangeOwner(ALICE, s, address(BOB));

        assertThat(registry.send(RELAYER, relayed).success()).isTrue();
        assertThat(owner(ALICE)).isEqualTo(address(BOB));
        assertThat(nonce(ALICE)).as("the owner's nonce is spent").isEqualTo(1);
        assertThat(nonce(RELAYER)).isZero();

        // Replayed, the same signature is over nonce 0 while the hash now holds the new owner's nonce: it recovers to
        // some other address, which is not the owner.
        assertRefused(RELAYER, relayed, "NotIdentityOwner(address,address)");
    }

    @Test
    void everySignedChangeSignsTheCurrentOwnersNonce() {
        registry.send(ALICE, fn("changeOwner", address(ALICE), address(BOB)));
        // Bob now owns Alice's identity: he signs with his own nonce, whatever Alice's is.
        Signature stale = sign(ALICE, packed(ALICE, 0, "setAttribute", SERVICE.getValue(), "x".getBytes(), 60L));
        assertRefused(RELAYER, signedSetAttribute(ALICE, stale, "x", 60), "NotIdentityOwner(address,address)");

        Signature s = sign(BOB, packed(ALICE, nonce(BOB), "setAttribute", SERVICE.getValue(), "x".getBytes(), 60L));
        assertThat(registry.send(RELAYER, signedSetAttribute(ALICE, s, "x", 60)).success()).isTrue();
        assertThat(nonce(BOB)).isEqualTo(1);

        Signature delegate = sign(BOB, packed(ALICE, 1, "addDelegate", VERI_KEY.getValue(), address(RELAYER)
                .toString(), 60L));
        assertThat(registry.send(RELAYER, fn("addDelegateSigned", address(ALICE), new Uint8(27 + delegate.recoveryId()),
                word(delegate.r()), word(delegate.s()), VERI_KEY, address(RELAYER), new Uint256(60))).success())
                .isTrue();
        assertThat(validDelegate(ALICE, VERI_KEY, RELAYER)).isTrue();

        Signature revoke = sign(BOB, packed(ALICE, 2, "revokeDelegate", VERI_KEY.getValue(), address(RELAYER)
                .toString()));
        assertThat(registry.send(RELAYER, fn("revokeDelegateSigned", address(ALICE),
                new Uint8(27 + revoke.recoveryId()), word(revoke.r()), word(revoke.s()), VERI_KEY, address(RELAYER)))
                .success()).isTrue();
        assertThat(validDelegate(ALICE, VERI_KEY, RELAYER)).isFalse();

        Signature revokeAttribute = sign(BOB, packed(ALICE, 3, "revokeAttribute", SERVICE.getValue(),
                "x".getBytes()));
        assertThat(registry.send(RELAYER, fn("revokeAttributeSigned", address(ALICE),
                new Uint8(27 + revokeAttribute.recoveryId()), word(revokeAttribute.r()), word(revokeAttribute.s()),
                SERVICE, bytes("x"))).success()).isTrue();
        assertThat(nonce(BOB)).isEqualTo(4);
    }

    @Test
    void aSignatureByAnotherKeyOrByNoKeyIsRefused() {
        Signature byBob = sign(BOB, packed(ALICE, 0, "changeOwner", address(BOB).toString()));
        assertRefused(RELAYER, signedChangeOwner(ALICE, byBob, address(BOB)), "NotIdentityOwner(address,address)");

        Function noKey = fn("changeOwnerSigned", address(ALICE), new Uint8(0), word(Bytes32.ZERO), word(Bytes32.ZERO),
                address(BOB));
        assertRefused(RELAYER, noKey, "InvalidSignature(address)");
        assertThat(owner(ALICE)).isEqualTo(address(ALICE));
    }

    @Test
    void theCodeInGenesisIsWhatTheCommittedCreationCodeDeploys() throws Exception {
        var artifact = new com.fasterxml.jackson.databind.ObjectMapper().readTree(
                DidRegistry.class.getResourceAsStream("contracts/EthereumDIDRegistry.json"));
        TransactionResult.Executed deployed = registry.chain().call(TestKeys.address(RELAYER), null,
                Bytes.fromHex(artifact.path("bytecode").asText()));
        assertThat(deployed.status()).isEqualTo(Status.SUCCESS);
        assertThat(deployed.output()).isEqualTo(DidRegistry.code());
    }

    // --- helpers ---

    private void assertRefused(KeyPair sender, Function f, String errorSignature) {
        TransactionResult.Executed r = registry.execute(TestKeys.address(sender), f);
        assertThat(r.status()).as(f.getName()).isEqualTo(Status.REVERT);
        assertThat(r.output().toHex()).as(f.getName() + " reverts with " + errorSignature)
                .startsWith(selector(errorSignature));
        assertThat(registry.send(sender, f).success()).as(f.getName() + " mined").isFalse();
    }

    private static String selector(String signature) {
        return Bytes.wrap(Arrays.copyOf(Keccak256.hash(signature.getBytes(StandardCharsets.US_ASCII)), 4)).toHex();
    }

    @SuppressWarnings("rawtypes")
    private static Function fn(String name, Type... args) {
        return new Function(name, List.of(args), List.of());
    }

    @SuppressWarnings("rawtypes")
    private static Function fn(String name, List<TypeReference<?>> outputs, Type... args) {
        return new Function(name, List.of(args), outputs);
    }

    private Address owner(KeyPair identity) {
        return (Address) registry.call(fn("identityOwner", List.of(new TypeReference<Address>() {
        }),
                address(identity))).getFirst();
    }

    private long changed(KeyPair identity) {
        return ((Uint256) registry.call(fn("changed", List.of(new TypeReference<Uint256>() {
        }), address(identity)))
                .getFirst()).getValue().longValueExact();
    }

    private long nonce(KeyPair identity) {
        return ((Uint256) registry.call(fn("nonce", List.of(new TypeReference<Uint256>() {
        }), address(identity)))
                .getFirst()).getValue().longValueExact();
    }

    private boolean validDelegate(KeyPair identity, org.web3j.abi.datatypes.generated.Bytes32 type, KeyPair delegate) {
        return ((Bool) registry.call(fn("validDelegate", List.of(new TypeReference<Bool>() {
        }), address(identity),
                type, address(delegate))).getFirst()).getValue();
    }

    @SuppressWarnings("rawtypes")
    private static List<Type> event(Receipt receipt, Event event) {
        String topic = EventEncoder.encode(event);
        List<Log> logs = receipt.logs().stream().filter(l -> l.topics().getFirst().toHex().equals(topic)).toList();
        assertThat(logs).as(event.getName()).hasSize(1);
        assertThat(logs.getFirst().address().toHex()).isEqualTo(DidRegistry.ADDRESS.toHex());
        return FunctionReturnDecoder.decode(logs.getFirst().data().toHex(), event.getNonIndexedParameters());
    }

    private Function signedChangeOwner(KeyPair identity, Signature s, Address newOwner) {
        return fn("changeOwnerSigned", address(identity), new Uint8(27 + s.recoveryId()), word(s.r()), word(s.s()),
                newOwner);
    }

    private Function signedSetAttribute(KeyPair identity, Signature s, String value, long validity) {
        return fn("setAttributeSigned", address(identity), new Uint8(27 + s.recoveryId()), word(s.r()), word(s.s()),
                SERVICE, bytes(value), new Uint256(validity));
    }

    /**
     * ERC-1056's signed message: 0x19 0x00, the registry's address, the owner's nonce, the identity, the function's
     * name and its arguments, packed. Arguments are addresses (hex strings), bytes32/bytes (byte arrays) or uint256
     * (longs).
     */
    private static byte[] packed(KeyPair identity, long nonce, String name, Object... args) {
        var out = new java.io.ByteArrayOutputStream();
        out.writeBytes(new byte[]{0x19, 0x00});
        out.writeBytes(DidRegistry.ADDRESS.toBytes().toArray());
        out.writeBytes(Bytes32.leftPad(BigInteger.valueOf(nonce).toByteArray()).toArray());
        out.writeBytes(TestKeys.address(identity).toBytes().toArray());
        out.writeBytes(name.getBytes(StandardCharsets.US_ASCII));
        for (Object a : args) {
            switch (a) {
                case String hex -> out.writeBytes(org.stele.common.Address.fromHex(hex).toBytes().toArray());
                case byte[] b -> out.writeBytes(b);
                case Long l -> out.writeBytes(Bytes32.leftPad(BigInteger.valueOf(l).toByteArray()).toArray());
                default -> throw new IllegalArgumentException(String.valueOf(a));
            }
        }
        return out.toByteArray();
    }

    private static Signature sign(KeyPair key, byte[] message) {
        return TestKeys.SUITE.sign(Keccak256.hash(message), key);
    }

    private static org.web3j.abi.datatypes.generated.Bytes32 word(Bytes32 w) {
        return new org.web3j.abi.datatypes.generated.Bytes32(w.toArray());
    }

    private static org.web3j.abi.datatypes.generated.Bytes32 name(String s) {
        return new org.web3j.abi.datatypes.generated.Bytes32(Arrays.copyOf(s.getBytes(StandardCharsets.US_ASCII), 32));
    }

    private static DynamicBytes bytes(String s) {
        return new DynamicBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private static Address address(KeyPair key) {
        return new Address(TestKeys.address(key).toHex());
    }
}
