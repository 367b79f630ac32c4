package org.stele.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.common.crypto.KeyPair;
import org.stele.execution.block.Genesis;
import org.stele.execution.importer.ImportResult;
import org.stele.testkit.TestKeys;
import org.web3j.abi.datatypes.Utf8String;

/**
 * A freeze holds inside contracts too: a call into a frozen contract from another contract reverts with a reason that
 * names it, on the real builder, importer and EVM, read from the parent block's state; a proposer that ignores it
 * makes a block every honest node refuses.
 */
class FrozenCallsTest {
    private static final KeyPair GOVERNOR = TestKeys.named("governor");
    private static final KeyPair HONEST = TestKeys.named("honest");
    /** Calls the address in the first word of its call data and passes a revert on with its data. */
    private static final Address FORWARDER = Address.fromHex("0x00000000000000000000000000000000000f0a0d");
    /** The same with DELEGATECALL: runs the code at that address in its own storage. */
    private static final Address DELEGATOR = Address.fromHex("0x00000000000000000000000000000000000de1e9");
    private static final Address TARGET = Address.fromHex("0x00000000000000000000000000000000000c0de1");
    /** CREATE2s the one-byte init code 0x00 with salt 0 and passes a revert on with its data. */
    private static final Address FACTORY = Address.fromHex("0x00000000000000000000000000000000000fac70");
    /** SELFDESTRUCTs paying the address in the first word of its call data. */
    private static final Address DESTRUCTOR = Address.fromHex("0x00000000000000000000000000000000000de57c");

    private final GovChain chain = new GovChain(new GovernanceGenesis(List.of(new Governor(a(GOVERNOR), 1)), 50, 50,
            100, List.of(a(GOVERNOR)), List.of(a(GOVERNOR)), ChainParameters.UNSET), List.of(GOVERNOR, HONEST),
            Map.of(FORWARDER, code("600060006000600060006000355af1601c573d600060003e3d6000fd5b00"), DELEGATOR,
                    code("6000600060006000600035" + "5af4601a573d600060003e3d6000fd5b00"), TARGET, code("00"),
                    FACTORY, code("6000600160006000f515600e57005b3d600060003e3d6000fd"), DESTRUCTOR,
                    new Genesis.Allocation(BigInteger.valueOf(1000), 1, Bytes.fromHex("600035ff"), Map.of())));

    private static Genesis.Allocation code(String hex) {
        return new Genesis.Allocation(BigInteger.ZERO, 1, Bytes.fromHex(hex), Map.of());
    }

    private static Address a(KeyPair k) {
        return TestKeys.address(k);
    }

    private void decide(Bytes call) {
        GovChain.Sent proposed = chain.send(GOVERNOR, SystemContract.COMMITTEE.address(),
                GovernanceCalls.propose(SystemContract.FREEZES.address(), call, "freeze"));
        long id = Abi.uint(proposed.output()).longValueExact();
        assertThat(chain.send(GOVERNOR, SystemContract.COMMITTEE.address(), GovernanceCalls.vote(id, true)).success())
                .isTrue();
    }

    private static Bytes word(Address a) {
        return Bytes.concat(Bytes.wrap(new byte[12]), Bytes.wrap(a.toArray()));
    }

    private static Bytes error(String message) {
        return Abi.error("Error(string)", new Utf8String(message));
    }

    private static Bytes refusal(Address frozen) {
        return Abi.error("Error(string)", new Utf8String("call into " + frozen.toChecksumHex()
                + " refused: it is frozen by governance (Freezes 0x0000000000000000000000000000000000001004)"));
    }

    @Test
    void aContractCallingAFrozenContractRevertsWithAReasonThatNamesIt() {
        assertThat(chain.send(HONEST, FORWARDER, word(TARGET)).success()).as("before the freeze").isTrue();
        decide(GovernanceCalls.freeze(TARGET, "exploit"));

        GovChain.Sent sent = chain.send(HONEST, FORWARDER, word(TARGET));

        assertThat(sent.success()).isFalse();
        assertThat(sent.output()).isEqualTo(refusal(TARGET));
    }

    @Test
    void aDelegateCallIntoAFrozenLibraryIsRefusedAsWell() {
        decide(GovernanceCalls.freeze(TARGET, "exploit"));

        GovChain.Sent sent = chain.send(HONEST, DELEGATOR, word(TARGET));

        assertThat(sent.success()).isFalse();
        assertThat(sent.output()).isEqualTo(refusal(TARGET));
    }

