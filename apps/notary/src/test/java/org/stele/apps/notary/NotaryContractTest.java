package org.stele.apps.notary;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stele.apps.notary.NotaryChain.ALICE;
import static org.stele.apps.notary.NotaryChain.BOB;
import static org.stele.apps.notary.NotaryChain.CAROL;
import static org.stele.apps.notary.NotaryChain.OWNER;
import static org.stele.apps.notary.NotaryChain.STRANGER;
import static org.stele.apps.notary.NotaryChain.address;
import static org.stele.apps.notary.NotaryChain.web3jKey;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stele.apps.notary.NotaryChain.Outcome;
import org.web3j.utils.Numeric;

/** Every rule of Notary.sol and each of its custom errors, in Stele's EVM. */
class NotaryContractTest {
    private static final String DOC = "0x" + "ab".repeat(32);
    private static final String DOC_V2 = "0x" + "cd".repeat(32);
    private static final String ZERO = "0x" + "00".repeat(32);
    private final NotaryChain chain = new NotaryChain();

    private static List<String> parties() {
        return List.of(address(ALICE), address(BOB), address(CAROL));
    }

    private static void assertRefused(Outcome o, String error, String... args) {
        assertThat(o.refusal()).as("refusal").isPresent();
        assertThat(o.refusal().get().name()).isEqualTo(error);
        if (args.length > 0) assertThat(o.refusal().get().arguments()).containsExactly(args);
    }

    private void twoOfThree() {
        assertThat(chain.notary(OWNER, NotaryCalls.createDocument(DOC, parties(), 2)).refusal()).isEmpty();
    }

    private byte[] signature(org.stele.common.crypto.KeyPair key, String document) {
        return NotarySignatures.sign(web3jKey(key), NotaryChain.chainId(), chain.notary, document);
    }

    @Test
    void aStampedHashIsRecordedWithItsStamperAndBlock() {
        Outcome o = chain.notary(ALICE, NotaryCalls.stamp(DOC));

        assertThat(o.events()).singleElement()
                .isEqualTo(new NotaryEvent.Stamped(o.events().get(0).position(), DOC, address(ALICE)));
        String stamp = chain.call(NotaryCalls.stampOf(DOC));
        assertThat(stamp).isEqualTo("0x" + "0".repeat(24) + address(ALICE).substring(2)
                + Numeric.toHexStringNoPrefixZeroPadded(java.math.BigInteger.valueOf(chain.head()), 64));
    }

    @Test
    void aHashIsStampedOnceAndNeverTheZeroHash() {
        chain.notary(ALICE, NotaryCalls.stamp(DOC));
        long block = chain.head();

        assertRefused(chain.notary(BOB, NotaryCalls.stamp(DOC)), "AlreadyStamped", DOC, address(ALICE),
                Long.toString(block));
        assertRefused(chain.notary(BOB, NotaryCalls.stamp(ZERO)), "ZeroHash");
    }

    @Test
    void aBatchRootIsStampedWithItsSize() {
        Outcome o = chain.notary(ALICE, NotaryCalls.stampBatch(DOC, 100_000));

        assertThat(o.events()).singleElement().isEqualTo(new NotaryEvent.BatchStamped(o.events().get(0).position(),
                DOC, address(ALICE), java.math.BigInteger.valueOf(100_000)));
    }

    @Test
    void aBatchIsNotEmptyAndItsRootNotAnchoredBefore() {
        assertRefused(chain.notary(ALICE, NotaryCalls.stampBatch(DOC, 0)), "EmptyBatch");
        assertRefused(chain.notary(ALICE, NotaryCalls.stampBatch(ZERO, 3)), "ZeroHash");
        chain.notary(ALICE, NotaryCalls.stamp(DOC));
        assertRefused(chain.notary(BOB, NotaryCalls.stampBatch(DOC, 3)), "AlreadyStamped");
    }

    @Test
    void aDocumentNamesItsPartiesAndThreshold() {
        Outcome o = chain.notary(OWNER, NotaryCalls.createDocument(DOC, parties(), 2));

        assertThat(o.events()).singleElement().isEqualTo(new NotaryEvent.DocumentCreated(o.events().get(0).position(),
                DOC, address(OWNER), 2, parties()));
    }

