package org.stele.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.stele.governance.Abi.address;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.stele.common.Address;
import org.stele.common.Bytes32;
import org.stele.common.crypto.KeyPair;
import org.stele.common.crypto.Keccak256;
import org.stele.testkit.TestKeys;

/**
 * {@code Accounts.revokeTokens} on the real EVM through the real importer: an account revokes its own JSON-RPC
 * tokens, an operator or the committee anyone's, and nobody else; the revocation time is what the nodes read.
 */
class TokenRevocationTest {
    private static final KeyPair GOVERNOR = TestKeys.named("gov-a");
    private static final KeyPair MEMBER = TestKeys.named("member");
    private static final KeyPair OTHER = TestKeys.named("other");
    private static final KeyPair OPERATOR = TestKeys.named("operator");
    private static final Address ACCOUNTS = SystemContract.ACCOUNTS.address();
    private static final Address COMMITTEE = SystemContract.COMMITTEE.address();
    private static final Bytes32 TOKENS_REVOKED = Bytes32.wrap(
            Keccak256.hash("TokensRevoked(address,uint256,address)".getBytes(java.nio.charset.StandardCharsets.UTF_8)));

    private final GovChain chain = new GovChain(new GovernanceGenesis(List.of(new Governor(a(GOVERNOR), 1)), 50, 50,
            10, List.of(a(GOVERNOR)), List.of(a(GOVERNOR)), ChainParameters.UNSET),
            List.of(GOVERNOR, MEMBER, OTHER, OPERATOR));

    private static Address a(KeyPair k) {
        return TestKeys.address(k);
    }

    /** Proposes {@code data} to {@code target} and votes it through with the one governor. */
    private void byProposal(Address target, org.stele.common.Bytes data) {
        GovChain.Sent proposed = chain.send(GOVERNOR, COMMITTEE, GovernanceCalls.propose(target, data, "test"));
        long id = Abi.uint(proposed.output()).longValueExact();
        assertThat(chain.send(GOVERNOR, COMMITTEE, GovernanceCalls.vote(id, true)).success()).isTrue();
    }

    @Test
    void anAccountRevokesItsOwnTokensUpToItsBlocksTime() {
        assertThat(chain.governance().tokensRevokedAt(a(MEMBER))).isZero();

        GovChain.Sent revoked = chain.send(MEMBER, ACCOUNTS, GovernanceCalls.revokeTokens(a(MEMBER)));

        assertThat(revoked.success()).isTrue();
        long time = chain.head().timestamp();
        assertThat(chain.governance().tokensRevokedAt(a(MEMBER))).isEqualTo(time);
        assertThat(chain.governance().tokensRevokedAt(a(OTHER))).as("no one else's").isZero();
        assertThat(revoked.logs()).singleElement().satisfies(log -> {
            assertThat(log.address()).isEqualTo(ACCOUNTS);
            assertThat(log.topics()).containsExactly(TOKENS_REVOKED, Bytes32.leftPad(a(MEMBER).toArray()));
            assertThat(Abi.uint(log.data().slice(0, 32)).longValueExact()).isEqualTo(time);
            assertThat(Address.fromWord(Bytes32.of(log.data().slice(32, 32)))).as("by").isEqualTo(a(MEMBER));
        });
    }

    @Test
    void anotherAccountWithoutTheOperatorRoleMayNotRevokeAnAccountsTokens() {
        GovChain.Sent refused = chain.send(OTHER, ACCOUNTS, GovernanceCalls.revokeTokens(a(MEMBER)));

        assertThat(refused.success()).isFalse();
        assertThat(refused.output()).isEqualTo(
                Abi.error("NotAllowedToRevokeTokens(address,address)", address(a(OTHER)), address(a(MEMBER))));
        assertThat(chain.governance().tokensRevokedAt(a(MEMBER))).isZero();
    }

    @Test
    void anOperatorAndTheCommitteeRevokeAnyAccountsTokens() {
        byProposal(ACCOUNTS, GovernanceCalls.grantRole(a(OPERATOR), Roles.OPERATOR));

        assertThat(chain.send(OPERATOR, ACCOUNTS, GovernanceCalls.revokeTokens(a(MEMBER))).success()).isTrue();
        assertThat(chain.governance().tokensRevokedAt(a(MEMBER))).isEqualTo(chain.head().timestamp());

        byProposal(ACCOUNTS, GovernanceCalls.revokeTokens(a(OTHER)));
        assertThat(chain.governance().tokensRevokedAt(a(OTHER))).isEqualTo(chain.head().timestamp());
    }
}
