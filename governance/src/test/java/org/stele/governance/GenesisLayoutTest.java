package org.stele.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stele.governance.Abi.address;
import static org.stele.governance.Abi.call;
import static org.stele.governance.Abi.uint;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.execution.genesis.GenesisFile;
import org.stele.testkit.TestKeys;

/**
 * The storage genesis seeds is the storage the contracts read: their own getters, executed on the genesis state,
 * answer what the genesis was given, and so does the node's direct reading of the slots.
 */
class GenesisLayoutTest {
    private static final Address A = TestKeys.address(TestKeys.named("gov-a"));
    private static final Address B = TestKeys.address(TestKeys.named("gov-b"));
    private static final Address C = TestKeys.address(TestKeys.named("gov-c"));
    private static final Address NODE = TestKeys.address(TestKeys.named("node-x"));
    private static final GovernanceGenesis GENESIS = new GovernanceGenesis(
            List.of(new Governor(A, 3), new Governor(B, 2), new Governor(C, 1)), 51, 67, 1234, List.of(C, A, B),
            List.of(A, B, C, NODE), new ChainParameters(25_000_000, BigInteger.valueOf(7), 65_536, 500));
    private final GovChain chain = new GovChain(GENESIS, List.of());

    private Bytes get(SystemContract c, String function, org.web3j.abi.datatypes.Type<?>... args) {
        return chain.call(c.address(), call(function, args));
    }

    @Test
    void theCommitteesGettersAnswerWhatGenesisSeeded() {
        assertThat(Abi.addresses(get(SystemContract.COMMITTEE, "getGovernors"))).containsExactly(A, B, C);
        assertThat(Abi.uint(get(SystemContract.COMMITTEE, "weightOf", address(A)))).isEqualTo(3);
        assertThat(Abi.uint(get(SystemContract.COMMITTEE, "weightOf", address(B)))).isEqualTo(2);
        assertThat(Abi.uint(get(SystemContract.COMMITTEE, "weightOf", address(NODE)))).isZero();
        assertThat(Abi.uint(get(SystemContract.COMMITTEE, "totalWeight"))).isEqualTo(6);
        assertThat(Abi.uint(get(SystemContract.COMMITTEE, "participationThreshold"))).isEqualTo(51);
        assertThat(Abi.uint(get(SystemContract.COMMITTEE, "winThreshold"))).isEqualTo(67);
        assertThat(Abi.uint(get(SystemContract.COMMITTEE, "votingPeriod"))).isEqualTo(1234);
        assertThat(Abi.uint(get(SystemContract.COMMITTEE, "proposalCount"))).isZero();
    }

    @Test
    void theValidatorAndNodeListsAnswerInTheirGenesisOrder() {
        assertThat(Abi.addresses(get(SystemContract.VALIDATORS, "getValidators"))).containsExactly(C, A, B);
        assertThat(Abi.bool(get(SystemContract.VALIDATORS, "isValidator", address(B)))).isTrue();
        assertThat(Abi.bool(get(SystemContract.VALIDATORS, "isValidator", address(NODE)))).isFalse();
        assertThat(Abi.addresses(get(SystemContract.NODE_ALLOWLIST, "getNodes"))).containsExactly(A, B, C, NODE);
        assertThat(Abi.bool(get(SystemContract.NODE_ALLOWLIST, "isAllowed", address(NODE)))).isTrue();
        GovernanceState state = chain.governance();
        assertThat(state.validators()).containsExactly(C, A, B);
        assertThat(state.nodes()).containsExactly(A, B, C, NODE);
        assertThat(state.isAdmitted(NODE)).isTrue();
        assertThat(state.isAdmitted(Address.ZERO)).isFalse();
    }

    @Test
    void governorsHoldTheGovernorRoleAndEveryModeIsOpen() {
        assertThat(Abi.bool(get(SystemContract.ACCOUNTS, "hasRole", address(A), uint(Roles.GOVERNOR)))).isTrue();
        assertThat(Abi.bool(get(SystemContract.ACCOUNTS, "hasRole", address(NODE), uint(Roles.GOVERNOR)))).isFalse();
        assertThat(Abi.uint(get(SystemContract.ACCOUNTS, "sendMode"))).isZero();
        assertThat(Abi.bool(get(SystemContract.ACCOUNTS, "mayTransact", address(NODE),
                new org.web3j.abi.datatypes.Bool(true)))).isTrue();
        GovernanceState state = chain.governance();
        assertThat(state.roles(A)).isEqualTo(Roles.GOVERNOR);
        assertThat(state.sendingAllowlisted()).isFalse();
        assertThat(state.deployingAllowlisted()).isFalse();
        assertThat(state.weight(A)).isEqualTo(3);
        assertThat(state.participationThreshold()).isEqualTo(51);
        assertThat(state.winThreshold()).isEqualTo(67);
        assertThat(state.votingPeriod()).isEqualTo(1234);
    }

    @Test
    void theParametersAnswerWhatGenesisSeeded() {
        assertThat(Abi.uint(get(SystemContract.PARAMETERS, "blockGasLimit"))).isEqualTo(25_000_000);
        assertThat(Abi.uint(get(SystemContract.PARAMETERS, "minGasPrice"))).isEqualTo(7);
        assertThat(Abi.uint(get(SystemContract.PARAMETERS, "maxTxSize"))).isEqualTo(65_536);
        assertThat(Abi.uint(get(SystemContract.PARAMETERS, "blockPeriodMillis"))).isEqualTo(500);
        assertThat(chain.governance().parameters())
                .isEqualTo(new ChainParameters(25_000_000, BigInteger.valueOf(7), 65_536, 500));
        assertThat(Abi.bool(get(SystemContract.FREEZES, "isFrozen", address(A)))).isFalse();
    }

    @Test
    void aGenesisFileWithTheContractsInItsAllocReadsBackToTheSameAccounts() {
        ObjectNode g = JsonNodeFactory.instance.objectNode();
        g.putObject("config").put("chainId", 1337).putObject("qbft");
        g.put("gasLimit", "0x1c9c380");
        GENESIS.addTo(g.putObject("alloc"));

        GenesisFile file = GenesisFile.parse(g);

        assertThat(file.alloc()).containsAllEntriesOf(GENESIS.allocations()).hasSize(6 + 3);
        assertThat(file.alloc().get(A).balance()).as("a governor can pay for its votes")
                .isEqualTo(new BigInteger(GovernanceGenesis.GOVERNOR_BALANCE.substring(2), 16));
        assertThat(file.alloc().get(SystemContract.COMMITTEE.address()).code())
                .isEqualTo(SystemContract.COMMITTEE.deployedCode());
    }
}