    @Test
    void aDocumentNeedsAHashDistinctNonZeroPartiesAndAThresholdWithinThem() {
        assertRefused(chain.notary(OWNER, NotaryCalls.createDocument(ZERO, parties(), 2)), "ZeroHash");
        assertRefused(chain.notary(OWNER, NotaryCalls.createDocument(DOC, List.of(), 1)), "NoParties");
        assertRefused(chain.notary(OWNER, NotaryCalls.createDocument(DOC, parties(), 0)), "BadThreshold", "0", "3");
        assertRefused(chain.notary(OWNER, NotaryCalls.createDocument(DOC, parties(), 4)), "BadThreshold", "4", "3");
        assertRefused(chain.notary(OWNER, NotaryCalls.createDocument(DOC,
                List.of(address(ALICE), "0x" + "00".repeat(20)), 1)), "ZeroAddress");
        assertRefused(chain.notary(OWNER, NotaryCalls.createDocument(DOC,
                List.of(address(ALICE), address(BOB), address(ALICE)), 1)), "DuplicateParty", address(ALICE));
        List<String> many = new ArrayList<>();
        for (int i = 1; i <= 65; i++) many.add(String.format("0x%040x", i));
        assertRefused(chain.notary(OWNER, NotaryCalls.createDocument(DOC, many, 1)), "TooManyParties", "65", "64");
    }

    @Test
    void aDocumentIsCreatedOnce() {
        twoOfThree();
        assertRefused(chain.notary(STRANGER, NotaryCalls.createDocument(DOC, parties(), 1)), "DocumentExists", DOC);
    }

    @Test
    void twoOfThreePartiesSigningCompleteTheDocumentAndTheThirdMayStillSign() {
        twoOfThree();

        Outcome first = chain.notary(ALICE, NotaryCalls.sign(DOC));
        Outcome second = chain.notary(CAROL, NotaryCalls.sign(DOC));
        Outcome third = chain.notary(BOB, NotaryCalls.sign(DOC));

        assertThat(first.events()).singleElement()
                .isEqualTo(new NotaryEvent.Signed(first.events().get(0).position(), DOC, address(ALICE),
                        address(ALICE)));
        assertThat(second.events()).hasSize(2);
        assertThat(second.events().get(1))
                .isEqualTo(new NotaryEvent.Completed(second.events().get(1).position(), DOC, 2));
        assertThat(third.events()).singleElement().isInstanceOf(NotaryEvent.Signed.class);
        assertThat(chain.call(NotaryCalls.documentOf(DOC))).endsWith(
                Numeric.toHexStringNoPrefixZeroPadded(java.math.BigInteger.valueOf(3), 64)
                        + Numeric.toHexStringNoPrefixZeroPadded(java.math.BigInteger.TWO, 64));
    }

    @Test
    void onlyANamedPartySignsAnExistingDocumentAndOnlyOnce() {
        assertRefused(chain.notary(ALICE, NotaryCalls.sign(DOC)), "UnknownDocument", DOC);
        twoOfThree();
        assertRefused(chain.notary(STRANGER, NotaryCalls.sign(DOC)), "NotAParty", DOC, address(STRANGER));
        chain.notary(ALICE, NotaryCalls.sign(DOC));
        assertRefused(chain.notary(ALICE, NotaryCalls.sign(DOC)), "AlreadySigned", DOC, address(ALICE));
    }

    @Test
    void anyoneRelaysAPartysTypedSignature() {
        twoOfThree();

        Outcome o = chain.notary(STRANGER, NotaryCalls.signFor(DOC, address(BOB), signature(BOB, DOC)));

        assertThat(o.events()).singleElement().isEqualTo(new NotaryEvent.Signed(o.events().get(0).position(), DOC,
                address(BOB), address(STRANGER)));
        assertRefused(chain.notary(STRANGER, NotaryCalls.signFor(DOC, address(BOB), signature(BOB, DOC))),
                "AlreadySigned", DOC, address(BOB));
    }

    @Test
    void theSdksTypedDataDigestIsTheContractsOwn() {
        assertThat(chain.call(NotaryCalls.signatureDigest(DOC)))
                .isEqualTo(Numeric.toHexString(NotarySignatures.digest(NotaryChain.chainId(), chain.notary, DOC)));
    }

