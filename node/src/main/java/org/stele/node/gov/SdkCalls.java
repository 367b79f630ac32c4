package org.stele.node.gov;

import java.math.BigInteger;
import org.stele.common.Address;
import org.stele.common.Bytes;
import org.stele.sdk.governance.GovernanceClient;
import org.web3j.protocol.core.RemoteFunctionCall;

/**
 * The call data {@code stele gov} sends and reads with, encoded by the governance SDK's web3j wrappers
 * ({@link GovernanceClient#encoder()}), which are generated from the contracts' committed ABI: the command and
 * operators' own applications share one encoding, and neither can drift from the contracts.
 */
final class SdkCalls {
    private static final GovernanceClient SDK = GovernanceClient.encoder();

    private SdkCalls() {
    }

    private static Bytes data(RemoteFunctionCall<?> call) {
        return Bytes.fromHex(call.encodeFunctionCall());
    }

    static Bytes propose(Address target, Bytes call, String description) {
        return data(SDK.committee().propose(target.toHex(), call.toArray(), description));
    }

    static Bytes vote(long id, boolean support) {
        return data(SDK.committee().vote(BigInteger.valueOf(id), support));
    }

    static Bytes voteOf(long id, Address governor) {
        return data(SDK.committee().voteOf(BigInteger.valueOf(id), governor.toHex()));
    }

    static Bytes revokeTokens(Address account) {
        return data(SDK.accounts().revokeTokens(account.toHex()));
    }

    static Bytes getValidators() {
        return data(SDK.validators().getValidators());
    }

    static Bytes addValidator(Address validator) {
        return data(SDK.validators().addValidator(validator.toHex()));
    }

    static Bytes removeValidator(Address validator) {
        return data(SDK.validators().removeValidator(validator.toHex()));
    }

    static Bytes isAllowed(Address node) {
        return data(SDK.nodes().isAllowed(node.toHex()));
    }

    static Bytes admitNode(Address node) {
        return data(SDK.nodes().admitNode(node.toHex()));
    }

    static Bytes removeNode(Address node) {
        return data(SDK.nodes().removeNode(node.toHex()));
    }

    static Bytes freeze(Address account, String reason) {
        return data(SDK.freezes().freeze(account.toHex(), reason));
    }

    static Bytes unfreeze(Address account) {
        return data(SDK.freezes().unfreeze(account.toHex()));
    }

    static Bytes grantRole(Address account, long role) {
        return data(SDK.accounts().grantRole(account.toHex(), BigInteger.valueOf(role)));
    }

    static Bytes revokeRole(Address account, long role) {
        return data(SDK.accounts().revokeRole(account.toHex(), BigInteger.valueOf(role)));
    }

    static Bytes setBlockGasLimit(long gas) {
        return data(SDK.parameters().setBlockGasLimit(BigInteger.valueOf(gas)));
    }

    static Bytes setMinGasPrice(BigInteger wei) {
        return data(SDK.parameters().setMinGasPrice(wei));
    }

    static Bytes setMaxTxSize(long bytes) {
        return data(SDK.parameters().setMaxTxSize(BigInteger.valueOf(bytes)));
    }

    static Bytes setBlockPeriod(long millis) {
        return data(SDK.parameters().setBlockPeriod(BigInteger.valueOf(millis)));
    }
}