    @Test
    void aCallFromAContractIntoAFrozenAccountIsRefusedSoItReceivesNothing() {
        decide(GovernanceCalls.freeze(a(HONEST), "court order"));

        assertThat(chain.tryCall(FORWARDER, word(a(HONEST))).output()).isEqualTo(refusal(a(HONEST)));
    }

    @Test
    void aCreate2ThatWouldLandAtAFrozenAddressRevertsWithAReasonThatNamesIt() {
        Address landing = org.stele.evm.Evm.create2Address(FACTORY, new byte[32],
                org.stele.common.crypto.Keccak256.hash(new byte[1]));
        decide(GovernanceCalls.freeze(landing, "reserved by court order"));

        GovChain.Sent sent = chain.send(HONEST, FACTORY, Bytes.EMPTY);

        assertThat(sent.success()).isFalse();
        assertThat(sent.output()).isEqualTo(error("creation at " + landing.toChecksumHex()
                + " refused: it is frozen by governance (Freezes 0x0000000000000000000000000000000000001004)"));
        assertThat(chain.headState().account(landing)).isNull();

        decide(GovernanceCalls.unfreeze(landing));
        assertThat(chain.send(HONEST, FACTORY, Bytes.EMPTY).success()).as("after the unfreeze").isTrue();
        assertThat(chain.headState().account(landing)).isNotNull();
    }

    @Test
    void aSelfDestructPayingAFrozenAccountRevertsAndTheBalanceStaysPut() {
        decide(GovernanceCalls.freeze(a(HONEST), "court order"));

        GovChain.Sent sent = chain.send(GOVERNOR, DESTRUCTOR, word(a(HONEST)));

        assertThat(sent.success()).isFalse();
        assertThat(sent.output()).isEqualTo(error("SELFDESTRUCT paying " + a(HONEST).toChecksumHex()
                + " refused: it is frozen by governance (Freezes 0x0000000000000000000000000000000000001004)"));
        assertThat(chain.headState().account(DESTRUCTOR).balance()).isEqualTo(1000);
        assertThat(chain.send(GOVERNOR, DESTRUCTOR, word(TARGET)).success()).as("paying an account not frozen")
                .isTrue();
        assertThat(chain.headState().account(TARGET).balance()).isEqualTo(1000);
    }

    @Test
    void aBlockWhoseProposerIgnoredAFreezeOnACreationOrABeneficiaryIsRefused() {
        decide(GovernanceCalls.freeze(a(HONEST), "court order"));

        ImportResult result = chain.importBlock(chain.build(chain.tx(GOVERNOR, DESTRUCTOR, word(a(HONEST)))));

        assertThat(result).isInstanceOf(ImportResult.Refused.class);
    }

    @Test
    void aBlockWhoseProposerIgnoredTheFreezeInsideAContractIsRefused() {
        decide(GovernanceCalls.freeze(TARGET, "exploit"));

        ImportResult result = chain.importBlock(chain.build(chain.tx(HONEST, FORWARDER, word(TARGET))));

        assertThat(result).isInstanceOf(ImportResult.Refused.class);
        assertThat(chain.importBlock(chain.buildHonestly(chain.tx(HONEST, FORWARDER, word(TARGET)))))
                .as("the same transaction under the freeze").isInstanceOf(ImportResult.Imported.class);
    }

    @Test
    void afterTheUnfreezeTheCallGoesThroughAgain() {
        decide(GovernanceCalls.freeze(TARGET, "exploit"));
        decide(GovernanceCalls.unfreeze(TARGET));

        assertThat(chain.send(HONEST, FORWARDER, word(TARGET)).success()).isTrue();
    }

    @Test
    void callsAreGuardedOnlyWhileSomethingIsFrozen() {
        assertThat(GovernancePolicy.INSTANCE.at(chain.headState()).callGuard()).isNull();

        decide(GovernanceCalls.freeze(TARGET, "exploit"));
        decide(GovernanceCalls.freeze(a(HONEST), "court order"));
        assertThat(Abi.uint(chain.call(SystemContract.FREEZES.address(), Abi.call("frozenCount"))))
                .isEqualTo(BigInteger.TWO);
        assertThat(chain.governance().frozenCount()).isEqualTo(BigInteger.TWO);
        assertThat(GovernancePolicy.INSTANCE.at(chain.headState()).callGuard()).isNotNull();

        decide(GovernanceCalls.unfreeze(TARGET));
        decide(GovernanceCalls.unfreeze(a(HONEST)));
        assertThat(chain.governance().frozenCount()).isZero();
        assertThat(GovernancePolicy.INSTANCE.at(chain.headState()).callGuard()).isNull();
    }
}