    @Test
    void aRelayedSignatureMustBeTheNamedSignersOfThisDocumentOnThisContract() {
        twoOfThree();
        chain.notary(OWNER, NotaryCalls.createDocument(DOC_V2, parties(), 2));

        assertRefused(chain.notary(STRANGER, NotaryCalls.signFor(DOC, address(BOB), signature(CAROL, DOC))),
                "InvalidSignature", DOC, address(BOB));
        assertRefused(chain.notary(STRANGER, NotaryCalls.signFor(DOC, address(BOB), signature(BOB, DOC_V2))),
                "InvalidSignature", DOC, address(BOB));
        byte[] otherContract = NotarySignatures.sign(web3jKey(BOB), NotaryChain.chainId(),
                "0x" + "11".repeat(20), DOC);
        assertRefused(chain.notary(STRANGER, NotaryCalls.signFor(DOC, address(BOB), otherContract)),
                "InvalidSignature", DOC, address(BOB));
        byte[] otherChain = NotarySignatures.sign(web3jKey(BOB), NotaryChain.chainId() + 1, chain.notary, DOC);
        assertRefused(chain.notary(STRANGER, NotaryCalls.signFor(DOC, address(BOB), otherChain)),
                "InvalidSignature", DOC, address(BOB));
        assertRefused(chain.notary(STRANGER, NotaryCalls.signFor(DOC, address(BOB), new byte[64])),
                "InvalidSignature", DOC, address(BOB));
        assertRefused(chain.notary(STRANGER, NotaryCalls.signFor(DOC, address(STRANGER), signature(STRANGER, DOC))),
                "NotAParty", DOC, address(STRANGER));
    }

    @Test
    void theCreatorRevokesADocumentAndThenNobodySignsIt() {
        twoOfThree();
        assertRefused(chain.notary(ALICE, NotaryCalls.revoke(DOC, "mine")), "NotCreator", DOC, address(ALICE));

        Outcome o = chain.notary(OWNER, NotaryCalls.revoke(DOC, "wrong figures"));

        assertThat(o.events()).singleElement().isEqualTo(new NotaryEvent.Revoked(o.events().get(0).position(), DOC,
                address(OWNER), "wrong figures"));
        assertRefused(chain.notary(ALICE, NotaryCalls.sign(DOC)), "DocumentClosed", DOC, "3");
        assertRefused(chain.notary(STRANGER, NotaryCalls.signFor(DOC, address(BOB), signature(BOB, DOC))),
                "DocumentClosed", DOC, "3");
        assertRefused(chain.notary(OWNER, NotaryCalls.revoke(DOC, "again")), "DocumentClosed", DOC, "3");
        assertRefused(chain.notary(OWNER, NotaryCalls.revoke(DOC_V2, "never made")), "UnknownDocument", DOC_V2);
    }

    @Test
    void aCompleteDocumentCanStillBeRevoked() {
        twoOfThree();
        chain.notary(ALICE, NotaryCalls.sign(DOC));
        chain.notary(BOB, NotaryCalls.sign(DOC));

        assertThat(chain.notary(OWNER, NotaryCalls.revoke(DOC, "withdrawn")).refusal()).isEmpty();
    }

    @Test
    void theCreatorSupersedesADocumentByANewVersionWhichIsSignedInstead() {
        twoOfThree();
        chain.notary(ALICE, NotaryCalls.sign(DOC));

        Outcome o = chain.notary(OWNER, NotaryCalls.supersede(DOC, DOC_V2, List.of(address(ALICE), address(BOB)), 2));

        assertThat(o.events()).hasSize(2);
        assertThat(o.events().get(0)).isEqualTo(new NotaryEvent.DocumentCreated(o.events().get(0).position(), DOC_V2,
                address(OWNER), 2, List.of(address(ALICE), address(BOB))));
        assertThat(o.events().get(1))
                .isEqualTo(new NotaryEvent.Superseded(o.events().get(1).position(), DOC, DOC_V2));
        assertRefused(chain.notary(BOB, NotaryCalls.sign(DOC)), "DocumentClosed", DOC, "4");
        assertThat(chain.notary(BOB, NotaryCalls.sign(DOC_V2)).refusal()).isEmpty();
    }

    @Test
    void onlyTheCreatorSupersedesAnOpenDocumentByANewOne() {
        twoOfThree();
        assertRefused(chain.notary(ALICE, NotaryCalls.supersede(DOC, DOC_V2, parties(), 1)), "NotCreator", DOC,
                address(ALICE));
        assertRefused(chain.notary(OWNER, NotaryCalls.supersede(DOC, DOC, parties(), 1)), "DocumentExists", DOC);
        assertRefused(chain.notary(OWNER, NotaryCalls.supersede(DOC, DOC_V2, parties(), 5)), "BadThreshold", "5",
                "3");
        assertRefused(chain.notary(OWNER, NotaryCalls.supersede(DOC_V2, DOC, parties(), 1)), "UnknownDocument",
                DOC_V2);
        chain.notary(OWNER, NotaryCalls.revoke(DOC, "void"));
        assertRefused(chain.notary(OWNER, NotaryCalls.supersede(DOC, DOC_V2, parties(), 1)), "DocumentClosed", DOC,
                "3");
    }
}
